import { InvalidTypeError, MalformedBodyError } from '../errors.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function partsText(value: unknown, path: string): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (!Array.isArray(value)) throw new InvalidTypeError(path, 'a string or an array of content parts', value);
  return value
    .map((part: unknown, index) => {
      if (!isRecord(part)) throw new InvalidTypeError(`${path}[${index}]`, 'a content part object', part);
      const text = part['text'];
      if (text === undefined) return '';
      if (typeof text !== 'string') throw new InvalidTypeError(`${path}[${index}].text`, 'a string', text);
      return text;
    })
    .join('');
}

/**
 * Converts an OpenAI Responses-API request body (`input`, `instructions`, flat `tools`,
 * `reasoning.effort`) to the equivalent chat-completions body, which DeepSeek renders with the same
 * template. Consecutive reasoning / function_call / assistant items become one assistant message.
 *
 * @example
 * ```ts
 * responsesToChatBody({ model: 'deepseek-v4-flash', instructions: 'Be brief.', input: 'Hi' });
 * // { model: 'deepseek-v4-flash', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }] }
 * ```
 */
export function responsesToChatBody(body: Record<string, unknown>): Record<string, unknown> {
  const messages: Record<string, unknown>[] = [];
  const instructions = body['instructions'];
  if (instructions !== undefined && instructions !== null) {
    if (typeof instructions !== 'string') throw new InvalidTypeError('instructions', 'a string', instructions);
    messages.push({ role: 'system', content: instructions });
  }
  const input = body['input'];
  let assistant: { role: 'assistant'; content: string; reasoning_content: string; tool_calls: unknown[] } | undefined;
  const flush = () => {
    if (assistant) messages.push(assistant);
    assistant = undefined;
  };
  const openAssistant = () => (assistant ??= { role: 'assistant', content: '', reasoning_content: '', tool_calls: [] });
  if (typeof input === 'string') {
    messages.push({ role: 'user', content: input });
  } else if (Array.isArray(input)) {
    input.forEach((item: unknown, index) => {
      const path = `input[${index}]`;
      if (!isRecord(item)) throw new MalformedBodyError(path, 'expected an input item object');
      const type = item['type'] ?? 'message';
      if (type === 'message') {
        const role = item['role'] === 'developer' ? 'system' : item['role'];
        const text = partsText(item['content'], `${path}.content`);
        if (role === 'assistant') openAssistant().content += text;
        else {
          flush();
          messages.push({ role, content: text });
        }
      } else if (type === 'reasoning') {
        openAssistant().reasoning_content += partsText(item['content'], `${path}.content`);
      } else if (type === 'function_call') {
        openAssistant().tool_calls.push({ type: 'function', function: { name: item['name'], arguments: item['arguments'] ?? '' } });
      } else if (type === 'function_call_output') {
        flush();
        messages.push({ role: 'tool', content: partsText(item['output'], `${path}.output`) });
      } else {
        throw new MalformedBodyError(`${path}.type`, `unsupported input item type ${JSON.stringify(type)}`);
      }
    });
    flush();
  } else {
    throw new InvalidTypeError('input', 'a string or an array of input items', input);
  }
  const rawTools = body['tools'];
  let tools: unknown = rawTools;
  if (Array.isArray(rawTools)) {
    tools = rawTools.map((tool: unknown) =>
      isRecord(tool) && !isRecord(tool['function'])
        ? { type: 'function', function: { name: tool['name'], description: tool['description'], parameters: tool['parameters'] } }
        : tool,
    );
  }
  const text = body['text'];
  const format = isRecord(text) ? text['format'] : undefined;
  const reasoning = body['reasoning'];
  const effort = isRecord(reasoning) ? reasoning['effort'] : undefined;
  // Responses names a forced function flat ({ type: 'function', name }); chat nests it under `function`.
  const choice = body['tool_choice'];
  const toolChoice =
    isRecord(choice) && choice['type'] === 'function' && !isRecord(choice['function']) ? { type: 'function', function: { name: choice['name'] } } : choice;
  return {
    model: body['model'],
    messages,
    ...(tools === undefined ? {} : { tools }),
    ...(toolChoice === undefined ? {} : { tool_choice: toolChoice }),
    ...(effort === undefined ? {} : { reasoning_effort: effort }),
    ...(format === undefined ? {} : { response_format: format }),
  };
}
