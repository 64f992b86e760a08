import { FastTokenizerNotLoadedError } from './errors.ts';
import { loadedFastCounter } from './fastState.ts';
import { requireString } from './requireString.ts';

/**
 * The fast DeepSeek token estimate of `text`, from the main entry: synchronous once
 * `await loadFastTokenizer()` resolved, a {@link FastTokenizerNotLoadedError} before. Same as
 * `countTokens(text, { method: 'fast' })`; `@seekcost/tokenizer-estimate/fast` exports the same
 * function without the loading step (and with its weight). Both throw the same
 * {@link InvalidTypeError} (path `text`) for a non-string, loaded or not.
 *
 * @example
 * ```ts
 * import { countFastTokens, loadFastTokenizer } from '@seekcost/tokenizer-estimate';
 * await loadFastTokenizer();
 * // The exact count is 10 too:
 * countFastTokens('The quick brown fox jumps over the lazy dog.'); // => 10
 * ```
 */
export function countFastTokens(text: string): number {
  requireString(text, 'text');
  const count = loadedFastCounter();
  if (!count) throw new FastTokenizerNotLoadedError();
  return count(text);
}
