import { textCounter } from '../textCounter.ts';
import { normalizeChatBody, type ChatRequestBody, type NormalizedChatBody } from './chatBody.ts';
import { countPromptPieces, type PartCount } from './countPromptPieces.ts';
import type { IMAGE_TOKENS_MAX } from './imageTokens.ts';
import type { PromptPart, PromptPiece } from './promptPiece.ts';
import { renderV31Prompt } from './renderV31Prompt.ts';
import { renderV32Prompt } from './renderV32Prompt.ts';
import { renderV3Prompt } from './renderV3Prompt.ts';
import { renderV4Prompt } from './renderV4Prompt.ts';
import { resolveTemplate, type TemplateEra, type TemplateOptions } from './resolveTemplate.ts';

/**
 * Options of {@link estimatePromptTokens} and {@link estimatePromptTokensDetailed}.
 *
 * @example
 * ```ts
 * estimatePromptTokens(body, { at: new Date('2025-12-30T21:41:31Z'), method: 'fast' });
 * ```
 */
export interface EstimatePromptOptions extends TemplateOptions {
  /**
   * 'exact' needs loadExactTokenizer() first, 'fast' loadFastTokenizer(). Default: 'exact' when
   * loaded, else 'fast' when loaded, else a FastTokenizerNotLoadedError.
   */
  readonly method?: 'exact' | 'fast';
}

/**
 * A prompt-token prediction with how it was made, and a breakdown a UI can show part by part.
 *
 * @example
 * ```ts
 * const { tokens, parts } = estimatePromptTokensDetailed(body);
 * if (!parts.tools.exact) console.log(`tools: about ${parts.tools.tokens} tokens (estimated)`);
 * ```
 */
export interface PromptTokenEstimate {
  /** Predicted `usage.prompt_tokens` (Chat Completions) for the body. */
  readonly tokens: number;
  /** Counting method used for the text ('exact' only when the exact tokenizer was loaded). */
  readonly method: 'exact' | 'fast';
  readonly era: TemplateEra;
  readonly thinking: boolean;
  /** Tokens of message text, reasoning, tool-call names and arguments, tool results. */
  readonly contentTokens: number;
  /** Begin-of-sentence, role and think markers, end-of-sentence, wrappers, effort preamble. */
  readonly templateTokens: number;
  /** Tool definitions and the tool-use instructions DeepSeek adds around them. */
  readonly toolTokens: number;
  /** What JSON mode or a response schema adds. */
  readonly responseFormatTokens: number;
  /** Image parts, at {@link IMAGE_TOKENS_MAX} each (an upper bound, never exact). */
  readonly imageTokens: number;
  /** True when every part is exact: rendered from a published template and counted exactly. */
  readonly templateKnown: boolean;
  /** The same counts with, for each, whether it is exact or estimated. */
  readonly parts: Readonly<Record<PromptPart, PartCount>>;
}

/**
 * Predicts `usage.prompt_tokens` for an OpenAI-format chat request body, with its breakdown. A
 * Responses-API body (`input`, `instructions`) is accepted too and predicts `usage.input_tokens`.
 *
 * The chat template follows the model id and date (see {@link TemplateEra}); pass `{ at }` for a
 * past request, or `{ era, thinking }` to pin them. Text is counted exactly when the exact tokenizer
 * is loaded, else with the fast estimate when that is loaded (the result says which); with neither
 * loaded it throws FastTokenizerNotLoadedError rather than guess. Without tools the template is
 * reproduced token for token; with tools DeepSeek's hidden tool instructions are fitted constants.
 *
 * @example
 * ```ts
 * await loadExactTokenizer();
 * estimatePromptTokensDetailed({
 *   model: 'deepseek-chat',
 *   messages: [
 *     { role: 'system', content: 'Be as terse as possible; no punctuation' },
 *     { role: 'user', content: 'What is 1 + 1?' },
 *   ],
 * }, { at: new Date('2025-12-30') });
 * // { tokens: 21, method: 'exact', era: 'v3.1', thinking: false, contentTokens: 17, templateTokens: 4,
 * //   toolTokens: 0, responseFormatTokens: 0, templateKnown: true }
 * ```
 */
export function estimatePromptTokensDetailed(body: ChatRequestBody | unknown, options: EstimatePromptOptions = {}): PromptTokenEstimate {
  const normalized = normalizeChatBody(body);
  const { era, thinking, at } = resolveTemplate(normalized, options);
  const { method, count } = textCounter(options.method);
  const { tokens, parts } = countPromptPieces(renderPrompt(normalized, era, thinking, at), count, method === 'exact');
  return {
    tokens,
    method,
    era,
    thinking,
    contentTokens: parts.content.tokens,
    templateTokens: parts.template.tokens,
    toolTokens: parts.tools.tokens,
    responseFormatTokens: parts.responseFormat.tokens,
    imageTokens: parts.images.tokens,
    templateKnown: Object.values(parts).every((part) => part.exact || part.tokens === 0),
    parts,
  };
}

/**
 * Predicts `usage.prompt_tokens` for an OpenAI-format chat request body (see
 * {@link estimatePromptTokensDetailed} for the breakdown and the options).
 *
 * @example
 * ```ts
 * estimatePromptTokens({ model: 'deepseek-v4-flash', messages: [{ role: 'user', content: 'Hi' }] }, { at: new Date('2026-05-06') });
 * // 5: <｜begin▁of▁sentence｜><｜User｜>Hi<｜Assistant｜><think>
 * ```
 */
export function estimatePromptTokens(body: ChatRequestBody | unknown, options: EstimatePromptOptions = {}): number {
  return estimatePromptTokensDetailed(body, options).tokens;
}

function renderPrompt(body: NormalizedChatBody, era: TemplateEra, thinking: boolean, at: number): PromptPiece[] {
  switch (era) {
    case 'v3':
      return renderV3Prompt(body, thinking);
    case 'v3.1':
      return renderV31Prompt(body, thinking);
    case 'v3.2':
      return renderV32Prompt(body, thinking);
    case 'v4':
      return renderV4Prompt(body, thinking, at);
  }
}
