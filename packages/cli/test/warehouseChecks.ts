import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { Decimal, getBundledTariff, parseTariffJson, type Currency } from '@seekcost/pricing';
import { tariffTable, warehouseSql, type SqlDialect, type TariffTable, type TariffTableRow } from '@seekcost/pricing/warehouse';
import { sqlText } from '../../pricing/src/warehouse/sqlText.ts';
import { run, tempDir } from './support.ts';
import { createLedger } from '@seekcost/pricing/ledger';
import { mulberry32 } from '../../../test/support/mulberry32.ts';
import { generateUsage, HOLIDAY_AND_MAKE_UP_DAYS, ledgerExpectation, type UsageRow } from './warehouseUsage.ts';

export type { UsageRow };

// The checks every real engine must pass, written once: DuckDB and PGlite run them in `npm test`,
// chDB (ClickHouse) in `npm run test:warehouse`. An engine is a thin adapter; a check that cannot
// reach its engine throws, so it fails instead of skipping.

/** A SQL engine as the checks drive it. */
export interface SqlEngine {
  readonly dialect: SqlDialect;
  /** Runs a script of one or more statements. */
  run(sql: string): Promise<void>;
  /** The rows of one query; the query casts what it reads with {@link SqlEngine.text}. */
  rows(sql: string): Promise<Record<string, string | null>[]>;
  /** The engine's spelling of "this expression as text". */
  text(expr: string): string;
  /** Bulk-loads rows into the created `usage` table (the engine's fast path); else INSERT ... VALUES. */
  append?(rows: readonly UsageRow[]): Promise<void>;
}

/** The string issue 8 used to drop the user's table on ClickHouse. */
export const REPRODUCER = "x\\', char(100), NULL, …); DROP TABLE usage; --";

/** Strings that must come back from every engine exactly as written (NUL is refused; see sqlText). */
export const HOSTILE: readonly string[] = [
  REPRODUCER,
  "'",
  "''",
  '\\',
  "\\'",
  "\\\\'",
  "\\\\\\'",
  "'\\",
  "';--",
  "'; DROP TABLE usage; --",
  "x'); DROP TABLE usage; --",
  '*/ DROP TABLE usage; /*',
  '/* open comment',
  '-- a comment',
  'a -- b',
  ';',
  'a; DROP TABLE usage;',
  'line\nbreak',
  'crlf\r\nDROP TABLE usage;\r\n',
  '\ttab',
  '\n-- \nDROP TABLE usage;',
  'ünïcödé 中文 日本語 العربية 😀',
  '\u202e\u2066rtl override',
  '\u2028\u2029',
  '\u00a0nbsp',
  '\u007f\u0001\u001b[31mansi',
  '$$; DROP TABLE usage; $$',
  '$tag$ x $tag$',
  '{p:String}',
  '?',
  '%s %(x)s :name',
  '`backtick`',
  '"double"',
  "E'\\x41'",
  "U&'\\0041'",
  "unhex('00')",
  "concat('a', 'b')",
  ' leading and trailing ',
  '',
  'x'.repeat(3000),
];

const HOSTILE_CALENDAR = "cn'; DROP TABLE usage; --\\";

/** Ordinary text with one NUL: refused, with the field named, in every dialect. */
export const WITH_NUL = 'a\u0000b';

const USAGE_COLUMNS: Record<SqlDialect, string> = {
  duckdb: 'request_id VARCHAR, model VARCHAR, completed_at TIMESTAMP, cache_hit_tokens BIGINT, cache_miss_tokens BIGINT, output_tokens BIGINT',
  postgres: 'request_id TEXT, model TEXT, completed_at TIMESTAMP, cache_hit_tokens BIGINT, cache_miss_tokens BIGINT, output_tokens BIGINT',
  clickhouse: "request_id String, model String, completed_at DateTime64(3, 'UTC'), cache_hit_tokens Int64, cache_miss_tokens Int64, output_tokens Int64",
  bigquery: 'request_id STRING, model STRING, completed_at TIMESTAMP, cache_hit_tokens INT64, cache_miss_tokens INT64, output_tokens INT64',
};

