import { ExactTokenizerNotLoadedError, FastTokenizerNotLoadedError, InvalidOptionError } from './errors.ts';
import { loadedExactTokenizer } from './exactState.ts';
import { loadedFastCounter } from './fastState.ts';

/**
 * A loaded counting method and its counter, as chosen by {@link textCounter}.
 *
 * @example
 * ```ts
 * const { method, count }: TextCounter = textCounter(undefined);
 * ```
 */
export interface TextCounter {
  readonly method: 'exact' | 'fast';
  readonly count: (text: string) => number;
}

/**
 * The counter for a tokenizer-backed method. Without a method: 'exact' when the exact tokenizer is
 * loaded, else 'fast' when the fast estimate is loaded, else a {@link FastTokenizerNotLoadedError}
 * (never a silent fall-back to the heuristic). An asked-for method that is not loaded throws its
 * typed not-loaded error.
 *
 * @example
 * ```ts
 * await loadFastTokenizer();
 * textCounter(undefined).method; // 'fast'
 * textCounter('exact'); // throws ExactTokenizerNotLoadedError until loadExactTokenizer() resolved
 * ```
 */
export function textCounter(method: unknown): TextCounter {
  const exact = loadedExactTokenizer();
  const fast = loadedFastCounter();
  const chosen = method ?? (exact ? 'exact' : 'fast');
  if (chosen === 'exact') {
    if (!exact) throw new ExactTokenizerNotLoadedError();
    return { method: 'exact', count: (text) => exact.count(text) };
  }
  if (chosen === 'fast') {
    if (!fast) throw new FastTokenizerNotLoadedError();
    return { method: 'fast', count: fast };
  }
  throw new InvalidOptionError('options.method', `unknown method ${JSON.stringify(chosen)} (expected 'exact' or 'fast')`);
}
