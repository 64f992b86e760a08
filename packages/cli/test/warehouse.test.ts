import { DuckDBInstance, DuckDBTimestampValue } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from './support.ts';
import { checkEqualsLedger, checkMeteredEqualsLedger, checkHostilePriceFile, checkHostileRoundTrip, type SqlEngine } from './warehouseChecks.ts';

// The DuckDB warehouse SQL on embedded DuckDB (a devDependency, so `npm test` always has it: if it
// cannot load, this file fails to import and the suite fails; it never skips).

const open: (() => void)[] = [];
afterEach(() => {
  for (const close of open.splice(0)) close();
});

async function duckdb(): Promise<SqlEngine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  open.push(() => {
    connection.closeSync();
    instance.closeSync();
  });
  return {
    dialect: 'duckdb',
    run: async (sql) => {
      await connection.run(sql);
    },
    rows: async (sql) =>
      (await connection.runAndReadAll(sql))
        .getRowObjectsJS()
        .map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? null : String(v)]))),
    text: (expr) => `CAST(${expr} AS VARCHAR)`,
    // The appender: 100k rows of INSERT ... VALUES take DuckDB's parser about 25 s.
    append: async (rows) => {
      const appender = await connection.createAppender('usage');
      for (const r of rows) {
        appender.appendVarchar(r.id);
        appender.appendVarchar(r.model);
        appender.appendTimestamp(new DuckDBTimestampValue(BigInt(r.at) * 1000n));
        appender.appendBigInt(BigInt(r.hit));
        appender.appendBigInt(BigInt(r.miss));
        appender.appendBigInt(BigInt(r.output));
        appender.endRow();
      }
      appender.closeSync();
    },
  };
}

describe('warehouse SQL on embedded DuckDB', () => {
  it('equals the ledger to the last decimal on 100,000 generated records, USD and CNY, overall and per model, period and tier', async () => {
    await checkEqualsLedger(await duckdb(), 100_000, 20261122);
  }, 180_000);

  it('prices per-call counts (search, fetch, OCR pages, TTS characters) like the ledger, per item, to the last decimal', async () => {
    await checkMeteredEqualsLedger(await duckdb(), 600, 20261203);
  }, 60_000);

  it('reads back every hostile string in every string field exactly, and the usage table survives', async () => {
    await checkHostileRoundTrip(await duckdb());
  }, 60_000);

  it("runs `seekcost tariff --data` on price data with issue 8's reproducer id and prices it like the ledger", async () => {
    await checkHostilePriceFile(await duckdb());
  }, 60_000);
});

describe('seekcost tariff --help', () => {
  it('says which dialects were run on an engine and that BigQuery was not', async () => {
    const help = await run(['tariff', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain(
      'SQL dialect: duckdb, postgres and clickhouse are run on DuckDB, PGlite and chDB in the tests; bigquery is generated, not run on BigQuery',
    );
  });
});