/** Creates the user's `usage` table and loads `rows` into it. */
export async function loadUsage(engine: SqlEngine, rows: readonly UsageRow[]): Promise<void> {
  await engine.run(`CREATE TABLE usage (${USAGE_COLUMNS[engine.dialect]})${engine.dialect === 'clickhouse' ? ' ENGINE = MergeTree ORDER BY tuple()' : ''}`);
  if (engine.append !== undefined) return engine.append(rows);
  for (let i = 0; i < rows.length; i += 10_000) {
    const values = rows
      .slice(i, i + 10_000)
      .map(
        (r) =>
          `('${r.id}', ${sqlText(r.model, engine.dialect, 'model')}, '${new Date(r.at).toISOString().replace('T', ' ').replace('Z', '')}', ${r.hit}, ${r.miss}, ${r.output})`,
      );
    await engine.run(`INSERT INTO usage VALUES ${values.join(', ')}`);
  }
}

/** Compares the priced view with the ledger: count, total, total units, and every model/period/tier group. */
async function expectLedgerTotals(
  engine: SqlEngine,
  view: string,
  rows: readonly UsageRow[],
  currency: Currency,
  scale: number,
  tariff?: Parameters<typeof ledgerExpectation>[2],
) {
  const expected = ledgerExpectation(rows, currency, tariff);
  const [overall] = await engine.rows(
    `SELECT ${engine.text('count(*)')} AS n, ${engine.text('sum(amount)')} AS amount, ${engine.text('sum(amount_units)')} AS units FROM ${view}`,
  );
  expect(overall?.n).toBe(String(expected.priced));
  expect(new Decimal(overall?.amount ?? 'NaN').toFixed()).toBe(expected.amount);
  expect(new Decimal(`${overall?.units ?? 'NaN'}e-${scale + 6}`).toFixed()).toBe(expected.amount);
  const groups = await engine.rows(
    `SELECT model, period_id, tier, ${engine.text('count(*)')} AS n, ${engine.text('sum(amount)')} AS amount FROM ${view} GROUP BY model, period_id, tier`,
  );
  expect(groups.map((g) => `${g.model} ${g.period_id} ${g.tier} ${g.n} ${new Decimal(g.amount ?? 'NaN').toFixed()}`).sort()).toEqual(expected.groups);
  return expected;
}

/**
 * The warehouse SQL prices `count` generated records exactly like the ledger, in USD and CNY, to the
 * last decimal: overall and per model, period and tier.
 */
export async function checkEqualsLedger(engine: SqlEngine, count: number, seed: number): Promise<void> {
  const rows = generateUsage(count, seed);
  await loadUsage(engine, rows);
  for (const currency of ['USD', 'CNY'] as const) {
    const table = tariffTable({ currency });
    const prefix = `seekcost_${currency.toLowerCase()}_`;
    await engine.run(warehouseSql(table, { dialect: engine.dialect, currency, prefix }));
    const expected = await expectLedgerTotals(engine, `${prefix}priced_usage`, rows, currency, table.scale);
    // The records reach every era, all four tiers, unpriced instants, and the holiday calendar.
    expect(new Set(expected.groups.map((g) => g.split(' ')[1])).size).toBeGreaterThanOrEqual(20);
    expect(new Set(expected.groups.map((g) => g.split(' ')[2]))).toEqual(new Set(['standard', 'discount', 'peak', 'off-peak']));
    expect(expected.excluded).toBeGreaterThan(0);
  }
  const onCalendarDays = rows.filter((r) => HOLIDAY_AND_MAKE_UP_DAYS.includes(new Date(r.at + 8 * 3_600_000).toISOString().slice(0, 10)));
  expect(onCalendarDays.length).toBeGreaterThan(count / 10);
}

/** A flat table with every hostile string in every string field; row i has tierRank i, holiday i is day i after 2026-01-01. */
export function hostileTable(): TariffTable {
  const base = tariffTable({ model: 'deepseek-flash', currency: 'USD' });
  const template = base.rows.find((r) => !r.isDefault && r.holidayCalendar !== null) as TariffTableRow;
  const n = HOSTILE.length;
  const pick = (i: number, field: number) => HOSTILE[(i + field * 7) % n] as string;
  const rows = HOSTILE.map((_, i) => ({
    ...template,
    model: pick(i, 0),
    resolvedModel: pick(i, 1),
    mode: pick(i, 2),
    periodId: pick(i, 3),
    tier: pick(i, 4),
    currency: pick(i, 5),
    source: pick(i, 6),
    confidence: pick(i, 7),
    holidayCalendar: pick(i, 8),
    tierRank: i,
  })) as unknown as TariffTableRow[];
  const holidays = HOSTILE.map((_, i) => ({
    calendar: pick(i, 9),
    day: new Date(Date.parse('2026-01-01T00:00:00Z') + i * 86_400_000).toISOString().slice(0, 10),
    name: pick(i, 10),
  }));
  return { ...base, rows, holidays };
}

