import fc from 'fast-check';
import { expect } from 'vitest';
import { BeforeHistoryError, CurrencyNotPublishedError, ModelNotAvailableError, RetiredModelError, SeekcostError, UnknownModelError } from '@seekcost/pricing';

// The harness every entry point's fuzz test runs through: call, and sort the outcome into a result
// (checked by the caller against the oracle) or a typed error that names a field. Anything else
// (a TypeError, a RangeError, NaN) escapes and fails the run with the input that caused it.

export const SEED = 20_261_203;
export const RUNS = 10_000;

export type Outcome<T> = { readonly ok: T } | { readonly error: SeekcostError };

export function attempt<T>(call: () => T): Outcome<T> {
  try {
    return { ok: call() };
  } catch (error) {
    if (error instanceof SeekcostError) return { error };
    throw error;
  }
}

/** The input field a typed error is about: its `field`, or what its kind implies. */
export function fieldOf(error: SeekcostError): string {
  if ('field' in error && typeof error.field === 'string') return error.field;
  if (error instanceof UnknownModelError || error instanceof RetiredModelError || error instanceof ModelNotAvailableError) return 'model';
  if (error instanceof BeforeHistoryError) return 'at';
  if (error instanceof CurrencyNotPublishedError) return 'currency';
  return '';
}

/** The call must have thrown a typed error naming one of the hostile fields (or a path under one). */
export function expectRefused(outcome: Outcome<unknown>, hostile: readonly string[]): void {
  if (!('error' in outcome)) throw new Error(`expected a typed error naming ${hostile.join(' or ')}, got a result`);
  const field = fieldOf(outcome.error);
  expect(field, outcome.error.message).not.toBe('');
  expect(
    hostile.some((h) => field === h || field.startsWith(`${h}.`)),
    `${field} is not one of ${hostile.join(', ')}: ${outcome.error.message}`,
  ).toBe(true);
}

/** The call must have thrown the typed error the oracle names. */
export function expectOracleError(outcome: Outcome<unknown>, name: string): void {
  if (!('error' in outcome)) throw new Error(`expected ${name}, got a result`);
  expect(outcome.error.name).toBe(name);
  expect(fieldOf(outcome.error)).not.toBe('');
}

/** The result of a call that must have succeeded. */
export function resultOf<T>(outcome: Outcome<T>): T {
  if ('error' in outcome) throw new Error(`expected a result, got ${outcome.error.name}: ${outcome.error.message}`);
  return outcome.ok;
}

export type Kind = 'results' | 'errors';
export interface Tally {
  seeds: number;
  inputs: number;
  results: number;
  errors: number;
}
export const tallies = new Map<string, Tally>();

/** Runs the fixed seed inputs, then RUNS generated ones with the fixed seed, through `check`. */
export function runFuzz<T>(name: string, arbitrary: fc.Arbitrary<T>, check: (input: T) => Kind, seeds: readonly T[]): void {
  const tally: Tally = { seeds: 0, inputs: 0, results: 0, errors: 0 };
  for (const seed of seeds) {
    tally[check(seed)]++;
    tally.seeds++;
  }
  fc.assert(
    fc.property(arbitrary, (input) => {
      tally[check(input)]++;
      tally.inputs++;
    }),
    { seed: SEED, numRuns: RUNS },
  );
  tallies.set(name, tally);
}

/** Fields of a generated input that are hostile. */
export function hostileFields(...fields: readonly { readonly hostile?: string | undefined }[]): string[] {
  return fields.flatMap((f) => (f.hostile === undefined ? [] : [f.hostile]));
}
