import type { FieldProblem, WorkloadField } from '../logic/parseWorkload.ts';
import type { Messages } from './messages.ts';

/**
 * The summary shown in place of the total while form fields are invalid: each bad field by its
 * label, with what it needs, in form order.
 *
 * @example
 * ```ts
 * describeFieldProblems(MESSAGES.en, { cacheHit: 'percent' }); // 'Cache hit: Enter a percentage from 0 to 100.'
 * ```
 */
export function describeFieldProblems(t: Messages, errors: Readonly<Partial<Record<WorkloadField, FieldProblem>>>): string {
  return (Object.keys(errors) as WorkloadField[]).map((field) => `${t[field]}: ${describeFieldProblem(t, errors[field])}`).join(' ');
}

/**
 * What one field needs, for the message under it.
 *
 * @example
 * ```ts
 * describeFieldProblem(MESSAGES.zh, 'wholeNumber'); // '请输入 0 或更大的整数。'
 * ```
 */
export function describeFieldProblem(t: Messages, problem: FieldProblem | undefined): string {
  return problem === 'percent' ? t.fieldPercent : t.fieldWholeNumber;
}