/**
 * Every hostile string in every string field of the tariff and holiday tables is read back exactly,
 * and the user's `usage` table is still there, untouched.
 */
export async function checkHostileRoundTrip(engine: SqlEngine): Promise<void> {
  await loadUsage(engine, generateUsage(50, 1));
  const table = hostileTable();
  await engine.run(warehouseSql(table, { dialect: engine.dialect, prefix: 'hostile_' }));
  const text = engine.text;
  const tariff = await engine.rows(
    `SELECT ${text('tier_rank')} AS rank, model, resolved_model, mode, period_id, tier, currency, source, confidence, holiday_calendar FROM hostile_tariff ORDER BY tier_rank`,
  );
  expect(tariff).toEqual(
    table.rows.map((r) => ({
      rank: String(r.tierRank),
      model: r.model,
      resolved_model: r.resolvedModel,
      mode: r.mode,
      period_id: r.periodId,
      tier: r.tier,
      currency: r.currency,
      source: r.source,
      confidence: r.confidence,
      holiday_calendar: r.holidayCalendar,
    })),
  );
  const holidays = await engine.rows(`SELECT calendar, ${text('day')} AS day, name FROM hostile_holidays ORDER BY day`);
  expect(holidays).toEqual(table.holidays.map((h) => ({ calendar: h.calendar, day: h.day, name: h.name })));
  expect(await engine.rows(`SELECT ${text('count(*)')} AS n FROM usage`)).toEqual([{ n: '50' }]);
}

/**
 * Issue 8's reproducer end to end: price data whose model id is the reproducer, whose calendar id,
 * holiday names and a source URL are hostile, given to `seekcost tariff --data FILE --format sql`.
 * The SQL runs, the usage table survives, and it prices the reproducer's records like the ledger.
 */
export async function checkHostilePriceFile(engine: SqlEngine): Promise<void> {
  const document = structuredClone(getBundledTariff().document) as unknown as {
    calendars: Record<string, { dates: { name: string }[] }>;
    models: Record<string, { periods: { source: { url: string } }[] }>;
  };
  document.calendars['cn-public-holidays']?.dates.forEach((d, i) => (d.name = HOSTILE.filter((s) => s !== '')[i % (HOSTILE.length - 1)] as string));
  const flash = document.models['deepseek-flash']?.periods[0];
  if (flash === undefined) throw new Error('price data: deepseek-flash has no period');
  flash.source.url = "https://api-docs.deepseek.com/x'),('y\\'--;/*";
  const json = JSON.stringify(document)
    .split('cn-public-holidays')
    .join(JSON.stringify(HOSTILE_CALENDAR).slice(1, -1))
    .split('deepseek-v4-pro')
    .join(JSON.stringify(REPRODUCER).slice(1, -1));
  const tariff = parseTariffJson(json);
  expect(tariff.ids.has(REPRODUCER)).toBe(true);
  const dir = tempDir();
  writeFileSync(join(dir, 'hostile.json'), json);
  const cli = await run(['tariff', '--data', 'hostile.json', '--format', 'sql', '--dialect', engine.dialect, '--currency', 'USD'], { cwd: dir });
  expect(cli.stderr).toBe('');
  expect(cli.code).toBe(0);
  const rows = generateUsage(2_000, 8, [REPRODUCER, 'deepseek-flash', 'deepseek-chat']);
  await loadUsage(engine, rows);
  await engine.run(cli.stdout);
  expect(await engine.rows(`SELECT ${engine.text('count(*)')} AS n FROM usage`)).toEqual([{ n: '2000' }]);
  const expected = await expectLedgerTotals(engine, 'seekcost_priced_usage', rows, 'USD', tariff.scale, tariff);
  expect(expected.groups.filter((g) => g.startsWith(`${REPRODUCER} `)).length).toBeGreaterThan(0);
  const calendar = (JSON.parse(json) as typeof document).calendars[HOSTILE_CALENDAR];
  expect(calendar).toBeDefined();
  const names = await engine.rows(`SELECT DISTINCT name FROM seekcost_holidays`);
  expect(new Set(names.map((r) => r.name))).toEqual(new Set(calendar?.dates.map((d) => d.name)));
}

