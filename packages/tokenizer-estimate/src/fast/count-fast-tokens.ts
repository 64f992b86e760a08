import { FAST_WEIGHTS } from '../generated/fast-calibration.ts';
import { fastFeatures } from './fast-features.ts';

/**
 * Fast DeepSeek token estimate: gpt-tokenizer's o200k_base counts of the CJK and non-CJK runs,
 * combined with per-script character counts by weights fitted on real text
 * (src/generated/fast-calibration.ts). Synchronous and needs no DeepSeek vocabulary, but does
 * bundle gpt-tokenizer's o200k ranks. Measured error against the exact count on 678 real documents
 * of 500+ characters: 3.2% mean, 6.8% at the 90th percentile; per category 0.7% (Japanese) to 4.4%
 * (Chinese) mean, up to 8.4% p90 (docs/benchmarks.md).
 *
 * @example
 * ```ts
 * countFastTokens('The quick brown fox jumps over the lazy dog.'); // 10 (exact: 10)
 * countFastTokens(''); // 0
 * ```
 */
export function countFastTokens(text: string): number {
  if (text.length === 0) return 0;
  const features = fastFeatures(text);
  let estimate = 0;
  for (const name of Object.keys(FAST_WEIGHTS) as (keyof typeof FAST_WEIGHTS)[]) estimate += features[name] * FAST_WEIGHTS[name];
  return Math.max(1, Math.round(estimate));
}
