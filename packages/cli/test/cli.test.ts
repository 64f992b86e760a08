import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { priceRequest } from '@seekcost/pricing';
import { createLedger } from '@seekcost/pricing/ledger';
import { chatUsage, run, tempDir } from './support.ts';
import { RECORDED_USAGE_PATH, readRecordedLines } from '../../../test/support/recordedUsage.ts';

const REPO = resolve(import.meta.dirname, '../../..');

describe('seekcost price', () => {
  it('prints the exact cost line by line with its provenance', async () => {
    const { code, stdout } = await run([
      'price',
      '--model',
      'deepseek-v4-pro',
      '--input',
      '10000',
      '--cache-hit',
      '40%',
      '--output',
      '2000',
      '--at',
      '2026-09-01T02:00:00Z',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('input (cache hit)    4,000         0.044      0.000176');
    expect(stdout).toContain('total                                         0.016016');
    expect(stdout).toContain('period:     deepseek-v4-pro/2026-08-22, tier peak');
  });

  it('prints JSON, in CNY, with the clock as the default instant', async () => {
    const { code, stdout } = await run(['price', '--model', 'deepseek-v4-pro', '--input', '1000000', '--output', '0', '--currency', 'CNY', '--json']);
    expect(code).toBe(0);
    const quote = JSON.parse(stdout);
    expect(quote.total).toBe('9');
    expect(quote.provenance.pricedAt).toBe('2026-09-01T02:00:00.000Z');
  });

  it('exits 2 with a message naming the option for bad arguments and unknown models', async () => {
    const share = await run(['price', '--model', 'deepseek-chat', '--input', '10', '--cache-hit', 'lots', '--output', '1']);
    expect(share.code).toBe(2);
    expect(share.stderr).toContain("--cache-hit: must be a whole number of tokens, got 'lots'");
    const model = await run(['price', '--model', 'deepseek-caht', '--input', '10', '--output', '1', '--at', '2026-01-01T00:00:00Z']);
    expect(model.code).toBe(2);
    expect(model.stderr).toContain("did you mean 'deepseek-chat'");
    const missing = await run(['price', '--input', '10', '--output', '1']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--model <id>' not specified");
  });
});

describe('seekcost ledger', () => {
  const good = { model: 'deepseek-v4-pro', at: '2026-09-01T02:00:00Z', usage: chatUsage(0, 0, 1_000_000), key: 'team-a' };
  const lines = [
    JSON.stringify(good),
    '{"model": "deepseek-v4-pro", "at": "2026-09-01T12:00:00Z", "usage": {"prompt_tokens": 1000000, "completion_tokens": 0}, "key": "team-b"}',
    'this is not json',
    JSON.stringify({ model: 'deepseek-chat', created: 1_767_130_891_000, usage: chatUsage(0, 1, 1) }),
    '',
    JSON.stringify({ ...good, usage: { prompt_tokens: 1, completion_tokens: -3 } }),
  ].join('\n');

  it('totals JSONL, reports each bad line with file, line and reason, and exits 3', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'usage.jsonl'), lines);
    const { code, stdout } = await run(['ledger', 'usage.jsonl', '--group-by', 'key'], { cwd: dir });
    expect(code).toBe(3);
    expect(stdout).toContain(
      [
        'key     records  cache-hit in  cache-miss in     output  amount (USD)',
        '------  -------  ------------  -------------  ---------  ------------',
        'team-a        1             0              0  1,000,000          3.96',
        'team-b        1             0      1,000,000          0          0.66',
        'total         2             0      1,000,000  1,000,000          4.62',
      ].join('\n'),
    );
    expect(stdout).toContain('records: 5 read, 2 priced, 3 excluded (not in the totals), 0 duplicate ids counted once');
    expect(stdout).toContain('usage.jsonl:3: not valid JSON');
    expect(stdout).toContain('usage.jsonl:4: created: 1767130891000 as unix seconds is after the year 5000; it looks like milliseconds');
    expect(stdout).toContain('usage.jsonl:6: usage.completion_tokens: must be a non-negative integer, got -3');
  });

  it('--strict stops at the first bad record with exit 3 and no totals', async () => {
    const { code, stdout, stderr } = await run(['ledger', '-', '--strict'], { stdin: lines });
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toContain('<stdin>:3: not valid JSON');
  });

  it('reads gzip (detected by content) and CSV, and --out json equals the library ledger', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'usage.log'),
      gzipSync(`${JSON.stringify(good)}\n${JSON.stringify({ ...good, key: 'team-b', id: 'x' })}\n${JSON.stringify({ ...good, id: 'x' })}\n`),
    );
    writeFileSync(
      join(dir, 'more.csv'),
      'request_id,model,completed_at,cache_hit_tokens,cache_miss_tokens,output_tokens,key\nr1,deepseek-v4-pro,2026-09-01T12:00:00Z,0,1000000,0,"team, c"\n',
    );
    const { code, stdout } = await run(['ledger', 'usage.log', 'more.csv', '--group-by', 'key,tier', '--out', 'json'], { cwd: dir });
    expect(code).toBe(0);
    const totals = JSON.parse(stdout);
    expect(totals.amount).toBe('8.58');
    expect(totals.records).toEqual({ seen: 4, priced: 3, excluded: 0, duplicates: 1 });
    expect(totals.groups.map((g: { key: unknown; amount: string }) => [g.key, g.amount])).toEqual([
      [{ key: 'team, c', tier: 'off-peak' }, '0.66'],
      [{ key: 'team-a', tier: 'peak' }, '3.96'],
      [{ key: 'team-b', tier: 'peak' }, '3.96'],
    ]);
    const ledger = createLedger({ groupBy: ['key', 'tier'] });
    ledger.add(good);
    ledger.add({ ...good, key: 'team-b', id: 'x' });
    ledger.add({ ...good, id: 'x' });
    ledger.add({
      id: 'r1',
      model: 'deepseek-v4-pro',
      at: '2026-09-01T12:00:00Z',
      usage: { cacheHitInputTokens: 0, cacheMissInputTokens: 1_000_000, outputTokens: 0 },
      key: 'team, c',
    });
    expect(totals.amount).toBe(ledger.totals().amount.toString());
  });

  it('reads a spreadsheet CSV export: byte-order mark, CRLF line endings, quoted fields, API usage columns', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'export.csv'),
      '\ufeffmodel,created,prompt_tokens,prompt_cache_hit_tokens,completion_tokens,key\r\ndeepseek-chat,1767130891,1000000,0,0,"Team ""A"""\r\n',
    );
    const { code, stdout } = await run(['ledger', 'export.csv', '--group-by', 'key', '--out', 'json'], { cwd: dir });
    expect(code).toBe(0);
    const totals = JSON.parse(stdout);
    expect(totals.groups.map((g: { key: unknown; amount: string }) => [g.key, g.amount])).toEqual([[{ key: 'Team "A"' }, '0.28']]);
    expect(totals.basis).toEqual({ completion: 0, request: 1 });
  });

  it('--save-state on each shard and --merge-state give the totals of one run over all the files', async () => {
    const dir = tempDir();
    const record = (i: number, hour: number) =>
      JSON.stringify({
        id: `r${i}`,
        model: 'deepseek-v4-pro',
        at: `2026-09-01T${String(hour).padStart(2, '0')}:30:00Z`,
        usage: chatUsage(i, 1000 * i, 10 * i),
        key: `k${i % 2}`,
      });
    writeFileSync(join(dir, 'a.jsonl'), [1, 2, 3].map((i) => record(i, i)).join('\n'));
    writeFileSync(join(dir, 'b.jsonl'), [4, 5, 6].map((i) => record(i, i + 2)).join('\n'));
    const args = ['--group-by', 'hour,key', '--out', 'json'];
    expect((await run(['ledger', 'a.jsonl', ...args, '--save-state', 'a.state.json'], { cwd: dir })).code).toBe(0);
    expect((await run(['ledger', 'b.jsonl', ...args, '--save-state', 'b.state.json'], { cwd: dir })).code).toBe(0);
    const merged = JSON.parse((await run(['ledger', ...args, '--merge-state', 'a.state.json', '--merge-state', 'b.state.json'], { cwd: dir })).stdout);
    const whole = JSON.parse((await run(['ledger', 'a.jsonl', 'b.jsonl', ...args], { cwd: dir })).stdout);
    expect(merged.groups).toEqual(whole.groups);
    expect(merged.amount).toBe(whole.amount);
    expect(merged.records).toEqual({ seen: 6, priced: 6, excluded: 0, duplicates: 0 });
    // The same shard merged twice is refused (exit 4, unreadable input), never a silent double.
    const twice = await run(['ledger', ...args, '--merge-state', 'a.state.json', '--merge-state', 'a.state.json'], { cwd: dir });
    expect(twice.code).toBe(4);
    expect(twice.stdout).toBe('');
    expect(twice.stderr).toMatch(/^seekcost: a\.state\.json: not merged: shardId: shard "[0-9a-f-]{36}" is already in this ledger/);
    const mismatch = await run(['ledger', '--group-by', 'day', '--merge-state', 'a.state.json'], { cwd: dir });
    expect(mismatch.code).toBe(4);
    expect(mismatch.stderr).toBe('seekcost: a.state.json: not merged: options.groupBy: groups by [hour, key], this ledger by [day]\n');
  });

  it('--merge-state: a tampered or repeated --no-dedupe state exits 4 naming the file and field, and prints no totals', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'a.jsonl'),
      [1, 2, 3].map((i) => JSON.stringify({ model: 'deepseek-v4-pro', at: `2026-09-0${i}T02:00:00Z`, usage: chatUsage(0, 10, 10) })).join('\n'),
    );
    const args = ['--group-by', 'day', '--no-dedupe', '--out', 'json'];
    expect((await run(['ledger', 'a.jsonl', ...args, '--save-state', 'a.state.json'], { cwd: dir })).code).toBe(0);
    const state = JSON.parse(readFileSync(join(dir, 'a.state.json'), 'utf8'));
    const tamper = (name: string, edit: (s: typeof state) => void) => {
      const copy = structuredClone(state);
      edit(copy);
      writeFileSync(join(dir, name), JSON.stringify(copy));
    };
    tamper('negative.json', (s) => (s.buckets[2].tokens.output = '-99999999999'));
    tamper('records.json', (s) => (s.buckets[2].records = '5'));
    tamper('fraction.json', (s) => (s.buckets[2].tokens.cacheMiss = '1.5'));
    tamper('cny.json', (s) => (s.buckets[2].currency = 'CNY'));
    tamper('ansi.json', (s) => (s.buckets[2].warningCodes = ['\u001b[31mred']));
    const cases: [string, string][] = [
      ['negative.json', 'buckets[2].tokens.output'],
      ['records.json', 'buckets[2].records'],
      ['fraction.json', 'buckets[2].tokens.cacheMiss'],
      ['cny.json', 'buckets[2].currency'],
      ['ansi.json', 'buckets[2].warningCodes[0]'],
    ];
    for (const [file, field] of cases) {
      const result = await run(['ledger', 'a.jsonl', ...args, '--merge-state', file], { cwd: dir });
      expect([file, result.code, result.stdout]).toEqual([file, 4, '']);
      expect(result.stderr.startsWith(`seekcost: ${file}: not merged: ${field}: `)).toBe(true);
      expect(result.stderr).not.toContain('\u001b');
    }
    const twice = await run(['ledger', ...args, '--merge-state', 'a.state.json', '--merge-state', 'a.state.json'], { cwd: dir });
    expect(twice.code).toBe(4);
    expect(twice.stdout).toBe('');
    const once = await run(['ledger', ...args, '--merge-state', 'a.state.json'], { cwd: dir });
    // 3 peak records of 10 cache-miss and 10 output tokens: 3 x (10 x 1.32 + 10 x 3.96) / 1M.
    expect(JSON.parse(once.stdout).amount).toBe('0.0001584');
  });

  it('--out csv writes the groups; --key-field reads a nested key', async () => {
    const input = [
      JSON.stringify({ model: 'deepseek-chat', at: '2025-03-01T12:00:00Z', usage: chatUsage(0, 6000, 800), metadata: { team: 'search' } }),
      JSON.stringify({ model: 'deepseek-chat', at: '2025-03-01T12:00:00Z', usage: chatUsage(0, 6000, 800) }),
    ].join('\n');
    const { code, stdout } = await run(['ledger', '--group-by', 'day,key', '--tz', 'Asia/Shanghai', '--key-field', 'metadata.team', '--out', 'csv'], {
      stdin: input,
    });
    expect(code).toBe(0);
    expect(stdout).toBe(
      'day,key,records,cache_hit_tokens,cache_miss_tokens,output_tokens,reasoning_tokens,currency,amount\n2025-03-01,,1,0,6000,800,0,USD,0.0025\n2025-03-01,search,1,0,6000,800,0,USD,0.0025\n',
    );
  });

  it('exits 4 on a truncated gzip file, naming the file and the last line read, after the totals so far', async () => {
    const dir = tempDir();
    const body = Array.from({ length: 5000 }, (_, i) => JSON.stringify({ ...good, id: `r${i}` })).join('\n');
    const gz = gzipSync(body);
    writeFileSync(join(dir, 'cut.jsonl.gz'), gz.subarray(0, Math.floor(gz.length / 2)));
    const { code, stdout, stderr } = await run(['ledger', 'cut.jsonl.gz'], { cwd: dir });
    expect(code).toBe(4);
    expect(stdout).toContain('priced');
    expect(stderr).toMatch(/cut\.jsonl\.gz \(after line \d+\): truncated gzip file \(unexpected end of file\); records after this point are missing/);
  });

  it('exits 4 for a missing file and 2 for an unknown --group-by dimension', async () => {
    const missing = await run(['ledger', 'nope.jsonl'], { cwd: tempDir() });
    expect(missing.code).toBe(4);
    expect(missing.stderr).toBe('seekcost ledger: nope.jsonl: no such file\n');
    const dimension = await run(['ledger', '--group-by', 'week'], { stdin: '' });
    expect(dimension.code).toBe(2);
    expect(dimension.stderr).toContain("--group-by: unknown dimension 'week'");
  });

  it('draws a progress line only when stderr is a terminal', async () => {
    const many = Array.from({ length: 2100 }, () => JSON.stringify(good)).join('\n');
    const tty = await run(['ledger', '-'], { stdin: many, tty: true });
    expect(tty.stderr).toMatch(/\r1,024 records \| 0\.\d MB \| /);
    const piped = await run(['ledger', '-'], { stdin: many, tty: false });
    expect(piped.stderr).toBe('');
    const off = await run(['ledger', '-', '--no-progress'], { stdin: many, tty: true });
    expect(off.stderr).toBe('');
  });

  const DATASET = RECORDED_USAGE_PATH;
  it('prices every one of the 99 recorded real API calls (test/fixtures/recordedUsage)', async () => {
    const { code, stdout } = await run(['ledger', DATASET, '--out', 'json']);
    expect(code).toBe(0);
    const totals = JSON.parse(stdout);
    expect(totals.records).toEqual({ seen: 99, priced: 99, excluded: 0, duplicates: 0 });
    let sum = priceRequest({ model: 'deepseek-chat', usage: chatUsage(0, 0, 0), at: '2025-03-01T00:00:00Z' }).total;
    for (const r of readRecordedLines<{ model: string; created: number; response_usage: Record<string, unknown> }>(DATASET)) {
      sum = sum.plus(priceRequest({ model: r.model, usage: r.response_usage, at: r.created * 1000 }).total);
    }
    expect(totals.amount).toBe(sum.toString());
  });
});

