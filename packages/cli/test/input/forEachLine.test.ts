import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES, forEachLine, type ReadProgress } from '../../src/input/forEachLine.ts';
import type { CliIo } from '../../src/io.ts';

function stdinOf(chunks: readonly (string | Buffer)[]): CliIo {
  return {
    stdin: Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c))),
    stdout: { write: () => true },
    stderr: { write: () => true },
    stderrIsTTY: false,
    now: () => 0,
    cwd: process.cwd(),
  };
}

async function read(chunks: readonly (string | Buffer)[], maxLineBytes?: number) {
  const lines: [number, string][] = [];
  const long: [string, number, number][] = [];
  const progress: ReadProgress = { bytesRead: 0, totalBytes: undefined, lines: 0 };
  await forEachLine(['-'], stdinOf(chunks), progress, (text, _file, line) => void lines.push([line, text]), {
    ...(maxLineBytes === undefined ? {} : { maxLineBytes }),
    onLongLine: (file, line, bytes) => void long.push([file, line, bytes]),
  });
  return { lines, long, progress };
}

function split(text: string, size: number): Buffer[] {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

describe('forEachLine', () => {
  it('stops at a last line without a newline when onLine says so, and reads no later file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seekcost-lines-'));
    writeFileSync(join(dir, 'a.jsonl'), '{"ok":1}\nnot json');
    writeFileSync(join(dir, 'b.jsonl'), '{"x":1}\n');
    const seen: string[] = [];
    const progress: ReadProgress = { bytesRead: 0, totalBytes: undefined, lines: 0 };
    await forEachLine(['a.jsonl', 'b.jsonl'], { ...stdinOf([]), cwd: dir }, progress, (text, file, line) => {
      seen.push(`${file}:${line}`);
      return text.startsWith('{');
    });
    expect(seen).toEqual(['a.jsonl:1', 'a.jsonl:2']);
  });

  it('joins a line spread over many chunks once, with multi-byte characters cut anywhere', async () => {
    const long = '中文 and text '.repeat(2000);
    const { lines, long: tooLong } = await read(split(`first\r\n${long}\nlast`, 7));
    expect(lines).toEqual([
      [1, 'first'],
      [2, long],
      [3, 'last'],
    ]);
    expect(tooLong).toEqual([]);
  });

  it('skips a line over the limit unread, reports its file, line and length, and reads on', async () => {
    const over = 'x'.repeat(5000);
    const { lines, long, progress } = await read([...split(`{"a":1}\n${over}\n{"b":2}\n`, 100), 'y'.repeat(1001)], 1000);
    expect(lines).toEqual([
      [1, '{"a":1}'],
      [3, '{"b":2}'],
    ]);
    expect(long).toEqual([
      ['<stdin>', 2, 5000],
      ['<stdin>', 4, 1001],
    ]);
    expect(progress.lines).toBe(4);
    const exact = await read(['z'.repeat(1000), '\n'], 1000); // at the limit: still read
    expect(exact.lines).toEqual([[1, 'z'.repeat(1000)]]);
    const oneChunk = await read([`${'w'.repeat(1001)}\nok\n`], 1000); // over the limit within one chunk
    expect(oneChunk).toMatchObject({ lines: [[2, 'ok']], long: [['<stdin>', 1, 1001]] });
  });

  it('defaults to a 64 MiB limit', () => {
    expect(MAX_LINE_BYTES).toBe(67_108_864);
  });

  it('reads a 100 MB line without a newline in one pass (issue 8: 200 MB took 15 s and 655 MB)', { timeout: 120_000 }, async () => {
    const block = Buffer.alloc(1 << 20, 0x61);
    const chunks = Array.from({ length: 100 }, () => block);
    const { lines, long } = await read(chunks);
    expect(lines).toEqual([]);
    expect(long).toEqual([['<stdin>', 1, 100 * (1 << 20)]]);
  });
});
