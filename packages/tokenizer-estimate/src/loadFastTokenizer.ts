import { loadedFastCounter, setLoadedFastModule } from './fastState.ts';

let pending: Promise<void> | undefined;

/**
 * Loads the fast estimate (the `@seekcost/tokenizer-estimate/fast` chunk: gpt-tokenizer's o200k
 * ranks and a per-token table, ~1.1 MB gzipped together in a Vite build) and makes
 * `countTokens(text, { method: 'fast' })` and fast prompt/completion estimates available
 * synchronously. The main entry stays light until then (heuristic-only callers never pay). Costs one
 * dynamic import (~150–180 ms in a fresh Node process, mostly the o200k ranks; docs/benchmarks.md).
 * Concurrent calls share one load; a failed chunk load can be retried.
 *
 * @example
 * ```ts
 * import { countTokens, loadFastTokenizer } from '@seekcost/tokenizer-estimate';
 * await loadFastTokenizer();
 * countTokens('The quick brown fox jumps over the lazy dog.', { method: 'fast' }); // => 10
 * ```
 */
export function loadFastTokenizer(): Promise<void> {
  if (loadedFastCounter()) return Promise.resolve();
  pending ??= import('./entries/fast.ts').then(
    (module) => {
      setLoadedFastModule(module);
    },
    (error: unknown) => {
      pending = undefined; // allow a retry after a failed chunk load
      throw error;
    },
  );
  return pending;
}

/**
 * Whether the fast estimate is loaded (so method 'fast' works synchronously).
 *
 * @example
 * ```ts
 * // false in a fresh process, until:
 * await loadFastTokenizer();
 * isFastTokenizerLoaded(); // => true
 * ```
 */
export function isFastTokenizerLoaded(): boolean {
  return loadedFastCounter() !== undefined;
}
