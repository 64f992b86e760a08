import type { PieceCounter } from './pieceCounter.ts';

/** What the main entry needs from the loaded `/fast` chunk. */
interface FastModule {
  readonly countFastTokens: (text: string) => number;
  readonly createFastPieceCounter: () => PieceCounter;
}

/** The fast chunk once loadFastTokenizer() resolved; module state shared by the main entry. */
let loaded: FastModule | undefined;

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
  return loaded?.countFastTokens;
}

/**
 * The loaded fast chunk's piece-counter factory (for streamed counts), or undefined before loading.
 *
 * @example
 * ```ts
 * const create = loadedFastPieceCounter();
 * if (create) create().add('hi');
 * ```
 */
export function loadedFastPieceCounter(): (() => PieceCounter) | undefined {
  return loaded?.createFastPieceCounter;
}

/**
 * Records the fast chunk for synchronous use by countTokens, the prompt/completion estimators and
 * createTokenTally.
 *
 * @example
 * ```ts
 * setLoadedFastModule(await import('./entries/fast.ts'));
 * ```
 */
export function setLoadedFastModule(module: FastModule): void {
  loaded = module;
}
