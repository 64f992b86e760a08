import { FAST_WEIGHTS } from '../generated/fastCalibration.ts';
import type { FastFeatures } from './fastFeatures.ts';

const WEIGHT_ENTRIES = Object.entries(FAST_WEIGHTS) as [keyof typeof FAST_WEIGHTS, number][];

/**
 * The fast estimate from measured features: the calibrated weighted sum
 * (src/generated/fastCalibration.ts), rounded, at least 1. Features are sums, so a text measured in
 * pieces (features added with {@link addFastFeatures}) gets the same estimate as measured whole; the
 * rounding happens once, here.
 *
 * @example
 * ```ts
 * fastEstimateFromFeatures(fastFeatures('The quick brown fox jumps over the lazy dog.', o200kTokenTable())); // 10
 * ```
 */
export function fastEstimateFromFeatures(features: FastFeatures): number {
  let estimate = 0;
  for (const [name, weight] of WEIGHT_ENTRIES) estimate += features[name] * weight;
  return Math.max(1, Math.round(estimate));
}
