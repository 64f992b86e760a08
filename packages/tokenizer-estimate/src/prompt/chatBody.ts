import { InvalidTypeError, MalformedBodyError, UnknownRoleError } from '../errors.ts';
import { anthropicToChatBody, isAnthropicBody } from './anthropicBody.ts';
import { responsesToChatBody } from './responsesBody.ts';

/**
 * A tool call made by an assistant message (OpenAI format).
 *
 * @example
 * ```ts
 * const call: ChatToolCall = { id: 'call_1', type: 'function', function: { name: 'get_date', arguments: '{}' } };
 * ```
 */
export interface ChatToolCall {
  readonly id?: string;
  readonly type?: 'function';
  readonly function: { readonly name: string; readonly arguments: string };
}

/**
 * One message of an OpenAI-format chat request, as the estimators read it.
 *
 * @example
 * ```ts
 * const message: ChatMessage = { role: 'user', content: 'What is 1 + 1?' };
 * ```
 */
export type ChatMessage =
  | { readonly role: 'system'; readonly content: ChatContent }
  | { readonly role: 'user'; readonly content: ChatContent }
  | {
      readonly role: 'assistant';
      readonly content?: ChatContent | null;
      readonly reasoning_content?: string | null;
      readonly tool_calls?: readonly ChatToolCall[] | null;
      /** Beta prefix completion: the model continues this message. */
      readonly prefix?: boolean;
    }
  | { readonly role: 'tool'; readonly content: ChatContent; readonly tool_call_id?: string };

/**
 * Message content: a string, or an array of parts whose `text` parts are concatenated.
 *
 * @example
 * ```ts
 * const content: ChatContent = [{ type: 'text', text: 'Describe ' }, { type: 'text', text: 'this.' }];
 * ```
 */
export type ChatContent = string | readonly { readonly type: string; readonly text?: string; readonly image_url?: unknown }[];

/**
 * A function tool definition (OpenAI format).
 *
 * @example
 * ```ts
 * const tool: ChatTool = { type: 'function', function: { name: 'get_date', description: 'Gets the current date', parameters: { type: 'object', properties: {} } } };
 * ```
 */
export interface ChatTool {
  readonly type?: 'function';
  readonly function: { readonly name: string; readonly description?: string; readonly parameters?: unknown; readonly strict?: boolean };
}

/**
 * The fields of an OpenAI-format chat completion request body that affect `usage.prompt_tokens`.
 *
 * @example
 * ```ts
 * const body: ChatRequestBody = { model: 'deepseek-v4-flash', messages: [{ role: 'user', content: 'Hi' }], thinking: { type: 'disabled' } };
 * ```
 */
export interface ChatRequestBody {
  readonly model?: string;
  readonly messages: readonly ChatMessage[];
  readonly tools?: readonly ChatTool[] | null;
  readonly thinking?: { readonly type: 'enabled' | 'disabled' } | null;
  readonly reasoning_effort?: string | null;
  readonly response_format?: unknown;
  readonly tool_choice?: 'none' | 'auto' | 'required' | { readonly type?: 'function'; readonly function: { readonly name: string } } | null;
}

/**
 * A validated message with its text extracted.
 *
 * @example
 * ```ts
 * normalizeChatBody({ messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }] }).messages[0];
 * // { role: 'user', text: 'Hi', reasoning: '', toolCalls: [], prefix: false, images: 0 }
 * ```
 */
export interface NormalizedMessage {
  readonly role: 'system' | 'user' | 'assistant' | 'tool';
  readonly text: string;
  readonly reasoning: string;
  readonly toolCalls: readonly { readonly name: string; readonly arguments: string }[];
  /** An assistant message with `prefix: true` (beta prefix completion): rendered without end-of-sentence. */
  readonly prefix: boolean;
  /** Number of image parts (`image_url` / `input_image`). */
  readonly images: number;
}

/**
 * A validated tool definition.
 *
 * @example
 * ```ts
 * normalizeChatBody({ messages: [], tools: [{ type: 'function', function: { name: 'f' } }] }).tools[0]; // => { name: 'f', description: '', parameters: {}, strict: false }
 * ```
 */
export interface NormalizedTool {
  readonly name: string;
  readonly description: string;
  readonly parameters: unknown;
  readonly strict: boolean;
}

/**
 * The validated `tool_choice`: a mode, or the name of the one function the model must call.
 *
 * @example
 * ```ts
 * const choice: ToolChoice = { name: 'get_weather' };
 * ```
 */
export type ToolChoice = 'none' | 'auto' | 'required' | { readonly name: string };

/**
 * A validated request body.
 *
 * @example
 * ```ts
 * normalizeChatBody({ model: 'deepseek-chat', messages: [] }).thinkingParameter; // => undefined
 * ```
 */
