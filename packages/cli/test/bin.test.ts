import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The real executable in a real process, run from the repository with no build step: argv, stdin,
// stdout/stderr and the exit code as a shell sees them.

const REPO = resolve(import.meta.dirname, '../../..');
const seekcost = (args: readonly string[], input?: string) =>
  spawnSync(process.execPath, ['--conditions=@seekcost/source', '--import', 'tsx', 'packages/cli/src/bin.ts', ...args], {
    cwd: REPO,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('the seekcost executable', () => {
  it('prints its version and exits 0', () => {
    const result = seekcost(['--version']);
    expect(result.stdout).toBe('0.1.0\n');
    expect(result.status).toBe(0);
  });

  it('totals piped JSONL, keeps stderr free of progress when piped, and exits 3 on a bad line', () => {
    const input = `${JSON.stringify({ model: 'deepseek-chat', at: '2025-03-01T12:00:00Z', usage: { prompt_tokens: 6000, prompt_cache_hit_tokens: 0, prompt_cache_miss_tokens: 6000, completion_tokens: 800 } })}\n{oops\n`;
    const result = seekcost(['ledger', '-', '--out', 'json'], input);
    expect(result.status).toBe(3);
    expect(JSON.parse(result.stdout).amount).toBe('0.0025');
    expect(result.stderr).toContain('<stdin>:2: not valid JSON');
    expect(result.stderr).not.toContain('\r');
  });
});