const METERED_USAGE_COLUMNS: Record<SqlDialect, string> = {
  duckdb:
    'request_id VARCHAR, model VARCHAR, completed_at TIMESTAMP, cache_hit_tokens BIGINT, cache_miss_tokens BIGINT, output_tokens BIGINT, search_count BIGINT, fetch_count BIGINT, ocr_pages BIGINT, tts_characters BIGINT',
  postgres:
    'request_id TEXT, model TEXT, completed_at TIMESTAMP, cache_hit_tokens BIGINT, cache_miss_tokens BIGINT, output_tokens BIGINT, search_count BIGINT, fetch_count BIGINT, ocr_pages BIGINT, tts_characters BIGINT',
  clickhouse:
    "request_id String, model String, completed_at DateTime64(3, 'UTC'), cache_hit_tokens Int64, cache_miss_tokens Int64, output_tokens Int64, search_count Nullable(Int64), fetch_count Nullable(Int64), ocr_pages Nullable(Int64), tts_characters Nullable(Int64)",
  bigquery:
    'request_id STRING, model STRING, completed_at TIMESTAMP, cache_hit_tokens INT64, cache_miss_tokens INT64, output_tokens INT64, search_count INT64, fetch_count INT64, ocr_pages INT64, tts_characters INT64',
};

/**
 * The per-call view prices generated search, fetch, OCR and TTS counts exactly like the ledger, in
 * CNY (where every item is published): per item, count and amount, to the last decimal, across the
 * 2026-10-31T16:00Z edge where server-side search goes from free to billed.
 */
export async function checkMeteredEqualsLedger(engine: SqlEngine, count: number, seed: number): Promise<void> {
  const next = mulberry32(seed);
  const start = Date.parse('2026-08-12T00:00:00Z');
  const edges = [Date.parse('2026-10-31T16:00:00Z'), Date.parse('2026-11-12T16:00:00Z')];
  const ocrFrom = edges[1] as number;
  const amount = () => (next() < 0.3 ? 0 : next() < 0.05 ? Math.floor(next() * 2 ** 40) : Math.floor(next() * 5000));
  const rows = Array.from({ length: count }, (_, i) => {
    const at = next() < 0.3 ? (edges[Math.floor(next() * 2)] as number) + Math.floor((next() - 0.5) * 20) : start + Math.floor(next() * 200 * 86_400_000);
    const late = at >= ocrFrom;
    return { id: `m${i}`, at, search: amount(), fetch: amount(), ocrPages: late ? amount() : 0, ttsCharacters: late ? amount() : 0 };
  });
  await engine.run(
    `CREATE TABLE metered_usage (${METERED_USAGE_COLUMNS[engine.dialect]})${engine.dialect === 'clickhouse' ? ' ENGINE = MergeTree ORDER BY tuple()' : ''}`,
  );
  const values = rows.map(
    (r) =>
      `('${r.id}', 'deepseek-v4-flash', '${new Date(r.at).toISOString().replace('T', ' ').replace('Z', '')}', 0, 0, 0, ${r.search}, ${r.fetch}, ${r.ocrPages}, ${r.ttsCharacters})`,
  );
  await engine.run(`INSERT INTO metered_usage VALUES ${values.join(', ')}`);
  await engine.run(
    warehouseSql(tariffTable({ currency: 'CNY' }), { dialect: engine.dialect, currency: 'CNY', usageTable: 'metered_usage', prefix: 'm_', metered: true }),
  );
  const ledger = createLedger({ currency: 'CNY', nearEdgeMs: 0 });
  for (const r of rows) {
    ledger.add({
      id: r.id,
      model: 'deepseek-v4-flash',
      at: r.at,
      usage: { cacheHitInputTokens: 0, cacheMissInputTokens: 0, outputTokens: 0 },
      metered: { search: r.search, fetch: r.fetch, ocrPages: r.ocrPages, ttsCharacters: r.ttsCharacters },
    });
  }
  const totals = ledger.totals();
  expect(totals.records.excluded).toBe(0);
  expect(totals.metered.map((l) => l.item)).toEqual(['search', 'fetch', 'ocrPages', 'ttsCharacters']);
  const text = engine.text;
  const got = await engine.rows(`SELECT item, ${text('sum(item_count)')} AS n, ${text('sum(amount)')} AS amount FROM m_priced_metered_usage GROUP BY item`);
  expect(got.map((g) => `${g.item} ${g.n} ${new Decimal(g.amount ?? 'NaN').toFixed()}`).sort()).toEqual(
    totals.metered.map((l) => `${l.item} ${l.count} ${l.amount.toFixed()}`).sort(),
  );
  const free = await engine.rows(`SELECT ${text('count(*)')} AS n FROM m_priced_metered_usage WHERE period_id = 'search/tool-call/2026-08-12' AND amount = 0`);
  expect(Number(free[0]?.n)).toBeGreaterThan(0);
}
