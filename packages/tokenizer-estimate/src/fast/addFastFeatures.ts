import type { FastFeatures } from './fastFeatures.ts';

/**
 * Adds `more` into `sum` field by field (every feature is a count) and returns `sum`.
 *
 * @example
 * ```ts
 * const sum = fastFeatures('Hello\n', table);
 * addFastFeatures(sum, fastFeatures('world', table)); // the features of 'Hello\nworld'
 * ```
 */
export function addFastFeatures(sum: FastFeatures, more: FastFeatures): FastFeatures {
  for (const key of Object.keys(sum) as (keyof FastFeatures)[]) sum[key] += more[key];
  return sum;
}
