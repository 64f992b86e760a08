/**
 * `@seekcost/tokenizer-estimate/exact`: DeepSeek-V3's exact tokenizer with its vocabulary (~520 KB
 * gzipped). Kept out of the main entry so that apps load it lazily, e.g. in a Web Worker:
 *
 * ```ts
 * // worker.ts
 * const { getExactTokenizer } = await import('@seekcost/tokenizer-estimate/exact');
 * const tokenizer = getExactTokenizer();
 * self.onmessage = (e) => self.postMessage(tokenizer.count(e.data));
 * ```
 *
 * Deliberately not exported: the BPE merge tables and pre-tokenizer, which are the tokenizer's
 * internals; `ExactTokenizer`'s methods are the way in. test/publicSurface.test.ts holds the list.
 *
 * @packageDocumentation
 */
import { ExactTokenizer, createExactTokenizer } from '../exact/exactTokenizer.ts';

export { ExactTokenizer, createExactTokenizer };
export type { ExactEncodeOptions } from '../exact/exactTokenizer.ts';

let shared: ExactTokenizer | undefined;

/**
 * The module-wide exact tokenizer, built on first call (~10–20 ms) and reused afterwards.
 *
 * @example
 * ```ts
 * import { getExactTokenizer } from '@seekcost/tokenizer-estimate/exact';
 * getExactTokenizer().count('Hello, world!'); // => 4
 * ```
 */
export function getExactTokenizer(): ExactTokenizer {
  shared ??= createExactTokenizer();
  return shared;
}

/**
 * Exact DeepSeek-V3 token count of `text` (no begin-of-sentence or template tokens).
 *
 * @example
 * ```ts
 * import { countExactTokens } from '@seekcost/tokenizer-estimate/exact';
 * countExactTokens('你好，世界'); // => 3
 * ```
 */
export function countExactTokens(text: string): number {
  return getExactTokenizer().count(text);
}
