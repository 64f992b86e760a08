import type { NormalizedChatBody } from './chatBody.ts';
import { dsmlArguments } from './dsmlArguments.ts';
import { FITTED } from './fittedConstants.ts';
import { mergeUserRuns } from './mergeUserRuns.ts';
import { PieceBuilder } from './pieceBuilder.ts';
import type { PromptPiece } from './promptPiece.ts';
import { pythonJson } from './pythonJson.ts';
import { responseSchemaBlock } from './responseSchemaBlock.ts';

const DSML = '｜DSML｜';

/**
 * The tool block of DeepSeek-V3.2's reference encoder (`TOOLS_SYSTEM_TEMPLATE` in
 * encoding/encoding_dsv32.py of deepseek-ai/DeepSeek-V3.2, as vendored in vLLM), re-implemented:
 * DSML `function_calls` instructions, then one JSON line per tool inside `<functions>`.
 */
function v32ToolBlock(body: NormalizedChatBody): string {
  const schemas = body.tools.map((tool) => pythonJson({ name: tool.name, description: tool.description, parameters: tool.parameters })).join('\n');
  return (
    '## Tools\n\n' +
    "You have access to a set of tools you can use to answer the user's question.\n" +
    `You can invoke functions by writing a "<${DSML}function_calls>" block like the following as part of your reply to the user:\n` +
    `<${DSML}function_calls>\n<${DSML}invoke name="$FUNCTION_NAME">\n<${DSML}parameter name="$PARAMETER_NAME" string="true|false">$PARAMETER_VALUE</${DSML}parameter>\n...\n</${DSML}invoke>\n` +
    `<${DSML}invoke name="$FUNCTION_NAME2">\n...\n</${DSML}invoke>\n</${DSML}function_calls>\n\n` +
    'String and scalar parameters should be specified as is without any escaping or quotes, while lists and objects should use JSON format. ' +
    'The "string" attribute should be set to "true" for string type parameters and "false" for other types (numbers, booleans, arrays, objects).\n\n' +
    'If the thinking_mode is enabled, then after function results you should strongly consider outputting a thinking block. Here is an example:\n\n' +
    `<${DSML}function_calls>\n...\n</${DSML}function_calls>\n\n<function_results>\n...\n</function_results>\n\n<think>...thinking about results</think>\n\n` +
    `Here are the functions available in JSONSchema format:\n<functions>\n${schemas}\n</functions>\n`
  );
}

/**
 * Renders a chat body the way DeepSeek's API renders it for V3.2-Exp and V3.2 (deepseek-chat /
 * deepseek-reasoner from 2025-09-29 to 2026-04-24), after DeepSeek-V3.2's reference encoder
 * (encoding_dsv32.py): `<｜User｜>text<｜Assistant｜>` then `<think>` or `</think>`, DSML
 * `function_calls` for tool calls, tool results batched in `<function_results>`, reasoning kept
 * only after the last user message. No recorded V3.2-Exp request (before 2025-12-01) carries
 * tools, so that V3.2-Exp used V3.2's encoder for tools is assumed. JSON mode adds a fitted count.
 *
 * @example
 * ```ts
 * renderV32Prompt(normalizeChatBody({ messages: [{ role: 'user', content: 'Hi' }] }), false).length; // 5 pieces
 * ```
 */
export function renderV32Prompt(body: NormalizedChatBody, thinking: boolean): PromptPiece[] {
  const out = new PieceBuilder();
  const messages = mergeUserRuns(body.messages);
  const lastUser = messages.map((m) => m.role).lastIndexOf('user');
  out.special('<｜begin▁of▁sentence｜>');
  const system = messages
    .filter((m) => m.role === 'system')
    .map((m) => m.text)
    .join('\n\n');
  out.text('content', system);
  if (body.tools.length > 0 && body.toolChoice !== 'none') {
    // With no system message the block starts the prompt: no blank line before it (recorded usage).
    out.dsml('tools', (system === '' ? '' : '\n\n') + v32ToolBlock(body));
    if (body.toolChoice !== 'auto') out.fitted('tools', FITTED.toolChoiceForced, '(forced tool choice instruction)');
  }
  if (body.jsonMode) out.fitted('responseFormat', FITTED.jsonMode, '(JSON mode instruction)');
  if (body.responseSchema)
    out.text('responseFormat', responseSchemaBlock(body.responseSchema, system !== '' || (body.tools.length > 0 && body.toolChoice !== 'none')));
  let callsOpen = 0;
  let resultsSeen = 0;
  messages.forEach((message, index) => {
    switch (message.role) {
      case 'system':
        return;
      case 'user':
        out.special('<｜User｜>').text('content', message.text).special('<｜Assistant｜>');
        out.special(index === lastUser && thinking ? '<think>' : '</think>');
        return;
      case 'tool':
        if (resultsSeen === 0) out.text('template', '\n\n<function_results>');
        out.text('template', '\n<result>').text('content', message.text).text('template', '</result>');
        resultsSeen++;
        if (resultsSeen >= callsOpen) {
          out.text('template', '\n</function_results>\n\n').special(index >= lastUser && thinking ? '<think>' : '</think>');
        }
        return;
      case 'assistant': {
        if (thinking && index > lastUser) out.text('content', message.reasoning).special('</think>');
        out.text('content', message.text);
        if (message.toolCalls.length > 0) {
          out.dsml('template', `\n\n<${DSML}function_calls>\n`);
          message.toolCalls.forEach((call, callIndex) => {
            if (callIndex > 0) out.text('template', '\n');
            out.dsml('template', `<${DSML}invoke name="`).text('content', call.name).text('template', '">\n');
            out.dsml('content', dsmlArguments(call.arguments)).dsml('template', `\n</${DSML}invoke>`);
          });
          out.dsml('template', `\n</${DSML}function_calls>`);
        }
        callsOpen = message.toolCalls.length;
        resultsSeen = 0;
        if (!message.prefix) out.special('<｜end▁of▁sentence｜>');
        return;
      }
    }
  });
  return out.pieces;
}
