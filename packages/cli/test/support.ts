import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll } from 'vitest';
import { runCli, type CliIo } from '../src/index.ts';

/** What a command printed and returned, run in-process. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `seekcost ...args` in-process with the given stdin, a fixed clock and cwd. */
export async function run(args: readonly string[], options: { stdin?: string | Buffer; cwd?: string; tty?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdin: Readable.from(options.stdin === undefined ? [] : [typeof options.stdin === 'string' ? Buffer.from(options.stdin) : options.stdin]),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stderrIsTTY: options.tty ?? false,
    now: () => Date.parse('2026-09-01T02:00:00Z'),
    cwd: options.cwd ?? process.cwd(),
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

const created: string[] = [];
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary directory for one test's files, removed after the test file has run. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'seekcost-cli-'));
  created.push(dir);
  return dir;
}

export const chatUsage = (hit: number, miss: number, out: number) => ({
  prompt_tokens: hit + miss,
  prompt_cache_hit_tokens: hit,
  prompt_cache_miss_tokens: miss,
  completion_tokens: out,
});

/** An OTLP/JSON GenAI span of a deepseek-chat call with 10 input tokens and `output` output tokens (a string, as OTLP carries int64). */
export const genAiSpan = (spanId: string, output: string) => ({
  spanId,
  endTimeUnixNano: '1767130891000000000',
  attributes: [
    { key: 'gen_ai.request.model', value: { stringValue: 'deepseek-chat' } },
    { key: 'gen_ai.usage.input_tokens', value: { intValue: '10' } },
    { key: 'gen_ai.usage.output_tokens', value: { intValue: output } },
  ],
});
