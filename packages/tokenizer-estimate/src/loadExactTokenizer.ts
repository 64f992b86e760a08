import type { ExactTokenizer } from './exact/exactTokenizer.ts';
import { loadedExactTokenizer, setLoadedExactTokenizer } from './exactState.ts';

let pending: Promise<ExactTokenizer> | undefined;

/**
 * Loads DeepSeek-V3's exact tokenizer (the `@seekcost/tokenizer-estimate/exact` chunk) and makes
 * `countTokens(text, { method: 'exact' })` and exact prompt estimates available synchronously.
 *
 * Cost: one dynamic import of a ~750 KB module (~520 KB gzipped; bundlers emit it as a separate
 * chunk), then ~10–20 ms to decode the merge table (a fresh Node process measured 27 ms for import,
 * build and first count; docs/benchmarks.md). Concurrent calls share one load; a failed chunk
 * load can be retried.
 *
 * @example
 * ```ts
 * import { countTokens, loadExactTokenizer } from '@seekcost/tokenizer-estimate';
 * await loadExactTokenizer();
 * countTokens('Hello, world!', { method: 'exact' }); // => 4
 * ```
 */
export function loadExactTokenizer(): Promise<ExactTokenizer> {
  const ready = loadedExactTokenizer();
  if (ready) return Promise.resolve(ready);
  pending ??= import('./entries/exact.ts').then(
    (module) => {
      const tokenizer = module.getExactTokenizer();
      setLoadedExactTokenizer(tokenizer);
      return tokenizer;
    },
    (error: unknown) => {
      pending = undefined; // allow a retry after a failed chunk load
      throw error;
    },
  );
  return pending;
}

/**
 * Whether the exact tokenizer is loaded (so method 'exact' works synchronously).
 *
 * @example
 * ```ts
 * // false in a fresh process, until:
 * await loadExactTokenizer();
 * isExactTokenizerLoaded(); // => true
 * ```
 */
export function isExactTokenizerLoaded(): boolean {
  return loadedExactTokenizer() !== undefined;
}
