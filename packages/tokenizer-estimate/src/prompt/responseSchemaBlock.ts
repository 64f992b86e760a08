import type { NormalizedChatBody } from './chatBody.ts';
import { pythonJson } from './pythonJson.ts';

/**
 * The text a `json_schema` response format adds: `response_format_template` of DeepSeek's V3.2
 * and V4 reference encoders with the schema as `json.dumps` (exact on the one recorded call). It
 * follows the system prompt after a blank line, or starts the prompt when nothing precedes it.
 *
 * @example
 * ```ts
 * responseSchemaBlock({ name: 'City', schema: { type: 'object' } }, false);
 * // '## Response Format:\n\nYou MUST strictly adhere to the following schema to reply:\n{"type": "object"}'
 * ```
 */
export function responseSchemaBlock(format: NonNullable<NormalizedChatBody['responseSchema']>, afterText: boolean): string {
  return `${afterText ? '\n\n' : ''}## Response Format:\n\nYou MUST strictly adhere to the following schema to reply:\n${pythonJson(format.schema)}`;
}
