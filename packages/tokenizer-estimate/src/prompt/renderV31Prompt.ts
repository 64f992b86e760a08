import type { NormalizedChatBody } from './chatBody.ts';
import { FITTED } from './fittedConstants.ts';
import { mergeUserRuns } from './mergeUserRuns.ts';
import { PieceBuilder } from './pieceBuilder.ts';
import type { PromptPiece } from './promptPiece.ts';
import { pythonJson } from './pythonJson.ts';
import { responseSchemaBlock } from './responseSchemaBlock.ts';
import { replayedReasoning } from './replayedReasoning.ts';

/**
 * The tool block of DeepSeek-V3.1's model card ("ToolCall" section of
 * huggingface.co/deepseek-ai/DeepSeek-V3.1, also vLLM's tool_chat_template_deepseekv31.jinja),
 * re-implemented: a `## Tools` header, one `### name` section per tool with its description and
 * its parameters as Python `json.dumps`, then the call-format instructions.
 */
function v31ToolBlock(body: NormalizedChatBody): string {
  // Ends without the trailing newline the card shows: recorded usage counts one token less.
  let text = '## Tools\nYou have access to the following tools:\n';
  for (const tool of body.tools) {
    text += `\n### ${tool.name}\nDescription: ${tool.description}\n\nParameters: ${pythonJson(tool.parameters)}\n`;
  }
  text +=
    '\nIMPORTANT: ALWAYS adhere to this exact format for tool use:\n' +
    '<｜tool▁calls▁begin｜><｜tool▁call▁begin｜>tool_call_name<｜tool▁sep｜>tool_call_arguments<｜tool▁call▁end｜>{additional_tool_calls}<｜tool▁calls▁end｜>\n\n' +
    'Where:\n' +
    '- `tool_call_name` must be an exact match to one of the available tools\n' +
    "- `tool_call_arguments` must be valid JSON that strictly follows the tool's Parameters Schema\n" +
    '- For multiple tool calls, chain them directly without separators or spaces';
  return text;
}

/**
 * Renders a chat body the way DeepSeek's API renders it for V3.1 and V3.1-Terminus (deepseek-chat /
 * deepseek-reasoner from 2025-08-21 to 2025-09-29), after the `chat_template` of
 * deepseek-ai/DeepSeek-V3.1's tokenizer_config.json and the model card's tool block:
 * `<think>` / `</think>` after every `<｜Assistant｜>`, tool calls as `name<｜tool▁sep｜>arguments`,
 * each tool result in `<｜tool▁output▁begin｜>…<｜tool▁output▁end｜>` with no new
 * `<｜Assistant｜>` after it (the model answers right after the output). What the hosted API does
 * beyond the template was read off recorded usage: consecutive user messages are joined into one,
 * and with no system prompt the tool block starts the prompt (no blank line before it).
 *
 * @example
 * ```ts
 * renderV31Prompt(normalizeChatBody({ messages: [{ role: 'user', content: 'Hi' }] }), false).length; // 5 pieces
 * ```
 */
export function renderV31Prompt(body: NormalizedChatBody, thinking: boolean): PromptPiece[] {
  const out = new PieceBuilder();
  const messages = mergeUserRuns(body.messages);
  const replayed = replayedReasoning(messages);
  out.special('<｜begin▁of▁sentence｜>');
  const system = messages
    .filter((m) => m.role === 'system')
    .map((m) => m.text)
    .join('\n\n');
  out.text('content', system);
  if (body.tools.length > 0 && body.toolChoice !== 'none') {
    out.dsml('tools', (system === '' ? '' : '\n\n') + v31ToolBlock(body));
    if (body.toolChoice !== 'auto') out.fitted('tools', FITTED.toolChoiceForced, '(forced tool choice instruction)');
  }
  if (body.jsonMode) out.fitted('responseFormat', FITTED.jsonMode, '(JSON mode instruction)');
  if (body.responseSchema)
    out.text('responseFormat', responseSchemaBlock(body.responseSchema, system !== '' || (body.tools.length > 0 && body.toolChoice !== 'none')));
  let afterUser = false;
  const openAssistant = (think: boolean) => {
    out.special('<｜Assistant｜>').special(think ? '<think>' : '</think>');
  };
  messages.forEach((message, index) => {
    switch (message.role) {
      case 'system':
        return;
      case 'user':
        out.special('<｜User｜>').text('content', message.text);
        afterUser = true;
        return;
      case 'tool':
        out.special('<｜tool▁output▁begin｜>').text('content', message.text).special('<｜tool▁output▁end｜>');
        afterUser = false;
        return;
      case 'assistant': {
        const replay = thinking && replayed[index] === true && message.reasoning !== '';
        if (afterUser) openAssistant(replay || (message.prefix && thinking));
        if (replay) out.text('content', message.reasoning).special('</think>');
        out.text('content', message.text);
        if (message.toolCalls.length > 0) {
          out.special('<｜tool▁calls▁begin｜>');
          for (const call of message.toolCalls) {
            out
              .special('<｜tool▁call▁begin｜>')
              .text('content', call.name)
              .special('<｜tool▁sep｜>')
              .text('content', call.arguments)
              .special('<｜tool▁call▁end｜>');
          }
          out.special('<｜tool▁calls▁end｜>');
        }
        if (!message.prefix) out.special('<｜end▁of▁sentence｜>');
        afterUser = false;
        return;
      }
    }
  });
  if (afterUser) openAssistant(thinking);
  return out.pieces;
}
