import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Decimal, type Currency } from '@seekcost/pricing';
import { createLedger } from '@seekcost/pricing/ledger';
import { tariffTable, warehouseSql } from '@seekcost/pricing/warehouse';
import { tempDir } from './support.ts';
import { mulberry32 as random } from '../../../test/support/mulberry32.ts';

// The warehouse SQL prices exactly like the ledger: generated usage over every era and across tier
// edges is loaded into embedded DuckDB, priced by joining to the flat tariff, and the SQL totals are
// compared with the ledger's to the last decimal, overall and per model, period and tier.

type DuckDb = typeof import('@duckdb/node-api');
let duckdb: DuckDb | undefined;
try {
  duckdb = await import('@duckdb/node-api');
} catch (error) {
  console.warn(`warehouse SQL test SKIPPED: @duckdb/node-api could not be loaded (${error instanceof Error ? error.message : String(error)})`);
}

const MODELS = ['deepseek-chat', 'deepseek-reasoner', 'deepseek-coder', 'deepseek-v4-flash', 'deepseek-v4-pro', 'deepseek-flash'];
const PERIOD_EDGES = [
  '2024-12-26T00:00Z', '2025-01-20T00:00Z', '2025-02-08T16:00Z', '2025-02-26T16:30Z', '2025-08-21T00:00Z', '2025-09-05T16:00Z', '2025-09-29T10:00Z',
  '2026-04-24T00:00Z', '2026-04-25T16:00Z', '2026-04-26T12:15Z', '2026-07-24T15:59Z', '2026-08-16T16:00Z', '2026-08-22T16:00Z', '2026-09-10T04:00Z',
  '2026-10-01T01:00Z', '2026-10-08T16:00Z', '2026-12-31T16:00Z',
].map((s) => Date.parse(s.replace('Z', ':00Z')));
const DAILY_EDGE_MINUTES = [0, 30, 60, 240, 360, 600, 960, 990];
const HISTORY = [Date.parse('2024-07-01T00:00:00Z'), Date.parse('2027-06-01T00:00:00Z')] as const;


interface UsageRow {
  readonly id: string;
  readonly model: string;
  readonly at: number;
  readonly hit: number;
  readonly miss: number;
  readonly output: number;
}

function generate(count: number, seed: number): UsageRow[] {
  const next = random(seed);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  const tokens = () => (next() < 0.02 ? Math.floor(next() * 2_000_000_000) : Math.floor(next() * 200_000));
  const rows: UsageRow[] = [];
  for (let i = 0; i < count; i++) {
    const kind = next();
    let at: number;
    if (kind < 0.3) at = HISTORY[0] + Math.floor(next() * (HISTORY[1] - HISTORY[0]));
    else if (kind < 0.55) at = pick(PERIOD_EDGES) + Math.floor((next() - 0.5) * 360_000);
    else {
      const day = Math.floor(Date.parse('2025-02-20T00:00:00Z') / 86_400_000 + next() * 700);
      at = day * 86_400_000 + pick(DAILY_EDGE_MINUTES) * 60_000 + Math.floor((next() - 0.5) * 180_000);
    }
    rows.push({ id: `r${i}`, model: pick(MODELS), at, hit: tokens(), miss: tokens(), output: tokens() });
  }
  return rows;
}

async function compare(count: number, seed: number, currency: Currency): Promise<void> {
  const rows = generate(count, seed);
  const ledger = createLedger({ currency, groupBy: ['model', 'period', 'tier'], nearEdgeMs: 0 });
  for (const r of rows) ledger.add({ id: r.id, model: r.model, at: r.at, usage: { cacheHitInputTokens: r.hit, cacheMissInputTokens: r.miss, outputTokens: r.output } });
  const totals = ledger.totals();

  const dir = tempDir();
  const csv = join(dir, 'usage.csv');
  writeFileSync(csv, `request_id,model,completed_at,cache_hit_tokens,cache_miss_tokens,output_tokens\n${rows.map((r) => `${r.id},${r.model},${new Date(r.at).toISOString().replace('T', ' ').replace('Z', '')},${r.hit},${r.miss},${r.output}`).join('\n')}\n`);
  const instance = await (duckdb as DuckDb).DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(
      `CREATE TABLE usage AS SELECT * FROM read_csv('${csv}', header = true, columns = {'request_id': 'VARCHAR', 'model': 'VARCHAR', 'completed_at': 'TIMESTAMP', 'cache_hit_tokens': 'BIGINT', 'cache_miss_tokens': 'BIGINT', 'output_tokens': 'BIGINT'})`,
    );
    await connection.run(warehouseSql(tariffTable({ currency }), { dialect: 'duckdb', currency }));
    const overall = (await connection.runAndReadAll('SELECT count(*)::VARCHAR AS n, sum(amount)::VARCHAR AS amount, sum(amount_units)::VARCHAR AS units FROM seekcost_priced_usage')).getRowObjectsJS()[0] as { n: string; amount: string; units: string };
    expect(Number(overall.n)).toBe(totals.records.priced);
    expect(new Decimal(overall.amount).toFixed()).toBe(totals.amount.toFixed());
    expect(new Decimal(`${overall.units}e-12`).toFixed()).toBe(totals.amount.toFixed());
    const groups = (await connection.runAndReadAll('SELECT model, period_id, tier, count(*)::VARCHAR AS n, sum(amount)::VARCHAR AS amount FROM seekcost_priced_usage GROUP BY ALL ORDER BY ALL')).getRowObjectsJS() as { model: string; period_id: string; tier: string; n: string; amount: string }[];
    const fromSql = groups.map((g) => `${g.model} ${g.period_id} ${g.tier} ${g.n} ${new Decimal(g.amount).toFixed()}`).sort();
    const fromLedger = totals.groups.map((g) => `${g.key.model} ${g.key.period} ${g.key.tier} ${g.records} ${g.amount.toFixed()}`).sort();
    expect(fromSql).toEqual(fromLedger);
    // The generator reaches every era and both sides of the tier edges.
    expect(new Set(totals.groups.map((g) => g.key.period)).size).toBeGreaterThanOrEqual(20);
    expect(new Set(totals.groups.map((g) => g.key.tier))).toEqual(new Set(['standard', 'discount', 'peak', 'off-peak']));
    expect(totals.records.excluded).toBeGreaterThan(0);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe.skipIf(duckdb === undefined)('warehouse SQL in embedded DuckDB equals the ledger to the last decimal', () => {
  it('100,000 generated records over every era and across tier edges, USD', async () => {
    await compare(100_000, 20261122, 'USD');
  }, 120_000);

  it('20,000 generated records, CNY', async () => {
    await compare(20_000, 7, 'CNY');
  }, 60_000);
});
