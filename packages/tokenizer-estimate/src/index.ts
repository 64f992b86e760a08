/**
 * `@seekcost/tokenizer-estimate`: DeepSeek token counts and request/response token predictions.
 *
 * The main entry is light: it carries no vocabulary. `countTokens(text, { method: 'heuristic' })`
 * works at once; `'exact'` needs `await loadExactTokenizer()` (the `@seekcost/tokenizer-estimate/exact`
 * chunk, ~520 KB gzipped) and `'fast'` needs `await loadFastTokenizer()` (the
 * `@seekcost/tokenizer-estimate/fast` chunk: gpt-tokenizer's o200k ranks and a per-token table,
 * ~1.1 MB gzipped); `await loadTokenizers({ exact, fast })` loads several. Bundlers emit both as
 * separate chunks that are fetched only when their loader is called.
 *
 * This entry is what an app that counts or predicts tokens uses; test/publicSurface.test.ts holds
 * the list. Deliberately not exported: the prompt pipeline's steps (normalizeChatBody,
 * anthropicToChatBody, resolveTemplate and their result types): `estimatePromptTokens` takes
 * OpenAI- and Anthropic-format bodies itself and picks the template of the request's era, so a
 * caller never runs the steps one by one. The vocabularies live in the `/exact` and `/fast` entries.
 *
 * @packageDocumentation
 */
export { countTokens, type CountMethod, type CountTokensOptions } from './countTokens.ts';
export { loadExactTokenizer, isExactTokenizerLoaded } from './loadExactTokenizer.ts';
export { loadFastTokenizer, isFastTokenizerLoaded } from './loadFastTokenizer.ts';
export { loadTokenizers, type LoadTokenizersOptions } from './loadTokenizers.ts';
export { countFastTokens } from './countFastTokens.ts';
export { createTokenTally, MAX_UNCUT_UNITS, type TokenTally } from './createTokenTally.ts';
export { countHeuristicTokens } from './heuristic/countHeuristicTokens.ts';
export {
  estimatePromptTokens,
  estimatePromptTokensDetailed,
  type EstimatePromptOptions,
  type PromptTokenEstimate,
} from './prompt/estimatePromptTokens.ts';
export type { PromptPart } from './prompt/promptPiece.ts';
export type { PartCount } from './prompt/countPromptPieces.ts';
export { IMAGE_TOKENS_MAX } from './prompt/imageTokens.ts';
export type { TemplateEra, TemplateOptions } from './prompt/resolveTemplate.ts';
export type { ChatRequestBody, ChatMessage, ChatContent, ChatTool, ChatToolCall, ToolChoice } from './prompt/chatBody.ts';
export { estimateCompletionTokens, type CompletionText, type EstimateCompletionOptions } from './estimateCompletionTokens.ts';
export {
  TokenizerEstimateError,
  InvalidTypeError,
  MalformedBodyError,
  UnknownRoleError,
  InvalidOptionError,
  ExactTokenizerNotLoadedError,
  FastTokenizerNotLoadedError,
  UncuttableTextError,
  type TokenizerEstimateErrorCode,
} from './errors.ts';
export type { ExactTokenizer, ExactEncodeOptions } from './exact/exactTokenizer.ts';
