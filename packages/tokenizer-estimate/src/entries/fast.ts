/**
 * `@seekcost/tokenizer-estimate/fast`: the fast DeepSeek token estimate with what it needs:
 * gpt-tokenizer's o200k_base ranks and the per-o200k-token table and calibration (~1.1 MB gzipped
 * together in a Vite build). Kept out of the main entry; the main entry loads it on
 * `await loadFastTokenizer()`, or import it directly where its weight does not matter:
 *
 * ```ts
 * import { countFastTokens } from '@seekcost/tokenizer-estimate/fast';
 * countFastTokens('Hello, world!'); // 4
 * ```
 *
 * `createFastPieceCounter` is public because the main entry's `loadFastTokenizer` loads this
 * module as its chunk and builds its counter with it. Deliberately not exported: the per-token
 * table and calibration constants. test/publicSurface.test.ts holds the list.
 *
 * @packageDocumentation
 */
export { countFastTokens } from '../fast/fastTokenEstimate.ts';
export { createFastPieceCounter } from '../fast/createFastPieceCounter.ts';
