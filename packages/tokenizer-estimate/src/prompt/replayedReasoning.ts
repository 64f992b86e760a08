import type { NormalizedMessage } from './chatBody.ts';

/**
 * Which assistant messages have their `reasoning_content` replayed in thinking mode: DeepSeek's
 * thinking-mode guide says reasoning is sent back only within a turn that made tool calls (a turn
 * runs from one user message to the next), and then for every assistant message of that turn.
 *
 * @example
 * ```ts
 * replayedReasoning([{ role: 'user', text: 'q', reasoning: '', toolCalls: [], prefix: false, images: 0 }]); // [false]
 * ```
 */
export function replayedReasoning(messages: readonly NormalizedMessage[]): boolean[] {
  const replayed = new Array<boolean>(messages.length).fill(false);
  let turnStart = 0;
  messages.forEach((message, index) => {
    if (message.role === 'user') turnStart = index;
    if (message.toolCalls.length > 0) for (let i = turnStart; i <= index; i++) replayed[i] = true;
  });
  for (let i = messages.length - 1, later = false; i >= 0; i--) {
    const message = messages[i]!;
    if (message.role === 'user') later = false;
    else if (message.toolCalls.length > 0) later = true;
    if (later) replayed[i] = true;
  }
  for (let i = 1; i < messages.length; i++) {
    if (messages[i]!.role !== 'user' && replayed[i - 1]) replayed[i] = true;
  }
  return replayed;
}
