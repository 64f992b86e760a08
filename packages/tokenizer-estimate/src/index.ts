/**
 * `@seekcost/tokenizer-estimate`: DeepSeek token counts and request/response token predictions.
 *
 * The main entry carries no DeepSeek vocabulary: `countTokens(text, { method: 'fast' | 'heuristic' })`
 * work at once; `'exact'` needs `await loadExactTokenizer()` (a lazily loaded chunk, the
 * `@seekcost/tokenizer-estimate/exact` entry). The 'fast' method bundles gpt-tokenizer's o200k
 * ranks.
 *
 * @packageDocumentation
 */
export { countTokens, type CountMethod, type CountTokensOptions } from './count-tokens.ts';
export { loadExactTokenizer, isExactTokenizerLoaded } from './load-exact-tokenizer.ts';
export { countFastTokens } from './fast/count-fast-tokens.ts';
export { countHeuristicTokens } from './heuristic/count-heuristic-tokens.ts';
export {
  estimatePromptTokens,
  estimatePromptTokensDetailed,
  type EstimatePromptOptions,
  type PromptTokenEstimate,
} from './prompt/estimate-prompt-tokens.ts';
export { resolveTemplate, type TemplateEra, type TemplateOptions, type ResolvedTemplate } from './prompt/resolve-template.ts';
export { normalizeChatBody, type ChatRequestBody, type ChatMessage, type ChatContent, type ChatTool, type ChatToolCall, type NormalizedChatBody } from './prompt/chat-body.ts';
export { estimateCompletionTokens, type CompletionText, type EstimateCompletionOptions } from './estimate-completion-tokens.ts';
export {
  TokenizerEstimateError,
  InvalidTypeError,
  MalformedBodyError,
  UnknownRoleError,
  InvalidOptionError,
  ExactTokenizerNotLoadedError,
  type TokenizerEstimateErrorCode,
} from './errors.ts';
export type { ExactTokenizer, ExactEncodeOptions } from './exact/exact-tokenizer.ts';
