import { InvalidTypeError, MalformedBodyError } from './errors.ts';
import { textCounter } from './textCounter.ts';
import type { TemplateEra } from './prompt/resolveTemplate.ts';

/**
 * The generated text of a response: `choices[0].message` of a chat completion.
 *
 * @example
 * ```ts
 * const text: CompletionText = { content: 'Paris.', reasoning_content: 'The capital of France is Paris.' };
 * ```
 */
export interface CompletionText {
  readonly content?: string | null;
  readonly reasoning_content?: string | null;
}

/**
 * Options of {@link estimateCompletionTokens}.
 *
 * @example
 * ```ts
 * estimateCompletionTokens({ content: 'Hi', reasoning_content: 'Greet.' }, { era: 'v3', method: 'fast' });
 * ```
 */
export interface EstimateCompletionOptions {
  /**
   * 'exact' needs loadExactTokenizer() first, 'fast' loadFastTokenizer(). Default: 'exact' when
   * loaded, else 'fast' when loaded, else a FastTokenizerNotLoadedError.
   */
  readonly method?: 'exact' | 'fast';
  /** Template era; only 'v3' (R1) differs: its `</think>\n\n` separator is 2 tokens instead of 1. */
  readonly era?: TemplateEra;
}

/**
 * Predicts `usage.completion_tokens` from a response's text: content tokens, plus reasoning tokens
 * and the one `</think>` separator when there is reasoning text. Tool calls in the response are not
 * included (their wrapper tokens are not published). Measured on recorded responses: see
 * docs/benchmarks.md.
 *
 * @example
 * ```ts
 * await loadExactTokenizer();
 * // 2 (content) + 7 (reasoning) + 1 (the `</think>` separator):
 * estimateCompletionTokens({ content: 'Paris.', reasoning_content: 'The capital of France is Paris.' }); // => 10
 * estimateCompletionTokens({ content: '2' }); // => 1
 * ```
 */
export function estimateCompletionTokens(text: CompletionText, options: EstimateCompletionOptions = {}): number {
  if (typeof text !== 'object' || text === null) throw new MalformedBodyError('', 'expected { content, reasoning_content }');
  const { content, reasoning_content: reasoning } = text;
  if (content !== undefined && content !== null && typeof content !== 'string') throw new InvalidTypeError('content', 'a string or null', content);
  if (reasoning !== undefined && reasoning !== null && typeof reasoning !== 'string') {
    throw new InvalidTypeError('reasoning_content', 'a string or null', reasoning);
  }
  const { count } = textCounter(options.method);
  let tokens = content ? count(content) : 0;
  if (reasoning) tokens += count(reasoning) + (options.era === 'v3' ? 2 : 1);
  return tokens;
}