describe('seekcost balance', () => {
  it('uses the granted balance first and says when each runs out', async () => {
    const record = (second: number) =>
      JSON.stringify({
        model: 'deepseek-v4-pro',
        at: new Date(Date.parse('2026-09-01T12:00:00Z') + second * 1000).toISOString(),
        usage: chatUsage(0, 0, 1_000_000),
      });
    // Off-peak output: 1.98 USD per record.
    const input = [record(0), record(10), record(20), record(5)].join('\n');
    const { code, stdout } = await run(['balance', '--granted', '2', '--topped-up', '5', '--json'], { stdin: input });
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.spent).toBe('7.92');
    expect(report.granted).toEqual({ start: '2', left: '0', runsOutAt: '2026-09-01T12:00:05.000Z' });
    expect(report.toppedUp).toEqual({ start: '5', left: '0', runsOutAt: '2026-09-01T12:00:20.000Z' });
    expect(report.uncovered).toBe('0.92');
  });
});

describe('seekcost tariff and diff', () => {
  it('exports the flat table as CSV with the holiday list, and constant-price segments', async () => {
    const csv = await run(['tariff', '--model', 'deepseek-v4-pro', '--from', '2026-09-01T00:00:00Z', '--to', '2026-09-02T00:00:00Z', '--currency', 'USD']);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain(
      'deepseek-v4-pro,deepseek-v4-pro,,deepseek-v4-pro/2026-08-22,2026-08-22T16:00:00.000Z,2026-09-10T04:00:00.000Z,peak,0,false,60,240,UTC,0,"1,2,3,4,5",31,Asia/Shanghai,480,,,USD,0.044,1.32,3.96,44000,1320000,3960000,6,',
    );
    expect(csv.stdout).toMatch(/calendar,day,name\ncn-public-holidays,2026-01-01,/);
    expect(csv.stdout).toContain('\nitem,via,periodId,discountId,validFrom,validTo,unit,unitSize,currency,price,units,exponent,published,confidence,source\n');
    expect(csv.stdout).toMatch(
      /\nsearch,tool-call,search\/tool-call\/2026-08-12,,2026-08-12T00:00:00\.000Z,2026-10-31T16:00:00\.000Z,request,1000,USD,0,0,\d+,true,/,
    );
    const segments = await run([
      'tariff',
      '--segments',
      '--model',
      'deepseek-v4-pro',
      '--from',
      '2026-09-01T00:00:00Z',
      '--to',
      '2026-09-01T05:00:00Z',
      '--format',
      'json',
    ]);
    expect(JSON.parse(segments.stdout).map((s: { from: string; tier: string }) => `${s.from} ${s.tier}`)).toEqual([
      '2026-09-01T00:00:00.000Z off-peak',
      '2026-09-01T01:00:00.000Z peak',
      '2026-09-01T04:00:00.000Z off-peak',
    ]);
  });

  it('writes SQL for every dialect', async () => {
    for (const dialect of ['duckdb', 'postgres', 'clickhouse', 'bigquery']) {
      const { code, stdout } = await run(['tariff', '--format', 'sql', '--dialect', dialect, '--usage-table', 'api_calls']);
      expect(code).toBe(0);
      expect(stdout).toContain(`-- Generated by seekcost (warehouseSql, dialect ${dialect})`);
      expect(stdout).toContain('FROM api_calls u');
    }
  });

  it('diff reports a re-priced period with before and after, and --fail-on-change exits 5', async () => {
    const dir = tempDir();
    copyFileSync(join(REPO, 'pricing-data/deepseek.json'), join(dir, 'old.json'));
    const doc = JSON.parse(readFileSync(join(REPO, 'pricing-data/deepseek.json'), 'utf8'));
    const flash = doc.models['deepseek-flash'].periods[0];
    const usd = flash.tiers[1].prices.USD;
    const before = `${usd.cacheHit}/${usd.cacheMiss}/${usd.output}`;
    usd.output = '123.45';
    writeFileSync(join(dir, 'new.json'), JSON.stringify(doc));
    const same = await run(['diff', 'old.json', 'old.json', '--fail-on-change'], { cwd: dir });
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/^no changes/);
    const changed = await run(['diff', 'old.json', 'new.json', '--fail-on-change'], { cwd: dir });
    expect(changed.code).toBe(5);
    expect(changed.stdout).toContain(`${flash.id} ${flash.tiers[1].tier} USD: hit/miss/output per 1M ${before} -> ${usd.cacheHit}/${usd.cacheMiss}/123.45`);
    const invalid = await run(['diff', 'old.json', 'missing.json'], { cwd: dir });
    expect(invalid.code).toBe(4);
  });
});

