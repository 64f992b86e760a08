import { loadExactTokenizer } from './loadExactTokenizer.ts';
import { loadFastTokenizer } from './loadFastTokenizer.ts';

/**
 * Which tokenizers {@link loadTokenizers} loads.
 *
 * @example
 * ```ts
 * const options: LoadTokenizersOptions = { exact: true, fast: false };
 * ```
 */
export interface LoadTokenizersOptions {
  /** DeepSeek-V3's exact tokenizer (~520 KB gzipped). Default true. */
  readonly exact?: boolean;
  /** The fast o200k-based estimate (~1.1 MB gzipped). Default false. */
  readonly fast?: boolean;
}

/**
 * Loads the asked-for tokenizers in parallel; resolves when all are ready. With no options it loads
 * the exact tokenizer only: it is smaller than the fast chunk, exact, and faster to count with.
 *
 * @example
 * ```ts
 * import { countTokens, loadTokenizers } from '@seekcost/tokenizer-estimate';
 * await loadTokenizers({ exact: true, fast: true });
 * // Exact is preferred when loaded:
 * countTokens('Hello, world!'); // => 4
 * countTokens('Hello, world!', { method: 'fast' }); // => 4
 * ```
 */
export async function loadTokenizers(options: LoadTokenizersOptions = {}): Promise<void> {
  const loads: Promise<unknown>[] = [];
  if (options.exact ?? true) loads.push(loadExactTokenizer());
  if (options.fast ?? false) loads.push(loadFastTokenizer());
  await Promise.all(loads);
}
