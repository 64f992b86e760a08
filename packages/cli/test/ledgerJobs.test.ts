import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { LedgerCommandOptions } from '../src/commands/ledger.ts';
import { globalRef } from '../src/commands/ledgerJobs.ts';
import { acrossNote, defaults, inProcessWorkers, ledgerRun, record } from './ledgerJobsSupport.ts';
import { run, tempDir } from './support.ts';

// `seekcost ledger --jobs N` prints byte for byte what the sequential run prints. Files are cut at
// chosen byte offsets (minRangeBytes 0) so small fixtures still split; most tests read the ranges
// with in-process stand-ins for the workers, and one with real worker threads.

const NEAR_EDGE = '2025-03-01T16:35:00Z'; // 5 min into the 2025 off-peak window: 10 min earlier was full price
const AT = '2025-03-01T12:00:00Z';

// a.jsonl: a bad line, a repeat inside the first range (a at lines 1 and 4), a near-edge record, an
// unpriceable model and a repeat inside the second range (e at lines 8 and 10); cut after line 5.
const FILE_A = [
  record('a', AT),
  record('b', AT, 7),
  'not json',
  record('a', AT),
  record('c', NEAR_EDGE, 1_000),
  '',
  record('d', '2025-03-02T01:00:00Z'),
  record('e', AT),
  JSON.stringify({ id: 'x', model: 'nope', at: AT, usage: { prompt_tokens: 1, completion_tokens: 1 } }),
  record('e', AT),
].join('\n');
const CUT_A = FILE_A.indexOf('\n', FILE_A.indexOf(NEAR_EDGE)) + 1;

function writeFixtures(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.jsonl'), `${FILE_A}\n`);
  // b.jsonl: CRLF line ends, no final newline, a record with no id; cut in its middle.
  writeFileSync(join(dir, 'b.jsonl'), [record('f', AT), record(undefined, NEAR_EDGE), '{"id":', record('g', '2025-03-03T00:00:00Z')].join('\r\n'));
  return dir;
}

const targets = (file: string, size: number): number[] => (file === 'a.jsonl' ? [CUT_A] : [Math.floor(size / 2)]);

async function expectSame(inputs: readonly string[], options: LedgerCommandOptions, dir: string) {
  const sequential = await ledgerRun(inputs, { ...options, jobs: 1 }, dir);
  const parallel = await ledgerRun(inputs, { ...options, jobs: 2 }, dir, { minRangeBytes: 0, targets, runWorkers: inProcessWorkers });
  expect(parallel).toEqual(sequential);
  return sequential;
}

