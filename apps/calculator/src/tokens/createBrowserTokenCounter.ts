import { countHeuristicTokens } from '@seekcost/tokenizer-estimate';
import { createTokenCounter, type TokenCounter } from './tokenCounter.ts';

/**
 * The page's token counter: DeepSeek's documented heuristic at once on the main thread (no
 * vocabulary, so first load stays small), the exact count from a module Web Worker that imports the
 * vocabulary lazily.
 *
 * @example
 * ```ts
 * const counter = createBrowserTokenCounter();
 * counter.quick('Hello, world!'); // 4
 * await counter.exact('Hello, world!'); // 4
 * ```
 */
export function createBrowserTokenCounter(): TokenCounter {
  return createTokenCounter({
    quick: countHeuristicTokens,
    createWorker:
      typeof Worker === 'undefined' ? null : () => new Worker(new URL('./tokenWorker.ts', import.meta.url), { type: 'module', name: 'seekcost-tokens' }),
  });
}
