import { describeValue } from './describeValue.ts';
import { InvalidArgumentError } from './errors.ts';
import { getBundledTariff } from './getBundledTariff.ts';
import { validateTokenCount } from './normalizeUsage.ts';
import { resolveModel } from './resolveModel.ts';
import type { CompiledLimits, Tariff } from './tariff.ts';
import { toEpochMs } from './toEpochMs.ts';

/**
 * One limit a request goes over.
 *
 * @example
 * ```ts
 * const over: LimitExceeded | undefined = checkLimits({ model: 'deepseek-chat', at, inputTokens: 70_000, outputTokens: 1 }).exceeded[0];
 * // over?.limit === 'context'
 * ```
 */
export interface LimitExceeded {
  readonly limit: 'context' | 'max-output';
  readonly allowed: number;
  readonly requested: number;
  readonly message: string;
}

/**
 * The limits in force and which of them a request would exceed (none: an empty list).
 *
 * @example
 * ```ts
 * const { limits, exceeded } = checkLimits({ model: 'deepseek-v4-pro', at: new Date(), inputTokens: 900_000, outputTokens: 1000 });
 * limits.contextTokens; // => 1048576
 * ```
 */
export interface LimitCheck {
  readonly limits: CompiledLimits;
  readonly exceeded: readonly LimitExceeded[];
  /** True when a limit is not known for that instant (so it could not be checked). */
  readonly unknown: boolean;
}

/**
 * Arguments of {@link checkLimits}.
 *
 * @example
 * ```ts
 * const options: CheckLimitsOptions = { model: 'deepseek-v4-flash', at: '2026-10-01T00:00:00Z', inputTokens: 5000, outputTokens: 500 };
 * ```
 */
export interface CheckLimitsOptions {
  readonly model: string;
  readonly at: Date | number | string;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly tariff?: Tariff;
}

/**
 * The context length and maximum output of a model at an instant, and whether a request of that size
 * fits: input + output must fit the context, output the maximum output (plus, where DeepSeek caps
 * only the answer, the reasoning allowance).
 *
 * @example
 * ```ts
 * const check = checkLimits({ model: 'deepseek-chat', at: '2025-03-01T00:00:00Z', inputTokens: 60_000, outputTokens: 9_000 });
 * check.limits.contextTokens; // => 65536
 * check.exceeded.map((e) => e.limit); // => ['context', 'max-output']
 * ```
 */
export function checkLimits(options: CheckLimitsOptions): LimitCheck {
  if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('options', `must be an object, got ${describeValue(options)}`);
  const tariff = options.tariff ?? getBundledTariff();
  if (typeof options.model !== 'string') throw new InvalidArgumentError('model', `must be a string, got ${describeValue(options.model)}`);
  const input = validateTokenCount(options.inputTokens, 'inputTokens');
  const output = validateTokenCount(options.outputTokens, 'outputTokens');
  const { limits } = resolveModel(tariff, options.model, toEpochMs(options.at, 'at')).period;
  const exceeded: LimitExceeded[] = [];
  if (limits.contextTokens !== null && input + output > limits.contextTokens) {
    exceeded.push({
      limit: 'context',
      allowed: limits.contextTokens,
      requested: input + output,
      message: `input + output (${input + output} tokens) exceeds the ${limits.contextTokens}-token context length`,
    });
  }
  if (limits.maxOutputTokens !== null) {
    const allowed = limits.maxOutputTokens + (limits.maxReasoningTokens ?? 0);
    if (output > allowed) {
      exceeded.push({ limit: 'max-output', allowed, requested: output, message: `output (${output} tokens) exceeds the maximum output of ${allowed} tokens` });
    }
  }
  return { limits, exceeded, unknown: limits.contextTokens === null || limits.maxOutputTokens === null };
}
