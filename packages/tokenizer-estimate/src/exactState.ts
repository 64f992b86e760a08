import type { ExactTokenizer } from './exact/exactTokenizer.ts';

/** The exact tokenizer once loadExactTokenizer() resolved; module state shared by the main entry. */
let loaded: ExactTokenizer | undefined;

/**
 * The loaded exact tokenizer, or undefined when loadExactTokenizer() has not resolved yet.
 *
 * @example
 * ```ts
 * const tokenizer = loadedExactTokenizer();
 * if (tokenizer) tokenizer.count('hi');
 * ```
 */
export function loadedExactTokenizer(): ExactTokenizer | undefined {
  return loaded;
}

/**
 * Records the exact tokenizer for synchronous use by countTokens and estimatePromptTokens.
 *
 * @example
 * ```ts
 * setLoadedExactTokenizer(getExactTokenizer());
 * ```
 */
export function setLoadedExactTokenizer(tokenizer: ExactTokenizer): void {
  loaded = tokenizer;
}
