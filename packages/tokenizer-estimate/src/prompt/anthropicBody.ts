import { InvalidTypeError, MalformedBodyError } from '../errors.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Whether a request body is in Anthropic's Messages format (DeepSeek's `/anthropic` endpoint): a
 * top-level `system`, tools with `input_schema`, or `tool_use` / `tool_result` / `thinking` blocks.
 * A body with none of these renders the same either way.
 *
 * @example
 * ```ts
 * isAnthropicBody({ system: 'Be brief.', messages: [] }); // => true
 * isAnthropicBody({ messages: [{ role: 'user', content: 'Hi' }] }); // => false
 * ```
 */
export function isAnthropicBody(body: Record<string, unknown>): boolean {
  if (body['system'] !== undefined) return true;
  const tools = body['tools'];
  if (Array.isArray(tools) && tools.some((tool) => isRecord(tool) && tool['input_schema'] !== undefined)) return true;
  const messages = body['messages'];
  return (
    Array.isArray(messages) &&
    messages.some(
      (message) =>
        isRecord(message) &&
        Array.isArray(message['content']) &&
        message['content'].some((block) => isRecord(block) && ['tool_use', 'tool_result', 'thinking'].includes(String(block['type']))),
    )
  );
}

function blockText(block: unknown, path: string): string {
  if (!isRecord(block)) throw new InvalidTypeError(path, 'a content block object', block);
  if (block['type'] !== 'text')
    throw new MalformedBodyError(`${path}.type`, `DeepSeek's Anthropic API does not support ${JSON.stringify(block['type'])} blocks here`);
  if (typeof block['text'] !== 'string') throw new InvalidTypeError(`${path}.text`, 'a string', block['text']);
  return block['text'];
}

function textOf(value: unknown, path: string): string {
  if (typeof value === 'string') return value;
  if (!Array.isArray(value)) throw new InvalidTypeError(path, 'a string or an array of content blocks', value);
  return value.map((block: unknown, index) => blockText(block, `${path}[${index}]`)).join('\n\n');
}

/**
 * Converts an Anthropic Messages body (DeepSeek's `/anthropic` endpoint) to the chat body DeepSeek
 * renders it as. DeepSeek's guide (api-docs.deepseek.com/guides/anthropic_api) lists what it
 * supports but not how it renders it; this assumes the same prompt as the equivalent chat request,
 * which is what DeepSeek-V4's encoder is built for (its user turns take Anthropic-style
 * `tool_result` blocks): `system` becomes a system message (text blocks joined by a blank line),
 * `tool_use` a tool call with `input` as JSON arguments, `tool_result` a tool result (its text
 * blocks joined by a blank line), `thinking` the reasoning, `input_schema` the parameters,
 * `tool_choice` any → 'required' and tool → that function, `output_config.effort` the reasoning
 * effort, and `claude-opus*` → deepseek-v4-pro, any other model → deepseek-v4-flash. Image and
 * document blocks are not supported by DeepSeek and throw {@link MalformedBodyError}.
 *
 * @example
 * ```ts
 * // Internal: estimatePromptTokens calls it for Anthropic-format bodies.
 * import { anthropicToChatBody } from './anthropicBody.ts';
 * anthropicToChatBody({ model: 'claude-sonnet-4', system: 'Be brief.', messages: [{ role: 'user', content: 'Hi' }] });
 * // => { model: 'deepseek-v4-flash', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }] }
 * ```
 */
export function anthropicToChatBody(body: Record<string, unknown>): Record<string, unknown> {
  const messages: Record<string, unknown>[] = [];
  if (body['system'] !== undefined && body['system'] !== null) messages.push({ role: 'system', content: textOf(body['system'], 'system') });
  const rawMessages = body['messages'];
  if (!Array.isArray(rawMessages)) throw new InvalidTypeError('messages', 'an array of messages', rawMessages);
  rawMessages.forEach((message: unknown, index) => {
    const path = `messages[${index}]`;
    if (!isRecord(message)) throw new MalformedBodyError(path, 'expected a message object');
    const role = message['role'];
    if (role !== 'user' && role !== 'assistant') throw new MalformedBodyError(`${path}.role`, "expected 'user' or 'assistant'");
    const content = message['content'];
    if (typeof content === 'string') {
      messages.push({ role, content });
      return;
    }
    if (!Array.isArray(content)) throw new InvalidTypeError(`${path}.content`, 'a string or an array of content blocks', content);
    if (role === 'assistant') {
      let text = '';
      let reasoning = '';
      const toolCalls: unknown[] = [];
      content.forEach((block: unknown, blockIndex) => {
        const blockPath = `${path}.content[${blockIndex}]`;
        if (!isRecord(block)) throw new InvalidTypeError(blockPath, 'a content block object', block);
        if (block['type'] === 'text') text += blockText(block, blockPath);
        else if (block['type'] === 'thinking') reasoning += typeof block['thinking'] === 'string' ? block['thinking'] : '';
        else if (block['type'] === 'tool_use') {
          if (typeof block['name'] !== 'string') throw new InvalidTypeError(`${blockPath}.name`, 'a string', block['name']);
          toolCalls.push({ type: 'function', function: { name: block['name'], arguments: JSON.stringify(block['input'] ?? {}) } });
        } else throw new MalformedBodyError(`${blockPath}.type`, `DeepSeek's Anthropic API does not support ${JSON.stringify(block['type'])} blocks`);
      });
      messages.push({ role: 'assistant', content: text, reasoning_content: reasoning, ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}) });
      return;
    }
    content.forEach((block: unknown, blockIndex) => {
      const blockPath = `${path}.content[${blockIndex}]`;
      if (!isRecord(block)) throw new InvalidTypeError(blockPath, 'a content block object', block);
      if (block['type'] === 'tool_result')
        messages.push({ role: 'tool', content: block['content'] === undefined ? '' : textOf(block['content'], `${blockPath}.content`) });
      else messages.push({ role: 'user', content: blockText(block, blockPath) });
    });
  });
  const rawTools = body['tools'];
  let tools: unknown = rawTools;
  if (Array.isArray(rawTools)) {
    tools = rawTools.map((tool: unknown, index) => {
      if (!isRecord(tool) || typeof tool['name'] !== 'string')
        throw new MalformedBodyError(`tools[${index}].name`, 'expected { name, description, input_schema }');
      return { type: 'function', function: { name: tool['name'], description: tool['description'], parameters: tool['input_schema'] ?? {} } };
    });
  }
  const choice = body['tool_choice'];
  let toolChoice: unknown;
  if (isRecord(choice)) {
    if (choice['type'] === 'any') toolChoice = 'required';
    else if (choice['type'] === 'tool') toolChoice = { type: 'function', function: { name: choice['name'] } };
    else toolChoice = choice['type'];
  }
  const model =
    typeof body['model'] === 'string' && body['model'].startsWith('deepseek-')
      ? body['model']
      : String(body['model'] ?? '').startsWith('claude-opus')
        ? 'deepseek-v4-pro'
        : 'deepseek-v4-flash';
  const thinking = body['thinking'];
  const effort = isRecord(body['output_config']) ? body['output_config']['effort'] : undefined;
  return {
    model,
    messages,
    ...(tools === undefined ? {} : { tools }),
    ...(toolChoice === undefined ? {} : { tool_choice: toolChoice }),
    ...(isRecord(thinking) && (thinking['type'] === 'enabled' || thinking['type'] === 'disabled') ? { thinking: { type: thinking['type'] } } : {}),
    ...(effort === undefined ? {} : { reasoning_effort: effort }),
  };
}
