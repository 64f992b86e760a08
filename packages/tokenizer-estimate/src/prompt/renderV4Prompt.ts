import type { NormalizedChatBody, NormalizedMessage } from './chatBody.ts';
import { MalformedBodyError } from '../errors.ts';
import { dsmlArguments } from './dsmlArguments.ts';
import { FITTED } from './fittedConstants.ts';
import { IMAGE_TOKENS_MAX } from './imageTokens.ts';
import { PieceBuilder } from './pieceBuilder.ts';
import type { PromptPiece } from './promptPiece.ts';
import { pythonJson } from './pythonJson.ts';
import { responseSchemaBlock } from './responseSchemaBlock.ts';
import { TEMPLATE_SWITCHES } from './resolveTemplate.ts';

const DSML = '｜DSML｜';

/**
 * The tool block of DeepSeek-V4's reference encoder (`TOOLS_TEMPLATE` in encoding/encoding_dsv4.py
 * of deepseek-ai/DeepSeek-V4-Flash, as vendored in sgl-project/sglang), re-implemented: the DSML
 * call-format instructions, then one JSON line per tool (the `function` object as `json.dumps`).
 */
function v4ToolBlock(body: NormalizedChatBody, tags: DsmlTags): string {
  // `strict` is not rendered (recorded usage: a strict tool costs what the same tool without it
  // costs); a named tool_choice renders only that tool (one recorded call).
  const forced = body.toolChoice;
  const tools = typeof forced === 'object' ? body.tools.filter((tool) => tool.name === forced.name) : body.tools;
  const schemas = tools.map((tool) => pythonJson({ name: tool.name, description: tool.description, parameters: tool.parameters })).join('\n');
  const { calls, invoke, parameter } = tags;
  return (
    '## Tools\n\n' +
    `You have access to a set of tools to help answer the user's question. You can invoke tools by writing a "<${DSML}${calls}>" block like the following:\n\n` +
    `<${DSML}${calls}>\n<${DSML}${invoke} name="$TOOL_NAME">\n<${DSML}${parameter} name="$PARAMETER_NAME" string="true|false">$PARAMETER_VALUE</${DSML}${parameter}>\n...\n</${DSML}${invoke}>\n` +
    `<${DSML}${invoke} name="$TOOL_NAME2">\n...\n</${DSML}${invoke}>\n</${DSML}${calls}>\n\n` +
    'String parameters should be specified as is and set `string="true"`. For all other types (numbers, booleans, arrays, objects), pass the value in JSON format and set `string="false"`.\n\n' +
    'If thinking_mode is enabled (triggered by <think>), you MUST output your complete reasoning inside <think>...</think> BEFORE any tool calls or final response.\n\n' +
    'Otherwise, output directly after </think> with tool calls or final response.\n\n' +
    `### Available Tool Schemas\n\n${schemas}\n\n` +
    'You MUST strictly follow the above defined tool name and parameter schemas to invoke tool calls.\n'
  );
}

/** DSML tag names: V4's, and V4.1's (leading-space names, encoding_dsv41.py). */
interface DsmlTags {
  readonly calls: string;
  readonly invoke: string;
  readonly parameter: string;
}
const V4_TAGS: DsmlTags = { calls: 'tool_calls', invoke: 'invoke', parameter: 'parameter' };
const V41_TAGS: DsmlTags = { calls: ' calls', invoke: ' invoke', parameter: ' parameter' };

/** V4.1's numeric effort (`REASONING_EFFORT_TEMPLATE` of encoding_dsv41.py); default 'high' = 50. */
const V41_EFFORT: Readonly<Record<string, number>> = { low: 25, high: 50, xhigh: 75, max: 100 };

function v41EffortPreamble(effort: string | undefined): string {
  const budget = V41_EFFORT[effort ?? 'high'] ?? (/^\d+$/.test(effort ?? '') && Number(effort) >= 1 && Number(effort) <= 100 ? Number(effort) : undefined);
  if (budget === undefined)
    throw new MalformedBodyError('reasoning_effort', `V4.1 takes 'low', 'high', 'xhigh', 'max' or 1-100, got ${JSON.stringify(effort)}`);
  return `Reasoning Effort: ${budget} (range 1-100, the higher the value, the more thorough the reasoning)\n\n`;
}

