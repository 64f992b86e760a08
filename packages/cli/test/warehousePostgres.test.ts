import { PGlite } from '@electric-sql/pglite';
import { afterEach, describe, expect, it } from 'vitest';
import { checkEqualsLedger, checkHostilePriceFile, checkHostileRoundTrip, type SqlEngine } from './warehouseChecks.ts';

// The PostgreSQL warehouse SQL on PGlite: real PostgreSQL compiled to WebAssembly, a root
// devDependency, so it runs in `npm test` on a fresh clone (a missing PGlite fails the import).

const open: PGlite[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
});

async function postgres(settings = ''): Promise<SqlEngine> {
  const db = new PGlite();
  open.push(db);
  if (settings !== '') await db.exec(settings);
  return {
    dialect: 'postgres',
    run: async (sql) => {
      await db.exec(sql);
    },
    rows: async (sql) => (await db.query<Record<string, string | null>>(sql)).rows,
    text: (expr) => `CAST(${expr} AS TEXT)`,
  };
}

describe('warehouse SQL on PostgreSQL (PGlite)', () => {
  it('equals the ledger to the last decimal on 100,000 generated records, USD and CNY, overall and per model, period and tier', async () => {
    await checkEqualsLedger(await postgres(), 100_000, 20261122);
  }, 600_000);

  it('reads back every hostile string in every string field exactly, and the usage table survives', async () => {
    await checkHostileRoundTrip(await postgres());
  }, 60_000);

  it('does the same with standard_conforming_strings off (backslash escapes in plain literals)', async () => {
    const engine = await postgres('SET standard_conforming_strings = off');
    expect(await engine.rows('SHOW standard_conforming_strings')).toEqual([{ standard_conforming_strings: 'off' }]);
    await checkHostileRoundTrip(engine);
  }, 60_000);

  it("runs `seekcost tariff --data` on price data with issue 8's reproducer id and prices it like the ledger", async () => {
    await checkHostilePriceFile(await postgres());
  }, 60_000);
});
