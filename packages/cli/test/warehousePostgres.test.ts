import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { checkEqualsLedger, checkMeteredEqualsLedger, checkHostilePriceFile, checkHostileRoundTrip, type SqlEngine } from './warehouseChecks.ts';

// The PostgreSQL warehouse SQL on PGlite: real PostgreSQL compiled to WebAssembly, a root
// devDependency, so it runs in `npm test` on a fresh clone (a missing PGlite fails the import).

// One PGlite per file (it takes seconds to start); each check gets an empty public schema.
let db: PGlite | undefined;
afterAll(async () => {
  await db?.close();
});

async function postgres(settings = ''): Promise<SqlEngine> {
  db ??= new PGlite();
  const pg = db;
  await pg.exec(`DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public; RESET standard_conforming_strings; ${settings}`);
  return {
    dialect: 'postgres',
    run: async (sql) => {
      await pg.exec(sql);
    },
    rows: async (sql) => (await pg.query<Record<string, string | null>>(sql)).rows,
    text: (expr) => `CAST(${expr} AS TEXT)`,
    // COPY from CSV: INSERT ... VALUES of 100k rows takes PGlite over 10 s.
    append: async (rows) => {
      const csv = rows.map((r) => `${r.id},"${r.model.replace(/"/g, '""')}",${new Date(r.at).toISOString()},${r.hit},${r.miss},${r.output}\n`).join('');
      await pg.query(`COPY usage FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([csv]) });
    },
  };
}

describe('warehouse SQL on PostgreSQL (PGlite)', () => {
  it('equals the ledger to the last decimal on 100,000 generated records, USD and CNY, overall and per model, period and tier', async () => {
    await checkEqualsLedger(await postgres(), 100_000, 20261122);
  }, 300_000);

  it('prices per-call counts (search, fetch, OCR pages, TTS characters) like the ledger, per item, to the last decimal', async () => {
    await checkMeteredEqualsLedger(await postgres(), 600, 20261203);
  }, 60_000);

  it('reads back every hostile string in every string field exactly, and the usage table survives', async () => {
    await checkHostileRoundTrip(await postgres());
  }, 60_000);

  it('does the same with standard_conforming_strings off (backslash escapes in plain literals)', async () => {
    const engine = await postgres('SET standard_conforming_strings = off;');
    expect(await engine.rows('SHOW standard_conforming_strings')).toEqual([{ standard_conforming_strings: 'off' }]);
    await checkHostileRoundTrip(engine);
  }, 60_000);

  it("runs `seekcost tariff --data` on price data with issue 8's reproducer id and prices it like the ledger", async () => {
    await checkHostilePriceFile(await postgres());
  }, 60_000);
});