/**
 * The effort preambles prepended in thinking mode. Before V4-0731 only 'max' had one (`REASONING_EFFORT_MAX`
 * of the release's encoding_dsv4.py); from V4-0731 on the default 'high' has that text and 'max'
 * a stronger one, 'low' none (`REASONING_EFFORT_PROMPTS` of the later encoding_dsv4.py, as shipped
 * with DeepSeek-V4-Flash-Vision-Exp).
 */
const EFFORT_STRONG =
  'Reasoning Effort: Absolute maximum with no shortcuts permitted.\n' +
  'You MUST be very thorough in your thinking and comprehensively decompose the problem to resolve the root cause, rigorously stress-testing your logic against all potential paths, edge cases, and adversarial scenarios.\n' +
  'Explicitly write out your entire deliberation process, documenting every intermediate step, considered alternative, and rejected hypothesis to ensure absolutely no assumption is left unchecked.\n\n';
const EFFORT_MAX_0731 =
  'Reasoning Effort: Beyond maximum — exhaustive, relentless, and uncompromising.\n' +
  'You MUST reason with the utmost depth and rigor, leaving absolutely nothing to chance: exhaustively decompose the problem into its most fundamental components, trace every causal chain to its root, and resolve the underlying cause rather than any surface symptom.\n' +
  'Do not stop reasoning until you have independently verified the solution from multiple angles and are certain that no assumption remains unchecked and no error remains undiscovered.\n\n';

function effortPreamble(effort: string | undefined, at: number): string {
  const max = effort === 'max' || effort === 'xhigh';
  if (at < TEMPLATE_SWITCHES.v4EffortPreamble) return max ? EFFORT_STRONG : '';
  if (effort === 'low' || effort === 'minimal') return '';
  return max ? EFFORT_MAX_0731 : EFFORT_STRONG;
}

/** One user turn after `merge_tool_messages`: tool results and user text as blocks joined by a blank line. */
interface UserTurn {
  readonly role: 'user';
  readonly blocks: { readonly kind: 'text' | 'tool'; readonly text: string; readonly images: number }[];
}

/**
 * Renders a chat body the way DeepSeek's API renders it for V4 (deepseek-v4-flash / -pro, and the
 * legacy aliases from 2026-04-24), after DeepSeek-V4's reference encoder (encoding_dsv4.py):
 * tool messages merged into the user turn as `<tool_result>…</tool_result>` blocks, DSML tool
 * calls, reasoning kept for every assistant message when tools are defined and only after the last
 * user message otherwise; from V4-0731 (2026-07-31) on, thinking mode starts with the default
 * effort's preamble. What the hosted API adds beyond the encoder was read off recorded usage
 * (JSON mode's instruction, `tool_choice` 'required' / named: fitted counts). With `variant`
 * 'v4.1' (deepseek-flash, DeepSeek-V4.1-Flash from 2026-09-10) it follows encoding_dsv41.py
 * instead: a `<｜System｜>` token opening the system part, a numeric effort line ("Reasoning
 * Effort: 50 …", default 'high') and DSML tags ` calls` / ` invoke` / ` parameter`. No V4.1 call
 * was recorded: that variant is the published encoder plus V4's observed server behaviour, unverified.
 *
 * @example
 * ```ts
 * renderV4Prompt(normalizeChatBody({ messages: [{ role: 'user', content: 'Hi' }] }), true, Date.UTC(2026, 5, 1)).length; // 5 pieces
 * ```
 */
