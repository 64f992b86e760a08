/**
 * The recorded DeepSeek API calls kept in the repository as a test fixture
 * (test/fixtures/recordedUsage/, copied from the workplace's shared/datasets with its README of
 * sources and licences). Every suite that needs them reads them from here, so they run on any
 * clone; a missing file is an error, never a skipped test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The fixture folder. */
export const RECORDED_USAGE_DIR = join(import.meta.dirname, '..', 'fixtures', 'recordedUsage');
/** The first collection: 99 calls. */
export const RECORDED_USAGE_PATH = join(RECORDED_USAGE_DIR, 'deepseek-recorded-usage.jsonl');
/** The 409 calls added 2026-12-03 (agent traffic: tools, tool_choice, JSON mode). */
export const MORE_RECORDED_USAGE_PATH = join(RECORDED_USAGE_DIR, 'more-recorded-usage.jsonl');

/**
 * The JSON lines of one fixture file, parsed; throws when the file is missing.
 *
 * @example
 * ```ts
 * const calls = readRecordedLines<{ model: string }>(RECORDED_USAGE_PATH); // 99 objects
 * ```
 */
export function readRecordedLines<T = Record<string, unknown>>(path: string = RECORDED_USAGE_PATH): T[] {
  if (!existsSync(path)) throw new Error(`test fixture missing: ${path} (test/fixtures/recordedUsage is part of the repository)`);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
