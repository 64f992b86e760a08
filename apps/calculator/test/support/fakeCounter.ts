import { countHeuristicTokens } from '@seekcost/tokenizer-estimate';
import type { TokenCounter } from '../../src/tokens/tokenCounter.ts';
import type { PromptPrediction } from '../../src/tokens/workerProtocol.ts';

/**
 * A token counter for component tests: the real heuristic for the quick count, and exact answers the test decides.
 *
 * @example
 * ```ts
 * const counter = fakeCounter({ exact: (text) => text.length }); counter.exactCalls; // ['Hello']
 * ```
 */
export interface FakeCounter extends TokenCounter {
  readonly exactCalls: string[];
  readonly promptCalls: unknown[];
}

/**
 * @example
 * ```ts
 * const counter = fakeCounter({ exact: (text) => text.length, prompt: () => prediction });
 * ```
 */
export function fakeCounter(answers: { exact?: (text: string) => number; prompt?: (body: unknown) => PromptPrediction } = {}): FakeCounter {
  const exactCalls: string[] = [];
  const promptCalls: unknown[] = [];
  return {
    exactCalls,
    promptCalls,
    quick: countHeuristicTokens,
    exact: async (text) => {
      exactCalls.push(text);
      if (answers.exact === undefined) throw new Error('Web Workers are not available');
      return answers.exact(text);
    },
    promptTokens: async (body) => {
      promptCalls.push(body);
      if (answers.prompt === undefined) throw new Error('Web Workers are not available');
      return answers.prompt(body);
    },
    warmUp: () => {},
  };
}