describe('seekcost tokens and prompt', () => {
  it('counts tokens of stdin with the fast method, and predicts prompt tokens of a request body', async () => {
    const tokens = await run(['tokens', '-', '--method', 'heuristic', '--json'], { stdin: 'Hello, DeepSeek!' });
    expect(tokens.code).toBe(0);
    expect(JSON.parse(tokens.stdout)).toMatchObject({ method: 'heuristic', characters: 16 });
    expect(JSON.parse(tokens.stdout).tokens).toBe(5); // ceil(16 × 0.3)
    // The fast method is loaded lazily by the command itself (the main entry no longer carries it).
    const fast = await run(['tokens', '-', '--method', 'fast', '--json'], { stdin: 'Hello, DeepSeek!' });
    expect(fast.code).toBe(0);
    expect(JSON.parse(fast.stdout)).toEqual({ tokens: 6, method: 'fast', characters: 16 }); // exact: 6
    const prompt = await run(['prompt', '-', '--method', 'fast', '--json', '--at', '2026-09-01T00:00:00Z'], {
      stdin: JSON.stringify({ model: 'deepseek-chat', messages: [{ role: 'user', content: 'What is 1 + 1?' }] }),
    });
    expect(prompt.code).toBe(0);
    expect(JSON.parse(prompt.stdout)).toMatchObject({ method: 'fast', era: 'v4', tokens: 12 }); // exact: 12
  });
});

