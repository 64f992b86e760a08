import type { NormalizedMessage } from './chatBody.ts';

/**
 * Joins runs of consecutive user messages into one, separated by a blank line: DeepSeek's API
 * does so before rendering (recorded usage: four user messages in a row cost two tokens less
 * than four `<｜User｜>` turns, in the V3, V3.1 and V3.2 eras alike).
 *
 * @example
 * ```ts
 * const user = (text: string) => ({ role: 'user' as const, text, reasoning: '', toolCalls: [], prefix: false, images: 0 });
 * mergeUserRuns([user('a'), user('b')]).map((m) => m.text); // ['a\n\nb']
 * ```
 */
export function mergeUserRuns(messages: readonly NormalizedMessage[]): NormalizedMessage[] {
  const out: NormalizedMessage[] = [];
  for (const message of messages) {
    const last = out[out.length - 1];
    if (message.role === 'user' && last?.role === 'user') {
      out[out.length - 1] = { ...last, text: `${last.text}\n\n${message.text}`, images: last.images + message.images };
    } else {
      out.push(message);
    }
  }
  return out;
}
