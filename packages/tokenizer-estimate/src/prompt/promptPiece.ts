/**
 * Which part of the prompt a piece of rendered text belongs to, for the breakdown of
 * {@link estimatePromptTokensDetailed}:
 * - `content`: what the caller wrote (message text, reasoning, tool-call arguments, tool results);
 * - `template`: begin-of-sentence, role markers, think markers, end-of-sentence, wrappers;
 * - `tools`: tool definitions and the tool-use instructions DeepSeek adds around them;
 * - `responseFormat`: what JSON mode or a response schema adds;
 * - `images`: image parts (an upper bound, see {@link IMAGE_TOKENS_MAX}).
 *
 * @example
 * ```ts
 * const part: PromptPart = 'tools';
 * ```
 */
export type PromptPart = 'content' | 'template' | 'tools' | 'responseFormat' | 'images';

/**
 * One piece of a rendered prompt. `special` marks a single special token (`<｜User｜>`, `<think>`,
 * …); `fittedTokens` marks a piece whose text DeepSeek does not publish: its token count was fitted
 * to recorded usage (or, for images, taken from a secondary source) and is added as is.
 *
 * @example
 * ```ts
 * const pieces: PromptPiece[] = [{ part: 'template', text: '<｜User｜>', special: true }, { part: 'content', text: 'Hi' }];
 * ```
 */
export interface PromptPiece {
  readonly part: PromptPart;
  readonly text: string;
  readonly special?: boolean;
  readonly fittedTokens?: number;
}
