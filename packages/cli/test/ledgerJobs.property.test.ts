import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acrossNote, defaults, inProcessWorkers, ledgerRun, record } from './ledgerJobsSupport.ts';
import { tempDir } from './support.ts';

// For any small JSONL input and any cut offsets, `--jobs` prints what the sequential run prints; the
// only difference allowed is the stderr line saying a repeat across ranges made it read
// sequentially, and that line never appears when no id repeats.

// Stands for the bytes 1F 8B (gzip's magic) in a line; written as those bytes, not as UTF-8 text.
const GZIP_MAGIC = '<gzip-magic>';

const instants = ['2025-03-01T12:00:00Z', '2025-03-01T16:35:00Z', '2025-03-01T16:29:59.999Z', '2026-09-10T05:00:00Z', 'not a time'];

// Lines as logs hold them, the awkward ones included: a byte-order mark or gzip's magic bytes at
// the start of a line mid-file (not valid JSON there, so a range must never start with them), CRLF
// line ends, blank lines, OTLP exports of two spans.
const line = fc.oneof(
  fc
    .record({
      id: fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), { nil: undefined }),
      at: fc.constantFrom(...instants),
      out: fc.nat(3_000),
    })
    .map(({ id, at, out }) => record(id, at, out)),
  fc.constantFrom('not json', '', '   ', '\uFEFF{"id":"bom"}', `${GZIP_MAGIC}{}`, '{"model":"deepseek-chat"}', '{"id":"z","model":"nope","at":0,"usage":{}}'),
  fc.nat(5).map((n) =>
    JSON.stringify({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: ['s1', 's2'].map((spanId) => ({
                spanId,
                endTimeUnixNano: '1767130891000000000',
                attributes: [
                  { key: 'gen_ai.request.model', value: { stringValue: 'deepseek-chat' } },
                  { key: 'gen_ai.usage.input_tokens', value: { intValue: String(n) } },
                  { key: 'gen_ai.usage.output_tokens', value: { intValue: String(n - 2) } },
                ],
              })),
            },
          ],
        },
      ],
    }),
  ),
);

const input = fc.record({
  files: fc.array(fc.record({ lines: fc.array(line, { maxLength: 12 }), crlf: fc.boolean(), finalNewline: fc.boolean() }), { minLength: 1, maxLength: 3 }),
  cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
  jobs: fc.integer({ min: 2, max: 4 }),
  dedupe: fc.boolean(),
  strict: fc.boolean(),
  maxDetails: fc.constantFrom(0, 1, 100),
  out: fc.constantFrom('table', 'json', 'csv'),
});

describe('seekcost ledger --jobs: any input, any cuts', () => {
  it('prints what the sequential run prints', async () => {
    await fc.assert(
      fc.asyncProperty(input, async ({ files, cuts, jobs, dedupe, strict, maxDetails, out }) => {
        const dir = tempDir();
        const names = files.map((file, i) => {
          const name = `f${i}.jsonl`;
          // The sequential --strict run does not stop at a bad last line without a newline (forEachLine
          // ignores the stop there and reads on into the next file), so --strict inputs end lines.
          const text = file.lines.join(file.crlf ? '\r\n' : '\n') + (file.finalNewline || strict ? '\n' : '');
          const bytes = text.split(GZIP_MAGIC).map((part) => Buffer.from(part, 'utf8'));
          writeFileSync(join(dir, name), Buffer.concat(bytes.flatMap((part, k) => (k === 0 ? [part] : [Buffer.from([0x1f, 0x8b]), part]))));
          return name;
        });
        const options = { ...defaults, dedupe, strict, maxDetails, out };
        const sequential = await ledgerRun(names, options, dir);
        const parallel = await ledgerRun(names, { ...options, jobs }, dir, {
          minRangeBytes: 0,
          targets: (_, size) => cuts.map((c) => Math.floor(c * size)),
          runWorkers: inProcessWorkers,
        });
        const note = /^seekcost ledger: --jobs \d: (\d+) response id\(s\)/.exec(parallel.stderr);
        if (note === null) expect(parallel).toEqual(sequential);
        else {
          expect(parallel).toEqual({ ...sequential, stderr: acrossNote(jobs, Number(note[1])) + sequential.stderr });
          const ids = files.flatMap((f) => f.lines.flatMap((l) => [...l.matchAll(/"(?:id|spanId)":"(\w+)"/g)].map((m) => m[1])));
          expect(dedupe && new Set(ids).size < ids.length).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