export interface NormalizedChatBody {
  readonly model: string | undefined;
  readonly messages: readonly NormalizedMessage[];
  readonly tools: readonly NormalizedTool[];
  readonly thinkingParameter: boolean | undefined;
  readonly reasoningEffort: string | undefined;
  /** A `json_schema` response format (chat `response_format` or Responses `text.format`). */
  readonly responseSchema: { readonly name: string; readonly schema: unknown } | undefined;
  /** `response_format: { type: 'json_object' }` (JSON mode). */
  readonly jsonMode: boolean;
  /** `tool_choice`; 'auto' when absent. */
  readonly toolChoice: ToolChoice;
}

const ROLES = new Set(['system', 'user', 'assistant', 'tool']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const IMAGE_PART_TYPES = new Set(['image_url', 'input_image', 'image']);

function readContent(value: unknown, path: string, optional: boolean): { text: string; images: number } {
  if (typeof value === 'string') return { text: value, images: 0 };
  if ((value === null || value === undefined) && optional) return { text: '', images: 0 };
  if (Array.isArray(value)) {
    let text = '';
    let images = 0;
    value.forEach((part: unknown, index) => {
      const partPath = `${path}[${index}]`;
      if (!isRecord(part)) throw new InvalidTypeError(partPath, 'a content part object', part);
      if (part['type'] === 'text') {
        if (typeof part['text'] !== 'string') throw new InvalidTypeError(`${partPath}.text`, 'a string', part['text']);
        text += part['text'];
      } else if (typeof part['type'] === 'string' && IMAGE_PART_TYPES.has(part['type'])) {
        images++;
      }
    });
    return { text, images };
  }
  throw new InvalidTypeError(path, optional ? 'a string, an array of content parts or null' : 'a string or an array of content parts', value);
}

function readOptionalString(value: unknown, path: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new InvalidTypeError(path, 'a string', value);
  return value;
}

/**
 * Validates an OpenAI-format chat request body (or a Responses-API or Anthropic Messages body,
 * converted: see {@link responsesToChatBody} and {@link anthropicToChatBody}) and extracts what the
 * prompt-token estimate needs.
 * Throws a typed error naming the field: {@link MalformedBodyError} for a missing or misshapen
 * field, {@link InvalidTypeError} for a wrong type, {@link UnknownRoleError} for an unknown role.
 *
 * @example
 * ```ts
 * normalizeChatBody({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'hi' }] }).messages[0]!.text; // => 'hi'
 * normalizeChatBody({ messages: 'hi' }); // throws InvalidTypeError at 'messages'
 * ```
 */
export function normalizeChatBody(body: unknown): NormalizedChatBody {
  if (!isRecord(body))
    throw new MalformedBodyError('', `expected a chat request object, got ${body === null ? 'null' : Array.isArray(body) ? 'an array' : typeof body}`);
  // A Responses-API body (`input` instead of `messages`) is rendered with the same template.
  if (body['messages'] === undefined && body['input'] !== undefined) return normalizeChatBody(responsesToChatBody(body));
  // An Anthropic Messages body (DeepSeek's /anthropic endpoint) is rendered as the equivalent chat request.
  if (isAnthropicBody(body)) return normalizeChatBody(anthropicToChatBody(body));
  const model = body['model'];
  if (model !== undefined && typeof model !== 'string') throw new InvalidTypeError('model', 'a string', model);
  const rawMessages = body['messages'];
  if (rawMessages === undefined) throw new MalformedBodyError('messages', 'missing (a chat request needs a messages array)');
  if (!Array.isArray(rawMessages)) throw new InvalidTypeError('messages', 'an array of messages', rawMessages);

  const messages = rawMessages.map((raw: unknown, index): NormalizedMessage => {
    const path = `messages[${index}]`;
    if (!isRecord(raw)) throw new MalformedBodyError(path, 'expected a message object');
    const role = raw['role'];
    if (typeof role !== 'string') throw new InvalidTypeError(`${path}.role`, 'a string', role);
    if (!ROLES.has(role)) throw new UnknownRoleError(`${path}.role`, role);
    const isAssistant = role === 'assistant';
    const { text, images } = readContent(raw['content'], `${path}.content`, isAssistant);
    if (!isAssistant) return { role: role as NormalizedMessage['role'], text, reasoning: '', toolCalls: [], prefix: false, images };
    const reasoning = readOptionalString(raw['reasoning_content'], `${path}.reasoning_content`);
    const rawCalls = raw['tool_calls'];
    if (rawCalls !== undefined && rawCalls !== null && !Array.isArray(rawCalls)) {
      throw new InvalidTypeError(`${path}.tool_calls`, 'an array of tool calls', rawCalls);
    }
    const toolCalls = (rawCalls ?? []).map((call: unknown, callIndex: number) => {
      const callPath = `${path}.tool_calls[${callIndex}]`;
      if (!isRecord(call) || !isRecord(call['function'])) throw new MalformedBodyError(`${callPath}.function`, 'expected { name, arguments }');
      const fn = call['function'];
      if (typeof fn['name'] !== 'string') throw new InvalidTypeError(`${callPath}.function.name`, 'a string', fn['name']);
      return { name: fn['name'], arguments: readOptionalString(fn['arguments'], `${callPath}.function.arguments`) };
    });
    const prefix = raw['prefix'];
    if (prefix !== undefined && prefix !== null && typeof prefix !== 'boolean') throw new InvalidTypeError(`${path}.prefix`, 'a boolean', prefix);
    if (prefix === true && index !== rawMessages.length - 1) throw new MalformedBodyError(`${path}.prefix`, 'only the last message can be a prefix');
    return { role: 'assistant', text, reasoning, toolCalls, prefix: prefix === true, images };
  });

  const rawTools = body['tools'];
  if (rawTools !== undefined && rawTools !== null && !Array.isArray(rawTools)) throw new InvalidTypeError('tools', 'an array of tools', rawTools);
  const tools = (rawTools ?? []).map((tool: unknown, index: number): NormalizedTool => {
    const path = `tools[${index}]`;
    if (!isRecord(tool) || !isRecord(tool['function']))
      throw new MalformedBodyError(`${path}.function`, 'expected { type: "function", function: { name, description, parameters } }');
    const fn = tool['function'];
    if (typeof fn['name'] !== 'string') throw new InvalidTypeError(`${path}.function.name`, 'a string', fn['name']);
    const strict = fn['strict'] ?? tool['strict'];
    if (strict !== undefined && strict !== null && typeof strict !== 'boolean') throw new InvalidTypeError(`${path}.function.strict`, 'a boolean', strict);
    return {
      name: fn['name'],
      description: readOptionalString(fn['description'], `${path}.function.description`),
      parameters: fn['parameters'] ?? {},
      strict: strict === true,
    };
  });

  const thinking = body['thinking'];
  let thinkingParameter: boolean | undefined;
  if (thinking !== undefined && thinking !== null) {
    if (!isRecord(thinking) || (thinking['type'] !== 'enabled' && thinking['type'] !== 'disabled')) {
      throw new MalformedBodyError('thinking.type', "expected 'enabled' or 'disabled'");
    }
    thinkingParameter = thinking['type'] === 'enabled';
  }
  const effort = body['reasoning_effort'];
  if (effort !== undefined && effort !== null && typeof effort !== 'string') throw new InvalidTypeError('reasoning_effort', 'a string', effort);
  const format = body['response_format'];
  if (format !== undefined && format !== null) {
    if (!isRecord(format) || !['text', 'json_object', 'json_schema'].includes(String(format['type']))) {
      throw new MalformedBodyError('response_format.type', "expected 'text', 'json_object' or 'json_schema'");
    }
  }
  return {
    model,
    messages,
    tools,
    thinkingParameter,
    reasoningEffort: effort ?? undefined,
    responseSchema: readResponseSchema(format),
    jsonMode: isRecord(format) && format['type'] === 'json_object',
    toolChoice: readToolChoice(body['tool_choice'], tools),
  };
}

function readToolChoice(value: unknown, tools: readonly NormalizedTool[]): ToolChoice {
  if (value === undefined || value === null) return 'auto';
  if (value === 'none' || value === 'auto' || value === 'required') return value;
  if (isRecord(value) && isRecord(value['function']) && typeof value['function']['name'] === 'string') {
    const name = value['function']['name'];
    if (!tools.some((tool) => tool.name === name)) throw new MalformedBodyError('tool_choice.function.name', `names no tool in tools: ${JSON.stringify(name)}`);
    return { name };
  }
  throw new MalformedBodyError('tool_choice', "expected 'none', 'auto', 'required' or { type: 'function', function: { name } }");
}

function readResponseSchema(format: unknown): NormalizedChatBody['responseSchema'] {
  if (!isRecord(format) || format['type'] !== 'json_schema') return undefined;
  // Chat nests { name, schema } under json_schema; the Responses API puts them on the format itself.
  const holder = isRecord(format['json_schema']) ? format['json_schema'] : format;
  const name = holder['name'];
  if (typeof name !== 'string') throw new InvalidTypeError('response_format.json_schema.name', 'a string', name);
  return { name, schema: holder['schema'] ?? {} };
}
