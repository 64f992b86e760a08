import type { NormalizedChatBody } from './chatBody.ts';
import { FITTED } from './fittedConstants.ts';
import { mergeUserRuns } from './mergeUserRuns.ts';
import { PieceBuilder } from './pieceBuilder.ts';
import type { PromptPiece } from './promptPiece.ts';
import { pythonJson } from './pythonJson.ts';
import { responseSchemaBlock } from './responseSchemaBlock.ts';

/**
 * Renders a chat body the way DeepSeek's API renders it for DeepSeek-V3 / V3-0324 (deepseek-chat)
 * and DeepSeek-R1 / R1-0528 (deepseek-reasoner) before 2025-08-21, after the `chat_template` of
 * deepseek-ai/DeepSeek-V3-0324's and DeepSeek-R1-0528's tokenizer_config.json:
 * `<｜User｜>text<｜Assistant｜>`, no think markers in history, tool calls as
 * `function<｜tool▁sep｜>name` plus a fenced JSON block, tool results batched in
 * `<｜tool▁outputs▁begin｜>…<｜tool▁outputs▁end｜>`. R1's generation prompt ends `<think>\n`
 * (`<think>` is an added token in R1's tokenizer). Those templates do not render tool
 * definitions: the tool sections are rendered as in V3.1's model card (`### name`, description,
 * parameters as `json.dumps`), the instructions after them are a fitted count (every recorded
 * V3-era request with tools defines the same single tool, so that split is an assumption).
 *
 * @example
 * ```ts
 * renderV3Prompt(normalizeChatBody({ messages: [{ role: 'user', content: 'Hi' }] }), false).length; // 4 pieces
 * ```
 */
export function renderV3Prompt(body: NormalizedChatBody, thinking: boolean): PromptPiece[] {
  const out = new PieceBuilder();
  const messages = mergeUserRuns(body.messages);
  out.special('<｜begin▁of▁sentence｜>');
  const system = messages
    .filter((m) => m.role === 'system')
    .map((m) => m.text)
    .join('\n\n');
  out.text('content', system);
  if (body.tools.length > 0 && body.toolChoice !== 'none') {
    // The V3.1 model card's header and tool sections; the call-format instructions that follow
    // are not published for V3 and cost fewer tokens than V3.1's (a fitted count).
    let block = (system === '' ? '' : '\n\n') + '## Tools\nYou have access to the following tools:\n';
    for (const tool of body.tools) block += `\n### ${tool.name}\nDescription: ${tool.description}\n\nParameters: ${pythonJson(tool.parameters)}\n`;
    out.text('tools', block).fitted('tools', FITTED.v3.toolInstructions, '(V3 tool-use instructions)');
    if (body.toolChoice !== 'auto') out.fitted('tools', FITTED.toolChoiceForced, '(forced tool choice instruction)');
  }
  if (body.jsonMode) out.fitted('responseFormat', FITTED.jsonMode, '(JSON mode instruction)');
  if (body.responseSchema)
    out.text('responseFormat', responseSchemaBlock(body.responseSchema, system !== '' || (body.tools.length > 0 && body.toolChoice !== 'none')));
  let inOutputs = false;
  let firstOutput = true;
  let last: string = 'system';
  for (const message of messages) {
    switch (message.role) {
      case 'system':
        continue;
      case 'user':
        out.special('<｜User｜>').text('content', message.text).special('<｜Assistant｜>');
        inOutputs = false;
        break;
      case 'tool':
        if (inOutputs && !firstOutput) out.text('template', '\n');
        if (!inOutputs) out.special('<｜tool▁outputs▁begin｜>');
        out.special('<｜tool▁output▁begin｜>').text('content', message.text).special('<｜tool▁output▁end｜>');
        firstOutput = false;
        inOutputs = true;
        break;
      case 'assistant': {
        if (inOutputs) out.special('<｜tool▁outputs▁end｜>');
        inOutputs = false;
        out.text('content', message.text);
        if (message.toolCalls.length > 0) {
          out.special('<｜tool▁calls▁begin｜>');
          message.toolCalls.forEach((call, index) => {
            if (index > 0) out.text('template', '\n');
            out.special('<｜tool▁call▁begin｜>').text('template', 'function').special('<｜tool▁sep｜>');
            out.text('content', call.name).text('template', '\n```json\n').text('content', call.arguments).text('template', '\n```');
            out.special('<｜tool▁call▁end｜>');
          });
          out.special('<｜tool▁calls▁end｜>');
          firstOutput = true;
        }
        if (!message.prefix) out.special('<｜end▁of▁sentence｜>');
        break;
      }
    }
    last = message.role;
  }
  // The template adds no `<｜Assistant｜>` after tool outputs: the model answers right after them.
  if (inOutputs) out.special('<｜tool▁outputs▁end｜>');
  if (last === 'assistant' && !messages[messages.length - 1]?.prefix) out.special('<｜Assistant｜>');
  if (thinking && last !== 'assistant') out.special('<think>').text('template', '\n');
  return out.pieces;
}
