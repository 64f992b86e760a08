import { InvalidOptionError, InvalidTypeError } from './errors.ts';
import { countHeuristicTokens } from './heuristic/countHeuristicTokens.ts';
import { textCounter } from './textCounter.ts';

/**
 * How to count: the exact tokenizer, the calibrated o200k estimate, or DeepSeek's rule of thumb.
 *
 * @example
 * ```ts
 * const method: CountMethod = isExactTokenizerLoaded() ? 'exact' : isFastTokenizerLoaded() ? 'fast' : 'heuristic';
 * ```
 */
export type CountMethod = 'exact' | 'fast' | 'heuristic';

/**
 * Options of {@link countTokens}.
 *
 * @example
 * ```ts
 * countTokens('Hello', { method: 'heuristic' }); // => 2
 * ```
 */
export interface CountTokensOptions {
  /**
   * Default: 'exact' when the exact tokenizer is loaded, else 'fast' when the fast estimate is
   * loaded, else a FastTokenizerNotLoadedError ('heuristic' is never chosen silently).
   */
  readonly method?: CountMethod;
}

/**
 * Number of DeepSeek tokens in `text` alone (no begin-of-sentence or chat-template tokens).
 *
 * - `'exact'`: DeepSeek-V3's tokenizer, exact. Needs `await loadExactTokenizer()` first (one lazy
 *   chunk, ~520 KB gzipped, ~10–20 ms to initialise); before that it throws
 *   {@link ExactTokenizerNotLoadedError} rather than return an estimate.
 * - `'fast'`: calibrated o200k estimate (measured 0.6% mean error, 1.3% p90, every category at
 *   most 1.1% / 2.3%; docs/benchmarks.md). Needs `await loadFastTokenizer()` first (one lazy chunk,
 *   ~1.1 MB gzipped); before that it throws {@link FastTokenizerNotLoadedError}.
 * - `'heuristic'`: 0.3 token per English character, 0.6 per Chinese character (DeepSeek's docs;
 *   measured 18.5% mean error).
 *
 * Literal special-token text (e.g. `<｜User｜>`) counts as the special token in 'exact', as DeepSeek's
 * tokenizer reads it. Lone surrogates count as U+FFFD. Time is linear in the length.
 *
 * @example
 * ```ts
 * import { countTokens, loadExactTokenizer } from '@seekcost/tokenizer-estimate';
 * countTokens('Hello, world!', { method: 'heuristic' }); // => 4
 * await loadExactTokenizer();
 * countTokens('Hello, world!', { method: 'exact' }); // => 4
 * // Exact by default once it is loaded:
 * countTokens('你好，世界'); // => 3
 * ```
 */
export function countTokens(text: string, options?: CountTokensOptions): number {
  if (typeof text !== 'string') throw new InvalidTypeError('text', 'a string', text);
  const method = options?.method;
  requireCountMethod(method);
  if (method === 'heuristic') return countHeuristicTokens(text);
  return textCounter(method).count(text);
}

/**
 * Throws an {@link InvalidOptionError} naming `options.method` unless `method` is a
 * {@link CountMethod} or undefined: the one check behind countTokens and createTokenTally (the
 * estimators, which have no heuristic, go by textCounter's own).
 *
 * @example
 * ```ts
 * requireCountMethod('fast'); // passes
 * requireCountMethod('bpe'); // throws InvalidOptionError
 * ```
 */
export function requireCountMethod(method: unknown): asserts method is CountMethod | undefined {
  if (method !== undefined && method !== 'exact' && method !== 'fast' && method !== 'heuristic') {
    throw new InvalidOptionError('options.method', `unknown method ${JSON.stringify(method)} (expected 'exact', 'fast' or 'heuristic')`);
  }
}
