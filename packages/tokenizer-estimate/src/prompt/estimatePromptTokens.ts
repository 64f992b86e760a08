import { textCounter } from '../textCounter.ts';
import { normalizeChatBody, type ChatRequestBody, type NormalizedChatBody } from './chatBody.ts';
import { pythonJson } from './pythonJson.ts';
import { TEMPLATE_SWITCHES, resolveTemplate, type TemplateEra, type TemplateOptions } from './resolveTemplate.ts';

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
 * A prompt-token prediction with how it was made.
 *
 * @example
 * ```ts
 * const { tokens, method, templateKnown } = estimatePromptTokensDetailed(body);
 * ```
 */
export interface PromptTokenEstimate {
  /** Predicted `usage.prompt_tokens` (Chat Completions) for the body. */
  readonly tokens: number;
  /** Counting method used for the text ('exact' only when the exact tokenizer was loaded). */
  readonly method: 'exact' | 'fast';
  readonly era: TemplateEra;
  readonly thinking: boolean;
  /** Tokens of message text, reasoning and tool-call arguments. */
  readonly contentTokens: number;
  /** Begin-of-sentence, role markers, think markers, end-of-sentence and fixed preambles. */
  readonly templateTokens: number;
  /** Tool definitions and the tool-use instructions DeepSeek adds (fitted, approximate). */
  readonly toolTokens: number;
  /** A json_schema response format: its schema plus a fitted wrapper (one recorded call). */
  readonly responseFormatTokens: number;
  /** False when tools or a response schema are involved: their rendering is fitted to recorded usage, not known exactly. */
  readonly templateKnown: boolean;
}

/**
 * Per-era constants of the parts of the template that DeepSeek does not publish, fitted to recorded
 * API usage (../shared/datasets/deepseek-recorded-usage.jsonl; see docs/benchmarks.md):
 * the tool-use instructions, the per-tool, per-call and per-result wrappers, and V4's
 * reasoning-effort preamble.
 */
const TOOL_CONSTANTS: Record<
  TemplateEra,
  { preamble: number; preambleFrom0731: number; perTool: number; perCall: number; perResult: number; effortPreambleWithTools: number }
> = {
  // No recorded V3-era request with tools: V3.1's constants are the best available guess.
  v3: { preamble: 249, preambleFrom0731: 249, perTool: 10, perCall: 20, perResult: 17, effortPreambleWithTools: 0 },
  'v3.1': { preamble: 249, preambleFrom0731: 249, perTool: 10, perCall: 20, perResult: 17, effortPreambleWithTools: 0 },
  v4: { preamble: 224, preambleFrom0731: 232, perTool: 10, perCall: 20, perResult: 12, effortPreambleWithTools: 71 },
};
/** Wrapper tokens around a json_schema response format, fitted on the one recorded call that has one. */
const RESPONSE_SCHEMA_WRAPPER = 14;
/** R1's generation prompt ends with `<think>\n`: two tokens in R1's tokenizer, where `<think>` is an added token. */
const R1_THINK_PREFILL = 2;
/** V4 thinking mode (default effort 'high') from V4-0731 on, without tools. */
const V4_EFFORT_PREAMBLE = 79;

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
  const template = resolveTemplate(normalized, options);
  const { method, count } = textCounter(options.method);
  return { ...accountTemplate(normalized, template.era, template.thinking, template.at, count), method };
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

function accountTemplate(
  body: NormalizedChatBody,
  era: TemplateEra,
  thinking: boolean,
  at: number,
  count: (text: string) => number,
): Omit<PromptTokenEstimate, 'method'> {
  const hasThinkMarkers = era !== 'v3';
  const tools = TOOL_CONSTANTS[era];
  let content = 0;
  let template = 1; // <｜begin▁of▁sentence｜>
  let toolTokens = 0;

  const systemText = body.messages.filter((m) => m.role === 'system').map((m) => m.text).join('\n\n');
  content += count(systemText);
  if (body.tools.length > 0) {
    toolTokens += tools.preamble;
    for (const tool of body.tools) {
      toolTokens += tools.perTool + count(tool.name) + count(tool.description) + count(pythonJson(tool.parameters));
    }
  }

  // A "turn" runs from a user message to the next; reasoning is replayed only in turns with tool
  // calls (DeepSeek's thinking-mode guide), and then for every assistant message of that turn.
  const turnHasToolCalls = new Array<boolean>(body.messages.length).fill(false);
  let turnStart = 0;
  body.messages.forEach((message, index) => {
    if (message.role === 'user') turnStart = index;
    if (message.toolCalls.length > 0) for (let i = turnStart; i <= index; i++) turnHasToolCalls[i] = true;
  });
  for (let i = body.messages.length - 1, later = false; i >= 0; i--) {
    const message = body.messages[i]!;
    if (message.role === 'user') later = false;
    else if (message.toolCalls.length > 0) later = true;
    if (later) turnHasToolCalls[i] = true;
  }
  for (let i = 1; i < body.messages.length; i++) {
    if (body.messages[i]!.role !== 'user' && turnHasToolCalls[i - 1]) turnHasToolCalls[i] = true;
  }

  body.messages.forEach((message, index) => {
    switch (message.role) {
      case 'system':
        return;
      case 'user':
        template += 1; // <｜User｜>
        content += count(message.text);
        break;
      case 'assistant': {
        if (hasThinkMarkers) template += 2; // <｜Assistant｜></think>, also after tool results
        else if (index === 0 || body.messages[index - 1]!.role !== 'tool') template += 1; // <｜Assistant｜>
        content += count(message.text);
        if (hasThinkMarkers && thinking && turnHasToolCalls[index] && message.reasoning.length > 0) {
          content += count(message.reasoning);
          template += 1; // <think>…</think> instead of </think>
        }
        for (const call of message.toolCalls) toolTokens += tools.perCall + count(call.name) + count(call.arguments);
        template += 1; // <｜end▁of▁sentence｜>
        break;
      }
      case 'tool':
        toolTokens += tools.perResult;
        content += count(message.text);
        break;
    }
  });

  template += 1; // <｜Assistant｜>
  if (hasThinkMarkers) template += 1; // <think> or </think>
  else if (thinking) template += R1_THINK_PREFILL;
  const effortEra = era === 'v4' && at >= TEMPLATE_SWITCHES.v4EffortPreamble;
  if (body.tools.length > 0 && effortEra) toolTokens += tools.preambleFrom0731 - tools.preamble;
  if (effortEra && thinking) {
    if (body.tools.length > 0) toolTokens += tools.effortPreambleWithTools;
    else template += V4_EFFORT_PREAMBLE;
  }
  const responseFormatTokens = body.responseSchema
    ? RESPONSE_SCHEMA_WRAPPER + count(body.responseSchema.name) + count(pythonJson(body.responseSchema.schema))
    : 0;
  return {
    tokens: content + template + toolTokens + responseFormatTokens,
    responseFormatTokens,
    era,
    thinking,
    contentTokens: content,
    templateTokens: template,
    toolTokens,
    templateKnown: body.tools.length === 0 && !body.responseSchema && !body.messages.some((m) => m.role === 'tool' || m.toolCalls.length > 0),
  };
}
