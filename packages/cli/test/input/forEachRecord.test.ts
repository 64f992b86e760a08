import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { forEachRecord, type UnreadableLine } from '../../src/input/forEachRecord.ts';
import type { CliIo } from '../../src/io.ts';

describe('forEachRecord', () => {
  it('turns an over-long line into an unreadable line with its reference, and goes on', async () => {
    const io: CliIo = {
      stdin: Readable.from([Buffer.from(`{"a":1}\n${'x'.repeat(3000)}\nnot json\n{"b":2}\n`)]),
      stdout: { write: () => true },
      stderr: { write: () => true },
      stderrIsTTY: false,
      now: () => 0,
      cwd: process.cwd(),
    };
    const records: [unknown, string][] = [];
    const bad: UnreadableLine[] = [];
    await forEachRecord(
      ['-'],
      'jsonl',
      io,
      false,
      (record, ref) => void records.push([record, ref]),
      (line) => void bad.push(line),
      2048,
    );
    expect(records).toEqual([
      [{ a: 1 }, '<stdin>:1'],
      [{ b: 2 }, '<stdin>:4'],
    ]);
    expect(bad.map((b) => b.ref)).toEqual(['<stdin>:2', '<stdin>:3']);
    expect(bad[0]!.message).toBe('line of 3000 bytes is longer than the 2048-byte limit; skipped unread');
  });
});
