import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { countTokens, loadTokenizers } from '@seekcost/tokenizer-estimate';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../src/index.ts';
import { mulberry32 } from '../../../test/support/mulberry32.ts';
import { tempDir } from './support.ts';

// `seekcost tokens` streams its input (issue 8: a 600 MB file exited 1 with 'Invalid string
// length'): the streamed count must equal the count of the whole text, for every method.
beforeAll(() => loadTokenizers({ exact: true, fast: true }));

function ioWith(stdin: Readable, cwd: string) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdin,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stderrIsTTY: false,
    now: () => 0,
    cwd,
  };
  return { io, out: () => stdout, err: () => stderr };
}

function randomText(units: number): string {
  const next = mulberry32(8);
  const words = ['Hello', ' world', '中文', '\n', '\n\n', ' ', '/', '123', '😀', '<｜User｜>', 'déjà', '  ', '!', '\r\n'];
  const parts: string[] = [];
  let length = 0;
  while (length < units) {
    const word = words[Math.floor(next() * words.length)]!;
    parts.push(word);
    length += word.length;
  }
  return parts.join('');
}

describe('seekcost tokens', () => {
  it('counts a multi-megabyte file in streamed chunks exactly like the whole text', { timeout: 180_000 }, async () => {
    const dir = tempDir();
    const text = `\ufeff${randomText(3_000_000)}`;
    writeFileSync(join(dir, 'big.txt'), text);
    for (const method of ['exact', 'fast', 'heuristic'] as const) {
      const { io, out } = ioWith(Readable.from([]), dir);
      expect(await runCli(['tokens', 'big.txt', '--method', method, '--json'], io)).toBe(0);
      expect(JSON.parse(out())).toEqual({ tokens: countTokens(text, { method }), method, characters: text.length });
    }
  });

  it('exits 4 naming the input when 64 Mi characters pass without a place to cut', { timeout: 180_000 }, async () => {
    const block = Buffer.alloc(1 << 20, 0x61);
    const { io, err } = ioWith(Readable.from(Array.from({ length: 65 }, () => block)), process.cwd());
    expect(await runCli(['tokens', '-', '--method', 'heuristic'], io)).toBe(4);
    expect(err()).toBe('seekcost: <stdin>: chunk: more than 67108864 characters without a line break followed by text: cannot be counted in bounded memory\n');
  });

  it('exits 4 for a missing file', async () => {
    const { io, err } = ioWith(Readable.from([]), tempDir());
    expect(await runCli(['tokens', 'missing.txt', '--method', 'heuristic'], io)).toBe(4);
    expect(err()).toContain('missing.txt');
  });
});
