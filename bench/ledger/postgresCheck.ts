// Runs the generated PostgreSQL SQL against a throwaway local PostgreSQL (initdb in /tmp, a unix
// socket, trust auth) and compares its totals with the ledger's over generated usage from every era
// and across tier edges. A check script, not a test: it needs PostgreSQL's binaries (initdb, pg_ctl,
// psql) and, when run as root, the `postgres` system user. It removes the cluster when done.
// Run from the repo root:  npx tsx --conditions=@seekcost/source bench/ledger/postgresCheck.ts [rows=100000]
import { writeFileSync } from 'node:fs';
import { Decimal } from '@seekcost/pricing';
import { createLedger } from '@seekcost/pricing/ledger';
import { tariffTable, warehouseSql } from '@seekcost/pricing/warehouse';
import { mulberry32 as random } from '../../test/support/mulberry32.ts';
import { throwawayPostgres } from '../throwawayPostgres.ts';

const ROWS = Number(process.argv[2] ?? 100_000);
const DIR = '/tmp/seekcost-pg-check';
const PORT = '54329';

const MODELS = ['deepseek-chat', 'deepseek-reasoner', 'deepseek-coder', 'deepseek-v4-flash', 'deepseek-v4-pro', 'deepseek-flash'];
const EDGES = [
  '2025-02-08T16:00Z',
  '2025-02-26T16:30Z',
  '2025-09-05T16:00Z',
  '2026-04-26T12:15Z',
  '2026-07-24T15:59Z',
  '2026-08-16T16:00Z',
  '2026-08-22T16:00Z',
  '2026-09-10T04:00Z',
  '2026-10-01T01:00Z',
].map((s) => Date.parse(s.replace('Z', ':00Z')));
const next = random(99);
const rows: string[] = [];
const ledger = createLedger({ groupBy: ['model', 'period', 'tier'], nearEdgeMs: 0 });
for (let i = 0; i < ROWS; i++) {
  const kind = next();
  const at =
    kind < 0.4
      ? Date.parse('2024-07-01T00:00:00Z') + Math.floor(next() * 9e10)
      : kind < 0.6
        ? (EDGES[Math.floor(next() * EDGES.length)] as number) + Math.floor((next() - 0.5) * 360_000)
        : Math.floor(Date.parse('2025-02-20T00:00:00Z') / 86_400_000 + next() * 700) * 86_400_000 +
          [0, 30, 60, 240, 360, 600, 960, 990][Math.floor(next() * 8)]! * 60_000 +
          Math.floor((next() - 0.5) * 180_000);
  const model = MODELS[Math.floor(next() * MODELS.length)] as string;
  const [hit, miss, output] = [next(), next(), next()].map((r) => Math.floor(r * 200_000)) as [number, number, number];
  ledger.add({ id: `r${i}`, model, at, usage: { cacheHitInputTokens: hit, cacheMissInputTokens: miss, outputTokens: output } });
  rows.push(`r${i},${model},${new Date(at).toISOString().replace('T', ' ').replace('Z', '')},${hit},${miss},${output}`);
}
const totals = ledger.totals();

const postgres = throwawayPostgres(DIR, PORT, 'socket');
const { psql } = postgres;
writeFileSync(`${DIR}/usage.csv`, `${rows.join('\n')}\n`);
writeFileSync(`${DIR}/seekcost.sql`, warehouseSql(tariffTable({ currency: 'USD' }), { dialect: 'postgres' }));
try {
  postgres.start();
  const server = psql('SELECT version()');
  psql(
    'CREATE TABLE usage (request_id TEXT PRIMARY KEY, model TEXT, completed_at TIMESTAMP, cache_hit_tokens BIGINT, cache_miss_tokens BIGINT, output_tokens BIGINT)',
  );
  postgres.psqlArgs(['-c', `\\copy usage FROM '${DIR}/usage.csv' WITH (FORMAT csv)`]);
  postgres.psqlArgs(['-f', `${DIR}/seekcost.sql`]);
  const started = performance.now();
  const [count, amount] = psql('SELECT count(*), sum(amount) FROM seekcost_priced_usage').split('|') as [string, string];
  const seconds = (performance.now() - started) / 1000;
  const groups = psql(
    "SELECT string_agg(model || ' ' || period_id || ' ' || tier || ' ' || n || ' ' || total, E'\\n' ORDER BY model, period_id, tier) FROM (SELECT model, period_id, tier, count(*) AS n, sum(amount) AS total FROM seekcost_priced_usage GROUP BY 1, 2, 3) g",
  )
    .split('\n')
    .map((line) => {
      const parts = line.split(' ');
      return `${parts.slice(0, 4).join(' ')} ${new Decimal(parts[4] as string).toFixed()}`;
    })
    .sort();
  const expected = totals.groups.map((g) => `${g.key.model} ${g.key.period} ${g.key.tier} ${g.records} ${g.amount.toFixed()}`).sort();
  const equal = Number(count) === totals.records.priced && new Decimal(amount).eq(totals.amount) && JSON.stringify(groups) === JSON.stringify(expected);
  console.log(server.split(',')[0]);
  console.log(
    `PostgreSQL priced ${count} of ${ROWS} rows in ${seconds.toFixed(2)} s, total ${amount} USD; ledger ${totals.records.priced} rows, ${totals.amount.toFixed()} USD`,
  );
  console.log(`${groups.length} model/period/tier groups; totals and every group ${equal ? 'EQUAL' : 'DIFFER FROM'} the ledger's to the last decimal`);
  if (!equal) process.exitCode = 1;
} finally {
  postgres.remove();
}