describe('seekcost ledger --jobs 2: the same output as the sequential run', () => {
  it('a bad line, repeats inside a range, a near-edge record, an unpriced model: json, table and csv, line refs global', async () => {
    const dir = writeFixtures();
    const json = await expectSame(['a.jsonl'], defaults, dir);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout).records).toEqual({ seen: 9, priced: 5, excluded: 2, duplicates: 2 });
    // The second range's refs are the file's own lines, not the range's.
    expect(json.stderr).toContain("a.jsonl:9: model: 'nope' is not a known DeepSeek model id");
    expect(json.stderr).toContain('a.jsonl:3: not valid JSON');
    const table = await expectSame(['a.jsonl'], { ...defaults, out: 'table', maxDetails: 1 }, dir);
    expect(table.stdout).toContain('near a price edge: 1 record(s)');
    expect(table.stdout).toContain('a.jsonl:5');
    await expectSame(['a.jsonl'], { ...defaults, out: 'csv', groupBy: ['hour', 'tier'] }, dir);
  });

  it('several files, CRLF and a last line without a newline, --no-dedupe, --key-field, --basis request, CNY', async () => {
    const dir = writeFixtures();
    const both = await expectSame(['a.jsonl', 'b.jsonl'], defaults, dir);
    expect(both.stderr).toContain('b.jsonl:3: not valid JSON');
    await expectSame(['b.jsonl', 'a.jsonl'], { ...defaults, dedupe: false, out: 'table' }, dir);
    await expectSame(['a.jsonl', 'b.jsonl'], { ...defaults, keyField: 'id', groupBy: ['key'], basis: 'request', currency: 'CNY' }, dir);
  });

  it('--strict stops at the first bad record, named by its line in the file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.jsonl'), `${[record('a', AT), record('b', AT), record('c', AT), record('d', 'yesterday')].join('\n')}\n`);
    const strict = await expectSame(['a.jsonl'], { ...defaults, strict: true }, dir);
    expect(strict).toMatchObject({ code: 3, stdout: '' });
    expect(strict.stderr).toContain('a.jsonl:4: ');
  });

  it('--save-state writes the same state, but for the shard ids', async () => {
    const dir = writeFixtures();
    await ledgerRun(['a.jsonl', 'b.jsonl'], { ...defaults, saveState: 'one.json' }, dir);
    await ledgerRun(['a.jsonl', 'b.jsonl'], { ...defaults, saveState: 'two.json', jobs: 2 }, dir, { minRangeBytes: 0, targets, runWorkers: inProcessWorkers });
    const state = (name: string) => {
      const { shardId, shards, ...rest } = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { shardId: string; shards: string[] };
      expect([typeof shardId, shards.length > 0]).toEqual(['string', true]);
      return rest;
    };
    const one = state('one.json');
    expect(state('two.json')).toEqual(one);
    expect((one as { ids: string[] }).ids).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('a response id repeated across the ranges: said on stderr, then read sequentially', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'r.jsonl'), `${[record('a', AT), record('b', AT), record('a', AT, 9), record('c', AT)].join('\n')}\n`);
    const sequential = await ledgerRun(['r.jsonl'], { ...defaults, out: 'table' }, dir);
    const cut = () => [readFileSync(join(dir, 'r.jsonl'), 'utf8').indexOf('\n') + 1];
    const parallel = await ledgerRun(['r.jsonl'], { ...defaults, out: 'table', jobs: 2 }, dir, {
      minRangeBytes: 0,
      targets: cut,
      runWorkers: inProcessWorkers,
    });
    expect(parallel).toEqual({ ...sequential, stderr: acrossNote(2, 1) + sequential.stderr });
    expect(sequential.stdout).toContain("r.jsonl:3: id: response id 'a' was already counted; this copy is not");
    // A file named twice repeats all its ids in a later range.
    const twice = await ledgerRun(['r.jsonl', 'r.jsonl'], { ...defaults, jobs: 2 }, dir, { runWorkers: inProcessWorkers });
    expect(twice).toEqual({
      ...(await ledgerRun(['r.jsonl', 'r.jsonl'], defaults, dir)),
      stderr: expect.stringMatching(/^seekcost ledger: --jobs 2: 3 response id/),
    });
  });

  it('with real worker threads, from the TypeScript sources', async () => {
    const dir = writeFixtures();
    for (const out of ['table', 'json'] as const) {
      const options = { ...defaults, out };
      const sequential = await ledgerRun(['a.jsonl', 'b.jsonl'], options, dir);
      const parallel = await ledgerRun(['a.jsonl', 'b.jsonl'], { ...options, jobs: 3 }, dir, { minRangeBytes: 0, targets });
      expect(parallel).toEqual(sequential);
    }
  }, 60_000);

  it('a gzip file is read whole by one reader; a missing file is reported as the sequential run reports it', async () => {
    const dir = writeFixtures();
    writeFileSync(join(dir, 'a.jsonl.gz'), gzipSync(readFileSync(join(dir, 'a.jsonl'))));
    await expectSame(['a.jsonl.gz', 'b.jsonl'], defaults, dir);
    const missing = await expectSame(['b.jsonl', 'missing.jsonl'], defaults, dir);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toBe('seekcost ledger: missing.jsonl: no such file\n');
  });

  it('the CLI: --jobs 2 on a small file (one range, no worker) prints what the sequential run prints', async () => {
    const dir = writeFixtures();
    const sequential = await run(['ledger', 'a.jsonl', 'b.jsonl', '--group-by', 'model'], { cwd: dir });
    expect(await run(['ledger', 'a.jsonl', 'b.jsonl', '--group-by', 'model', '--jobs', '2'], { cwd: dir })).toEqual(sequential);
    expect(await run(['ledger', 'a.jsonl', 'b.jsonl', '--group-by', 'model', '--jobs', '1'], { cwd: dir })).toEqual(sequential);
  });
});

describe('seekcost ledger --jobs: what it refuses', () => {
  it.each([['0'], ['65'], ['1.5'], ['two'], ['-1'], ['']])('--jobs %j: exit 2, the range named', async (value) => {
    const { code, stderr } = await run(['ledger', 'a.jsonl', '--jobs', value], { cwd: tempDir() });
    expect(code).toBe(2);
    expect(stderr).toContain('must be an integer from 1 to 64');
  });

  it('stdin, CSV and --merge-state: a UsageError naming --jobs', async () => {
    const dir = writeFixtures();
    writeFileSync(join(dir, 'u.csv'), 'model,at,prompt_tokens,completion_tokens\n');
    const cases: [string[], string][] = [
      [[], '--jobs: reads named files only, not stdin; name the files, or drop --jobs'],
      [['a.jsonl', '-'], '--jobs: reads named files only, not stdin'],
      [['a.jsonl', 'u.csv'], "--jobs: reads JSON Lines only, and 'u.csv' is read as CSV; drop --jobs for CSV input"],
      [['a.jsonl', '--format', 'csv'], "--jobs: reads JSON Lines only, and 'a.jsonl' is read as CSV"],
      [['a.jsonl', '--merge-state', 'one.json'], '--jobs: cannot be combined with --merge-state; merge saved states without --jobs'],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await run(['ledger', ...args, '--jobs', '2'], { cwd: dir, stdin: `${record('a', AT)}\n` });
      expect([code, stdout]).toEqual([2, '']);
      expect(stderr).toContain(message);
    }
  });
});

describe('globalRef', () => {
  it('turns a range ref into the file name and its line in the file, keeping what follows', () => {
    expect(globalRef('<stdin>:3', 'usage.jsonl', 1000)).toBe('usage.jsonl:1003');
    expect(globalRef('<stdin>:3#2', 'usage.jsonl', 1000)).toBe('usage.jsonl:1003#2');
    expect(globalRef('<stdin>:12: not valid JSON (x:1)', 'a:b.jsonl', 0)).toBe('a:b.jsonl:12: not valid JSON (x:1)');
    expect(globalRef('a.jsonl:3', 'usage.jsonl', 10)).toBe('a.jsonl:3');
    expect(globalRef('<stdin>:x', 'usage.jsonl', 10)).toBe('<stdin>:x');
  });
});
