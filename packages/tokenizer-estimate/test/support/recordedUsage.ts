/** The recorded DeepSeek API calls of the repository's fixture (test/fixtures/recordedUsage), typed for the tokenizer's tests. */
import { RECORDED_USAGE_PATH, readRecordedLines } from '../../../../test/support/recordedUsage.ts';

export { RECORDED_USAGE_PATH };

export interface RecordedCall {
  readonly source: string;
  readonly endpoint: 'openai-chat' | 'openai-responses';
  readonly model: string;
  readonly created: number;
  readonly request_known: boolean;
  readonly request: Record<string, unknown> | null;
  readonly response_usage: { prompt_tokens?: number; input_tokens?: number; completion_tokens?: number; output_tokens?: number };
  readonly response_text: { content?: string | null; reasoning_content?: string | null; tool_calls?: unknown } | null;
  readonly annotations: { era: string; has_tools: boolean; thinking: boolean; response_has_tool_calls: boolean };
}

/**
 * The recorded calls; throws when the fixture is missing.
 *
 * @example
 * ```ts
 * const calls = readRecordedUsage(); // 99 calls
 * ```
 */
export function readRecordedUsage(): RecordedCall[] {
  return readRecordedLines<RecordedCall>(RECORDED_USAGE_PATH);
}
