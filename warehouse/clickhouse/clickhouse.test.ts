import { afterAll, describe, it } from 'vitest';
import {
  checkEqualsLedger,
  checkMeteredEqualsLedger,
  checkHostilePriceFile,
  checkHostileRoundTrip,
  type SqlEngine,
} from '../../packages/cli/test/warehouseChecks.ts';

// The ClickHouse warehouse SQL on chDB (embedded ClickHouse, npm `chdb`), through the same checks
// DuckDB and PGlite pass in `npm test`. chDB is not in the root install: if it is missing this file
// fails with the command that installs it; it never skips.

type Chdb = typeof import('chdb');
let chdb: Chdb;
try {
  chdb = await import('chdb');
} catch (error) {
  throw new Error(`chDB is not installed: run \`npm install --prefix warehouse/clickhouse\` first (${error instanceof Error ? error.message : String(error)})`);
}

// libchdb holds one data directory per process, so one session serves every check; each check gets
// a fresh database.
const session = new chdb.Session();
afterAll(() => session.close());
let databases = 0;

function clickhouse(): SqlEngine {
  const database = `check_${++databases}`;
  session.query(`CREATE DATABASE ${database}; USE ${database}`);
  return {
    dialect: 'clickhouse',
    run: async (sql) => {
      session.query(`USE ${database}; ${sql}`);
    },
    rows: async (sql) => {
      const text = session.query(`USE ${database}; ${sql}`, 'JSONEachRow');
      return text
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, string | null>);
    },
    text: (expr) => `toString(${expr})`,
  };
}

describe(`warehouse SQL on ClickHouse (chDB ${session.query('SELECT version()', 'TSV').trim()})`, () => {
  it('equals the ledger to the last decimal on 100,000 generated records, USD and CNY, overall and per model, period and tier', async () => {
    await checkEqualsLedger(clickhouse(), 100_000, 20261122);
  }, 600_000);

  it('prices per-call counts (search, fetch, OCR pages, TTS characters) like the ledger, per item, to the last decimal', async () => {
    await checkMeteredEqualsLedger(clickhouse(), 600, 20261203);
  }, 120_000);

  it('reads back every hostile string in every string field exactly, and the usage table survives', async () => {
    await checkHostileRoundTrip(clickhouse());
  }, 120_000);

  it("runs `seekcost tariff --data` on price data with issue 8's reproducer id and prices it like the ledger", async () => {
    await checkHostilePriceFile(clickhouse());
  }, 120_000);
});
