// The warehouse SQL in embedded DuckDB over many rows: rows generated inside DuckDB (range + hash),
// priced by the seekcost view, timed; then the same rows exported to CSV and totalled by the ledger
// in this process, and the two totals compared to the last decimal.
// Run from the repo root:  npx tsx --conditions=@seekcost/source bench/ledger/duckdb.bench.ts [rows=10000000]
import { createReadStream, mkdirSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { createLedger } from '@seekcost/pricing/ledger';
import { tariffTable, warehouseSql } from '@seekcost/pricing/warehouse';

const ROWS = Number(process.argv[2] ?? 10_000_000);
const DIR = '/tmp/seekcost-bench';
mkdirSync(DIR, { recursive: true });

const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
const time = async (label: string, sql: string) => {
  const started = performance.now();
  const reader = await db.runAndReadAll(sql);
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label}: ${seconds.toFixed(2)} s`);
  return { rows: reader.getRowObjectsJS(), seconds };
};

// Instants over Feb 2025 - Dec 2026 (every era from the discount windows to peak/off-peak and holidays).
await time(
  `generate ${ROWS.toLocaleString('en-US')} usage rows in DuckDB`,
  `CREATE TABLE usage AS
   SELECT 'r' || i AS request_id,
          (['deepseek-chat', 'deepseek-reasoner', 'deepseek-v4-flash', 'deepseek-v4-pro', 'deepseek-flash'])[1 + (hash(i) % 5)::INTEGER] AS model,
          TIMESTAMP '2025-02-01 00:00:00' + to_milliseconds((hash(i * 7) % 60000000000)::BIGINT) AS completed_at,
          (hash(i * 3) % 20000)::BIGINT AS cache_hit_tokens,
          (hash(i * 5) % 5000)::BIGINT AS cache_miss_tokens,
          (hash(i * 11) % 2000)::BIGINT AS output_tokens
   FROM range(${ROWS}) t(i)`,
);
await db.run(warehouseSql(tariffTable({ currency: 'USD' }), { dialect: 'duckdb' }));
const priced = await time(
  'price every row with the seekcost view (sum, count)',
  'SELECT count(*)::VARCHAR AS n, sum(amount)::VARCHAR AS amount FROM seekcost_priced_usage',
);
const sqlTotal = priced.rows[0] as { n: string; amount: string };
console.log(
  `DuckDB: ${Number(sqlTotal.n).toLocaleString('en-US')} rows priced (of ${ROWS.toLocaleString('en-US')}; the rest have no price: retired or not yet launched), ${(ROWS / priced.seconds / 1e6).toFixed(2)}M rows/s, total ${sqlTotal.amount} USD`,
);

const csv = `${DIR}/duckdb-usage-${ROWS}.csv`;
await time('export to CSV', `COPY usage TO '${csv}' (HEADER, DELIMITER ',')`);
const started = performance.now();
const ledger = createLedger({ dedupe: false, nearEdgeMs: 0 });
let pending = '';
let header = true;
for await (const chunk of createReadStream(csv, { highWaterMark: 1 << 20 })) {
  const text = pending + (chunk as Buffer).toString('utf8');
  let start = 0;
  let end = text.indexOf('\n', start);
  while (end !== -1) {
    if (header) header = false;
    else {
      const [request_id, model, completed_at, hit, miss, output] = text.slice(start, end).split(',') as [string, string, string, string, string, string];
      ledger.add({
        id: request_id,
        model,
        at: `${completed_at.replace(' ', 'T')}Z`,
        usage: { cacheHitInputTokens: Number(hit), cacheMissInputTokens: Number(miss), outputTokens: Number(output) },
      });
    }
    start = end + 1;
    end = text.indexOf('\n', start);
  }
  pending = text.slice(start);
}
const totals = ledger.totals();
console.log(
  `ledger over the same rows (CSV parsed in-process): ${((performance.now() - started) / 1000).toFixed(2)} s, ${totals.records.priced.toLocaleString('en-US')} priced, total ${totals.amount.toFixed()} USD`,
);
const equal = Number(sqlTotal.n) === totals.records.priced && sqlTotal.amount.replace(/0+$/, '').replace(/\.$/, '') === totals.amount.toFixed();
console.log(`SQL total ${equal ? 'EQUALS' : 'DIFFERS FROM'} the ledger total to the last decimal`);
db.closeSync();
instance.closeSync();
if (!equal) process.exitCode = 1;
