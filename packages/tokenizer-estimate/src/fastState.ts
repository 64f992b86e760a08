/** The fast counter once loadFastTokenizer() resolved; module state shared by the main entry. */
let loaded: ((text: string) => number) | undefined;

/**
 * The loaded fast counter, or undefined when loadFastTokenizer() has not resolved yet.
 *
 * @example
 * ```ts
 * const count = loadedFastCounter();
 * if (count) count('hi');
 * ```
 */
export function loadedFastCounter(): ((text: string) => number) | undefined {
  return loaded;
}

/**
 * Records the fast counter for synchronous use by countTokens and the prompt/completion estimators.
 *
 * @example
 * ```ts
 * setLoadedFastCounter((await import('./entries/fast.ts')).countFastTokens);
 * ```
 */
export function setLoadedFastCounter(count: (text: string) => number): void {
  loaded = count;
}