describe('hostile input (issue 8): escaped outputs, own-property keys, a diff that sees every change', () => {
  const rec = (key: unknown, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ model: 'deepseek-chat', at: '2025-03-01T12:00:00Z', usage: chatUsage(0, 6000, 800), key, ...extra });

  it('ledger --out csv neutralises formula keys (OWASP) and escapes control characters', async () => {
    const keys = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-1.5', 'a\u001b[2Jb'];
    const { code, stdout } = await run(['ledger', '-', '--group-by', 'key', '--out', 'csv'], { stdin: keys.map((k) => rec(k)).join('\n') });
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(1, -1)).toEqual([
      `"'+cmd|' /C calc'!A0",1,0,6000,800,0,USD,0.0025`,
      '-1.5,1,0,6000,800,0,USD,0.0025',
      `"'=HYPERLINK(""http://evil.example"",""x"")",1,0,6000,800,0,USD,0.0025`,
      `"'@SUM(1+1)",1,0,6000,800,0,USD,0.0025`,
      'a\\x1b[2Jb,1,0,6000,800,0,USD,0.0025',
    ]);
  });

  it('the table output shows escape sequences, line breaks and bidi overrides in keys as visible escapes', async () => {
    const { stdout } = await run(['ledger', '-', '--group-by', 'key'], {
      stdin: [rec('\u001b]0;pwned\u0007'), rec('two\nlines'), rec('abc\u202etxt.exe')].join('\n'),
    });
    expect(stdout).toContain('\\x1b]0;pwned\\x07 ');
    expect(stdout).toContain('two\\x0alines ');
    expect(stdout).toContain('abc\\u202etxt.exe ');
    expect(/[\u001b\u0007\u202e]/.test(stdout)).toBe(false);
  });

  it("--key-field constructor, toString or __proto__ reads the record's own field only", async () => {
    const input = [
      rec('x'),
      rec('y', { constructor: 'team-c' }),
      '{"model":"deepseek-chat","at":"2025-03-01T12:00:00Z","usage":{"prompt_tokens":6000,"completion_tokens":800},"__proto__":"team-p"}',
    ].join('\n');
    for (const [field, expected] of [
      ['constructor', ['(none)', 'team-c']],
      ['toString', ['(none)']],
      ['__proto__', ['(none)', 'team-p']],
    ] as const) {
      const { stdout } = await run(['ledger', '-', '--group-by', 'key', '--key-field', field, '--out', 'json'], { stdin: input });
      expect(JSON.parse(stdout).groups.map((g: { key: { key: string } }) => g.key.key || '(none)')).toEqual(expected);
    }
  });

  it('escape sequences in a merged state (issue codes, sample messages) are printed escaped, or the state is refused', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.jsonl'), [rec('k'), 'not json'].join('\n'));
    expect((await run(['ledger', 'a.jsonl', '--save-state', 'a.state.json'], { cwd: dir })).code).toBe(3);
    const state = JSON.parse(readFileSync(join(dir, 'a.state.json'), 'utf8'));
    state.excludedByCode = { '\u001b[31mevil\u001b]0;title\u0007': 1 };
    state.excludedSamples = state.excludedSamples.map((issue: { message: string }) => ({ ...issue, message: `\u001b[2J${issue.message}\u202e` }));
    writeFileSync(join(dir, 'a.state.json'), JSON.stringify(state));
    for (const out of ['table', 'json', 'csv']) {
      const merged = await run(['ledger', '--merge-state', 'a.state.json', '--out', out], { cwd: dir });
      expect([2, 3, 4]).toContain(merged.code);
      expect(/[\u001b\u0007\u202e]/.test(merged.stdout + merged.stderr)).toBe(false);
      if (merged.code === 3 && out === 'table') expect(merged.stdout).toContain('\\x1b[31mevil\\x1b]0;title\\x07 1');
    }
  });

  it('tariff CSV neutralises formula strings from the price data', async () => {
    const dir = tempDir();
    const doc = JSON.parse(readFileSync(join(REPO, 'pricing-data/deepseek.json'), 'utf8'));
    doc.ids['=cmd|calc'] = { routes: [{ from: '2026-09-10T04:00Z', to: null, model: 'deepseek-flash' }] };
    doc.calendars['cn-public-holidays'].dates[0].name = '@SUM(1+1)';
    writeFileSync(join(dir, 'data.json'), JSON.stringify(doc));
    const { code, stdout } = await run(['tariff', '--data', 'data.json', '--model', '=cmd|calc'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain(`\n"'=cmd|calc",deepseek-flash,`);
    expect(stdout).toContain(`cn-public-holidays,2026-01-01,"'@SUM(1+1)"`);
  });

  it('diff --fail-on-change exits 5 for a holiday time zone, limits, confidences and new ids named constructor or toString', async () => {
    const dir = tempDir();
    const original = readFileSync(join(REPO, 'pricing-data/deepseek.json'), 'utf8');
    writeFileSync(join(dir, 'old.json'), original);
    const zone = JSON.parse(original);
    zone.calendars['cn-public-holidays'].timeZone = 'America/Los_Angeles';
    writeFileSync(join(dir, 'zone.json'), JSON.stringify(zone));
    const zoneRun = await run(['diff', 'old.json', 'zone.json', '--fail-on-change'], { cwd: dir });
    expect(zoneRun.code).toBe(5);
    expect(zoneRun.stdout).toContain('time zone Asia/Shanghai -> America/Los_Angeles');
    expect(zoneRun.stdout).toContain('deepseek-flash USD: tier off-peak -> peak; prices 0.003/0.15/0.6 -> 0.006/0.3/1.2');
    const other = JSON.parse(original);
    const flash = other.models['deepseek-flash'].periods[0];
    flash.limits.maxOutputTokens = 8192;
    flash.confidence = 'unconfirmed';
    other.ids['deepseek-v4-flash'].routes[1].confidence = 'unconfirmed';
    flash.tiers[1].prices.CNY.confidence = 'unconfirmed';
    for (const id of ['constructor', 'toString']) other.ids[id] = { routes: [{ from: '2026-09-10T04:00Z', to: null, model: 'deepseek-flash' }] };
    writeFileSync(join(dir, 'other.json'), JSON.stringify(other));
    const otherRun = await run(['diff', 'old.json', 'other.json', '--fail-on-change', '--json'], { cwd: dir });
    expect(otherRun.code).toBe(5);
    const subjects = JSON.parse(otherRun.stdout).changes.map((c: { kind: string; subject: string }) => `${c.kind} ${c.subject}`);
    expect(subjects).toEqual(
      expect.arrayContaining([
        'field-changed models.deepseek-flash.periods[deepseek-flash/2026-09-10].limits.maxOutputTokens',
        'field-changed models.deepseek-flash.periods[deepseek-flash/2026-09-10].confidence',
        'field-changed models.deepseek-flash.periods[deepseek-flash/2026-09-10].tiers[1].prices.CNY.confidence',
        'field-changed ids.deepseek-v4-flash.routes[1].confidence',
        'id-added constructor',
        'id-added toString',
        'quote-changed constructor USD',
        'quote-changed toString CNY',
      ]),
    );
  }, 120_000);
});