export function renderV4Prompt(body: NormalizedChatBody, thinking: boolean, at: number, variant: 'v4' | 'v4.1' = 'v4'): PromptPiece[] {
  const tags = variant === 'v4.1' ? V41_TAGS : V4_TAGS;
  const out = new PieceBuilder();
  const turns: (NormalizedMessage | UserTurn)[] = [];
  for (const message of body.messages) {
    const last = turns[turns.length - 1];
    if (message.role === 'user' || message.role === 'tool') {
      const block = { kind: message.role === 'tool' ? ('tool' as const) : ('text' as const), text: message.text, images: message.images };
      if (last?.role === 'user' && 'blocks' in last) last.blocks.push(block);
      else turns.push({ role: 'user', blocks: [block] });
    } else {
      turns.push(message);
    }
  }
  const lastUser = turns.map((t) => t.role).lastIndexOf('user');
  const keepReasoning = body.tools.length > 0;
  const renderTools = body.tools.length > 0 && body.toolChoice !== 'none';
  out.special('<｜begin▁of▁sentence｜>');
  const systemText = turns
    .filter((t): t is NormalizedMessage => t.role === 'system')
    .map((m) => m.text)
    .join('\n\n');
  if (variant === 'v4.1') {
    // V4.1 opens the system part with <｜System｜> whenever it holds anything (the effort line counts).
    const effort = thinking ? v41EffortPreamble(body.reasoningEffort) : '';
    if (effort !== '' || systemText !== '' || renderTools || body.jsonMode || body.responseSchema) out.special('<｜System｜>');
    out.text('template', effort);
  } else if (thinking) {
    out.text('template', effortPreamble(body.reasoningEffort, at));
  }
  out.text('content', systemText);
  if (renderTools) out.dsml('tools', '\n\n' + v4ToolBlock(body, tags));
  if (renderTools && body.toolChoice !== 'auto') out.fitted('tools', FITTED.toolChoiceForced, '(forced tool choice instruction)');
  if (body.jsonMode) out.fitted('responseFormat', FITTED.jsonMode, '(JSON mode instruction)');
  if (body.responseSchema) out.text('responseFormat', responseSchemaBlock(body.responseSchema, systemText !== '' || renderTools));
  turns.forEach((turn, index) => {
    const next = turns[index + 1];
    if (turn.role === 'system') return;
    if ('blocks' in turn) {
      out.special('<｜User｜>');
      turn.blocks.forEach((block, blockIndex) => {
        if (blockIndex > 0) out.text('template', '\n\n');
        if (block.kind === 'tool') out.text('template', '<tool_result>').text('content', block.text).text('template', '</tool_result>');
        else out.text('content', block.text);
        for (let i = 0; i < block.images; i++) out.fitted('images', IMAGE_TOKENS_MAX, '(image)');
      });
      if (next === undefined || next.role === 'assistant') {
        out.special('<｜Assistant｜>').special(thinking && (keepReasoning || index >= lastUser) ? '<think>' : '</think>');
      }
      return;
    }
    if (turn.role !== 'assistant') return;
    // An assistant message that opens the conversation (no user turn before it) still gets its
    // role marker: the encoder emits it only after a user turn, but recorded usage counts it.
    if (!turns.slice(0, index).some((t) => t.role === 'user')) {
      out.special('<｜Assistant｜>').special(thinking && (keepReasoning || index > lastUser) ? '<think>' : '</think>');
    }
    if (thinking && (keepReasoning || index > lastUser)) out.text('content', turn.reasoning).special('</think>');
    out.text('content', turn.text);
    if (turn.toolCalls.length > 0) {
      out.dsml('template', `\n\n<${DSML}${tags.calls}>\n`);
      turn.toolCalls.forEach((call, callIndex) => {
        if (callIndex > 0) out.text('template', '\n');
        out.dsml('template', `<${DSML}${tags.invoke} name="`).text('content', call.name).text('template', '">\n');
        out.dsml('content', dsmlArguments(call.arguments, DSML, tags.parameter)).dsml('template', `\n</${DSML}${tags.invoke}>`);
      });
      out.dsml('template', `\n</${DSML}${tags.calls}>`);
    }
    if (!turn.prefix) out.special('<｜end▁of▁sentence｜>');
  });
  return out.pieces;
}
