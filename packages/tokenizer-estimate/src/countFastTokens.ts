import { FastTokenizerNotLoadedError, InvalidTypeError } from './errors.ts';
import { loadedFastCounter } from './fastState.ts';

/**
 * The fast DeepSeek token estimate of `text`, from the main entry: synchronous once
 * `await loadFastTokenizer()` resolved, a {@link FastTokenizerNotLoadedError} before. Same as
 * `countTokens(text, { method: 'fast' })`; `@seekcost/tokenizer-estimate/fast` exports the same
 * function without the loading step (and with its weight).
 *
 * @example
 * ```ts
 * import { countFastTokens, loadFastTokenizer } from '@seekcost/tokenizer-estimate';
 * await loadFastTokenizer();
 * countFastTokens('The quick brown fox jumps over the lazy dog.'); // 10 (exact: 10)
 * ```
 */
export function countFastTokens(text: string): number {
  if (typeof text !== 'string') throw new InvalidTypeError('text', 'a string', text);
  const count = loadedFastCounter();
  if (!count) throw new FastTokenizerNotLoadedError();
  return count(text);
}
