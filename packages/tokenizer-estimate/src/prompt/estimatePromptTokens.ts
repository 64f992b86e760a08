import { MalformedBodyError } from '../errors.ts';
import { textCounter } from '../textCounter.ts';
import { normalizeChatBody, type ChatRequestBody, type NormalizedChatBody } from './chatBody.ts';
import { countPromptPieces, type PartCount } from './countPromptPieces.ts';
import type { anthropicToChatBody } from './anthropicBody.ts';
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
  /**
   * True when the whole prompt was rendered from published templates; false when a part is a
   * fitted count or an image bound (whatever the counting method: `parts` tells exact counts).
   */
  readonly templateKnown: boolean;
  /** The same counts with, for each, whether it is exact or estimated. */
  readonly parts: Readonly<Record<PromptPart, PartCount>>;
}

/**
 * Predicts `usage.prompt_tokens` for an OpenAI-format chat request body, with its breakdown. A
 * Responses-API body (`input`, `instructions`) predicts `usage.input_tokens`. An Anthropic
 * Messages body (DeepSeek's `/anthropic` endpoint: `system`, `tools` with `input_schema`,
 * `tool_use` / `tool_result` blocks) predicts all its input tokens; Anthropic's `input_tokens`
 * excludes `cache_read_input_tokens`, so compare with their sum (DeepSeek does not restate that
 * convention: unconfirmed). How DeepSeek renders Anthropic bodies is not published either: see
 * {@link anthropicToChatBody} for what is assumed.
 *
 * The prompt is rendered with the template of the request's era (see {@link TemplateEra}; pass
 * `{ at }` for a past request, or `{ era, thinking }` to pin them), re-implemented from the
 * templates DeepSeek published: tool definitions, tool calls and results, `tool_choice` ('none'
 * renders no tools), thinking on and off, prefix completion (an assistant message with
 * `prefix: true`), JSON schemas. Parts DeepSeek's server adds that no published template shows are
 * token counts fitted to recorded usage (JSON mode's instruction, a forced `tool_choice`, V3's
 * tool instructions); image parts count {@link IMAGE_TOKENS_MAX} each (an upper bound). `parts`
 * says for each part whether it is exact. Text is counted exactly when the exact tokenizer is
 * loaded, else with the fast estimate when that is loaded (the result says which); with neither
 * loaded it throws FastTokenizerNotLoadedError rather than guess.
 *
 * @example
 * ```ts
 * import { estimatePromptTokensDetailed, loadExactTokenizer } from '@seekcost/tokenizer-estimate';
 * await loadExactTokenizer();
 * const estimate = estimatePromptTokensDetailed({
 *   model: 'deepseek-chat',
 *   messages: [
 *     { role: 'system', content: 'Be as terse as possible; no punctuation' },
 *     { role: 'user', content: 'What is 1 + 1?' },
 *   ],
 * }, { at: new Date('2025-12-30') });
 * estimate.tokens; // => 21
 * estimate.era; // => 'v3.2'
 * estimate.parts.template; // => { tokens: 4, exact: true }
 * estimate.templateKnown; // => true
 * ```
 */
export function estimatePromptTokensDetailed(body: ChatRequestBody | unknown, options: EstimatePromptOptions = {}): PromptTokenEstimate {
  const normalized = normalizeChatBody(body);
  const { era, thinking, at } = resolveTemplate(normalized, options);
  const withImage = normalized.messages.findIndex((message) => message.images > 0);
  if (withImage >= 0 && era !== 'v4' && era !== 'v4.1') {
    throw new MalformedBodyError(`messages[${withImage}].content`, `image parts need a vision model (deepseek-flash); the ${era} template takes no images`);
  }
  const { method, count } = textCounter(options.method);
  const pieces = renderPrompt(normalized, era, thinking, at);
  const { tokens, parts } = countPromptPieces(pieces, count, method === 'exact');
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
    templateKnown: pieces.every((piece) => piece.fittedTokens === undefined),
    parts,
  };
}

/**
 * Predicts `usage.prompt_tokens` for an OpenAI-format chat request body (see
 * {@link estimatePromptTokensDetailed} for the breakdown, the other body formats and the options).
 *
 * @example
 * ```ts
 * import { estimatePromptTokens, loadExactTokenizer } from '@seekcost/tokenizer-estimate';
 * await loadExactTokenizer();
 * // <｜begin▁of▁sentence｜><｜User｜>Hi<｜Assistant｜><think>
 * estimatePromptTokens({ model: 'deepseek-v4-flash', messages: [{ role: 'user', content: 'Hi' }] }, { at: new Date('2026-05-06') }); // => 5
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
    case 'v4.1':
      return renderV4Prompt(body, thinking, at, era);
  }
}
