/** Reads the recorded DeepSeek API calls in ../shared (outside the repository; never copied in). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './corpus.ts';

export const RECORDED_USAGE_PATH = join(REPO_ROOT, '..', 'shared', 'datasets', 'deepseek-recorded-usage.jsonl');

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
 * The recorded calls, or undefined when ../shared is absent.
 *
 * @example
 * ```ts
 * const calls = readRecordedUsage(); // 99 calls, or undefined outside the workplace
 * ```
 */
export function readRecordedUsage(): RecordedCall[] | undefined {
  if (!existsSync(RECORDED_USAGE_PATH)) return undefined;
  return readFileSync(RECORDED_USAGE_PATH, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RecordedCall);
}
