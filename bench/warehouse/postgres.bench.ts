// Rows per second of the warehouse SQL on a real PostgreSQL server (Debian's postgresql package),
// side by side with the same rows priced by DuckDB's view and by `seekcost ledger` (the CLI), and
// the three totals compared to the last decimal.
//   1. initdb a throwaway cluster in /tmp, listening on 127.0.0.1 only (trust auth, nothing else can
//      reach it), and stop and remove it at the end whatever happens;
//   2. generate N usage rows inside PostgreSQL (generate_series + hashint8: five model ids, instants
//      over February 2025 - December 2026, every era, weekends and holidays), price them with the
//      view from `seekcost tariff --format sql --dialect postgres`, timed;
//   3. export them to CSV; load the CSV into embedded DuckDB and price it with the duckdb view, timed;
//   4. run `seekcost ledger CSV --out json --no-dedupe` on the CSV, timed.
// Needs PostgreSQL's binaries (initdb, pg_ctl, psql) and, as root, the `postgres` system user.
// Run from the repo root:  npx tsx --conditions=@seekcost/source bench/warehouse/postgres.bench.ts [rows=10000000]
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { Decimal } from '@seekcost/pricing';
import { tariffTable, warehouseSql } from '@seekcost/pricing/warehouse';
import { throwawayPostgres } from '../throwawayPostgres.ts';

const ROWS = Number(process.argv[2] ?? 10_000_000);
const DIR = '/tmp/seekcost-pg-bench';
const PORT = '54331';
const timed = <T>(label: string, run: () => T): { value: T; seconds: number } => {
  const started = performance.now();
  const value = run();
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label}: ${seconds.toFixed(2)} s`);
  return { value, seconds };
};
const perSecond = (seconds: number) => `${(ROWS / seconds / 1e6).toFixed(2)}M rows/s`;

console.log(
  `${ROWS.toLocaleString('en-US')} rows; ${cpus().length} cores (${cpus()[0]?.model ?? '?'}); load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const postgres = throwawayPostgres(DIR, PORT, '127.0.0.1');
const { psql } = postgres;
const csv = `${DIR}/usage.csv`;
try {
  postgres.start();
  console.log(psql('SELECT version()').split(',')[0]);
  timed('PostgreSQL: generate the rows', () =>
    psql(`CREATE TABLE usage AS
      SELECT 'r' || i AS request_id,
             (ARRAY['deepseek-chat', 'deepseek-reasoner', 'deepseek-v4-flash', 'deepseek-v4-pro', 'deepseek-flash'])[1 + abs(hashint8(i) % 5)] AS model,
             TIMESTAMP '2025-02-01 00:00:00' + (abs(hashint8(i * 7))::bigint * 27) * INTERVAL '1 millisecond' AS completed_at,
             abs(hashint8(i * 3) % 20000)::bigint AS cache_hit_tokens,
             abs(hashint8(i * 5) % 5000)::bigint AS cache_miss_tokens,
             abs(hashint8(i * 11) % 2000)::bigint AS output_tokens
      FROM generate_series(1, ${ROWS}) AS i;
      ANALYZE usage;`),
  );
  writeFileSync(`${DIR}/seekcost.sql`, warehouseSql(tariffTable({ currency: 'USD' }), { dialect: 'postgres' }));
  postgres.psqlArgs(['-f', `${DIR}/seekcost.sql`]);
  const pg = timed(
    'PostgreSQL: SELECT count(*), sum(amount) FROM seekcost_priced_usage',
    () => psql('SELECT count(*), sum(amount) FROM seekcost_priced_usage').split('|') as [string, string],
  );
  timed('PostgreSQL: export to CSV', () => psql(`COPY usage TO '${csv}' WITH (FORMAT csv, HEADER)`));

  const instance = await DuckDBInstance.create(':memory:');
  const duck = await instance.connect();
  await duck.run(
    `CREATE TABLE usage AS SELECT * FROM read_csv('${csv}', header = true, columns = {'request_id': 'VARCHAR', 'model': 'VARCHAR', 'completed_at': 'TIMESTAMP', 'cache_hit_tokens': 'BIGINT', 'cache_miss_tokens': 'BIGINT', 'output_tokens': 'BIGINT'})`,
  );
  await duck.run(warehouseSql(tariffTable({ currency: 'USD' }), { dialect: 'duckdb' }));
  const started = performance.now();
  const duckRow = (
    await duck.runAndReadAll('SELECT count(*)::VARCHAR AS n, sum(amount)::VARCHAR AS amount FROM seekcost_priced_usage')
  ).getRowObjectsJS()[0] as { n: string; amount: string };
  const duckSeconds = (performance.now() - started) / 1000;
  console.log(`DuckDB: the same query over the same rows: ${duckSeconds.toFixed(2)} s`);
  duck.closeSync();
  instance.closeSync();

  // The CLI takes instants as ISO 8601 with a zone, so the column is written that way (untimed).
  psql(
    `COPY (SELECT request_id, model, to_char(completed_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS completed_at, cache_hit_tokens, cache_miss_tokens, output_tokens FROM usage) TO '${DIR}/usage-iso.csv' WITH (FORMAT csv, HEADER)`,
  );
  // Exit code 3 is expected: rows outside a model's life are excluded (and listed on stderr).
  const cli = timed('CLI: seekcost ledger usage.csv --out json --no-dedupe', () => {
    const child = spawnSync(
      'node',
      [
        '--conditions=@seekcost/source',
        '--import',
        'tsx',
        'packages/cli/src/bin.ts',
        'ledger',
        `${DIR}/usage-iso.csv`,
        '--out',
        'json',
        '--no-dedupe',
        '--no-progress',
      ],
      { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    if (child.status !== 0 && child.status !== 3) throw new Error(`seekcost ledger exited ${String(child.status)}`);
    return JSON.parse(child.stdout) as { amount: string; records: { priced: number } };
  });

  console.log(`\n| engine | rows priced | seconds | rows/s (of ${ROWS.toLocaleString('en-US')}) | total USD |`);
  console.log(`| PostgreSQL | ${pg.value[0]} | ${pg.seconds.toFixed(2)} | ${perSecond(pg.seconds)} | ${pg.value[1]} |`);
  console.log(`| DuckDB | ${duckRow.n} | ${duckSeconds.toFixed(2)} | ${perSecond(duckSeconds)} | ${duckRow.amount} |`);
  console.log(`| seekcost ledger (CLI) | ${cli.value.records.priced} | ${cli.seconds.toFixed(2)} | ${perSecond(cli.seconds)} | ${cli.value.amount} |`);
  const equal =
    new Decimal(pg.value[1]).eq(duckRow.amount) &&
    new Decimal(pg.value[1]).eq(cli.value.amount) &&
    Number(pg.value[0]) === Number(duckRow.n) &&
    Number(pg.value[0]) === cli.value.records.priced;
  console.log(`totals ${equal ? 'EQUAL' : 'DIFFER'} to the last decimal`);
  if (!equal) process.exitCode = 1;
} finally {
  postgres.remove();
}
