import { describe, expect, it } from 'vitest';
import { InvalidTypeError, MalformedBodyError } from '../src/index.ts';
import { anthropicToChatBody, isAnthropicBody } from '../src/prompt/anthropicBody.ts';

describe('isAnthropicBody', () => {
  it('recognises system, input_schema and tool_use / tool_result / thinking blocks', () => {
    expect(isAnthropicBody({ system: 's', messages: [] })).toBe(true);
    expect(isAnthropicBody({ messages: [], tools: [{ name: 'f', input_schema: {} }] })).toBe(true);
    expect(isAnthropicBody({ messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 'x', content: 'r' }] }] })).toBe(true);
    expect(isAnthropicBody({ messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }] })).toBe(false);
  });
});

describe('anthropicToChatBody', () => {
  it('maps system, thinking, tool_use, tool_result, tools, tool_choice, effort and model', () => {
    expect(
      anthropicToChatBody({
        model: 'claude-haiku-4',
        system: [
          { type: 'text', text: 'A' },
          { type: 'text', text: 'B' },
        ],
        thinking: { type: 'enabled', budget_tokens: 1024 },
        output_config: { effort: 'max' },
        tool_choice: { type: 'tool', name: 'f' },
        tools: [{ name: 'f', description: 'd', input_schema: { type: 'object' } }],
        messages: [
          { role: 'user', content: 'q' },
          {
            role: 'assistant',
            content: [
              { type: 'thinking', thinking: 'hmm' },
              { type: 'text', text: 'ok' },
              { type: 'tool_use', id: 't', name: 'f', input: { x: 1 } },
            ],
          },
          {
            role: 'user',
            content: [
              {
                type: 'tool_result',
                tool_use_id: 't',
                content: [
                  { type: 'text', text: 'r1' },
                  { type: 'text', text: 'r2' },
                ],
              },
            ],
          },
        ],
      }),
    ).toEqual({
      model: 'deepseek-v4-flash',
      messages: [
        { role: 'system', content: 'A\n\nB' },
        { role: 'user', content: 'q' },
        { role: 'assistant', content: 'ok', reasoning_content: 'hmm', tool_calls: [{ type: 'function', function: { name: 'f', arguments: '{"x":1}' } }] },
        { role: 'tool', content: 'r1\n\nr2' },
      ],
      tools: [{ type: 'function', function: { name: 'f', description: 'd', parameters: { type: 'object' } } }],
      tool_choice: { type: 'function', function: { name: 'f' } },
      thinking: { type: 'enabled' },
      reasoning_effort: 'max',
    });
  });
  it('rejects what DeepSeek does not support, naming the field', () => {
    const image = () =>
      anthropicToChatBody({
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'a' },
              { type: 'image', source: {} },
            ],
          },
        ],
      });
    expect(image).toThrow(MalformedBodyError);
    expect(image).toThrow('messages[0].content[1].type');
    expect(() => anthropicToChatBody({ messages: [{ role: 'system', content: 'x' }] })).toThrow('messages[0].role');
    expect(() => anthropicToChatBody({ messages: 'hi' })).toThrow(InvalidTypeError);
    expect(() => anthropicToChatBody({ messages: [], tools: [{ input_schema: {} }] })).toThrow('tools[0].name');
  });
});
