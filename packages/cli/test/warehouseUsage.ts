import { createLedger } from '@seekcost/pricing/ledger';
import { getBundledTariff, type Currency, type Tariff } from '@seekcost/pricing';
import { mulberry32 as random } from '../../../test/support/mulberry32.ts';
import { DAILY_EDGE_MINUTES, PRICE_EDGES_MS as PERIOD_EDGES } from '../../../test/support/priceEdges.ts';

// Generated usage for the warehouse checks, shared by every engine (DuckDB and PGlite in `npm test`,
// chDB in `npm run test:warehouse`) so each one is held to the same records and the same ledger.
// The records reach every era, both sides of every period edge and daily tier edge, and the 2026
// Chinese holidays and make-up working days (the peak tiers are off on holidays; make-up Saturdays
// and Sundays follow the weekday rule alone).

const MODELS = ['deepseek-chat', 'deepseek-reasoner', 'deepseek-coder', 'deepseek-v4-flash', 'deepseek-v4-pro', 'deepseek-flash'];
const HISTORY = [Date.parse('2024-07-01T00:00:00Z'), Date.parse('2027-06-01T00:00:00Z')] as const;
/** Beijing dates: every holiday of cn-public-holidays and every make-up working day, from the price data. */
export const HOLIDAY_AND_MAKE_UP_DAYS: readonly string[] = (() => {
  const calendar = getBundledTariff().document.calendars['cn-public-holidays'];
  if (calendar === undefined) throw new Error('price data: no cn-public-holidays calendar');
  const days = [...(calendar.makeUpWorkdays ?? [])];
  for (const range of calendar.dates) {
    for (let t = Date.parse(`${range.from}T00:00:00Z`); t <= Date.parse(`${range.to}T00:00:00Z`); t += 86_400_000)
      days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days.sort();
})();
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** One generated usage record, as loaded into the warehouse's usage table. */
export interface UsageRow {
  readonly id: string;
  readonly model: string;
  readonly at: number;
  readonly hit: number;
  readonly miss: number;
  readonly output: number;
}

/** `count` records from `seed`, the same on every run; `models` replaces the id list (hostile ids). */
export function generateUsage(count: number, seed: number, models: readonly string[] = MODELS): UsageRow[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] as T;
  // Mostly small counts, sometimes up to 2e9 tokens, so sums pass 2^53 and must stay exact.
  const tokens = () => (next() < 0.02 ? Math.floor(next() * 2_000_000_000) : Math.floor(next() * 200_000));
  const jitter = (ms: number) => Math.floor((next() - 0.5) * ms);
  const rows: UsageRow[] = [];
  for (let i = 0; i < count; i++) {
    const kind = next();
    let at: number;
    if (kind < 0.25) at = HISTORY[0] + Math.floor(next() * (HISTORY[1] - HISTORY[0]));
    else if (kind < 0.45) at = pick(PERIOD_EDGES) + jitter(360_000);
    else if (kind < 0.75) {
      const day = Math.floor(Date.parse('2025-02-20T00:00:00Z') / 86_400_000 + next() * 700);
      at = day * 86_400_000 + pick(DAILY_EDGE_MINUTES) * 60_000 + jitter(180_000);
    } else {
      const beijingMidnight = Date.parse(`${pick(HOLIDAY_AND_MAKE_UP_DAYS)}T00:00:00Z`) - BEIJING_OFFSET_MS;
      at = beijingMidnight + (next() < 0.5 ? Math.floor(next() * 86_400_000) : ((pick(DAILY_EDGE_MINUTES) + 480) % 1440) * 60_000 + jitter(180_000));
    }
    rows.push({ id: `r${i}`, model: pick(models), at, hit: tokens(), miss: tokens(), output: tokens() });
  }
  return rows;
}

/** What the ledger says about `rows`: priced count, total, and one line per model/period/tier. */
export interface LedgerExpectation {
  readonly priced: number;
  readonly excluded: number;
  readonly amount: string;
  /** `model period tier records amount`, sorted. */
  readonly groups: readonly string[];
}

/** The library ledger's totals over `rows` in `currency`, the reference every engine must equal. */
export function ledgerExpectation(rows: readonly UsageRow[], currency: Currency, tariff?: Tariff): LedgerExpectation {
  const ledger = createLedger({ currency, groupBy: ['model', 'period', 'tier'], nearEdgeMs: 0, ...(tariff === undefined ? {} : { tariff }) });
  for (const r of rows)
    ledger.add({ id: r.id, model: r.model, at: r.at, usage: { cacheHitInputTokens: r.hit, cacheMissInputTokens: r.miss, outputTokens: r.output } });
  const totals = ledger.totals();
  return {
    priced: totals.records.priced,
    excluded: totals.records.excluded,
    amount: totals.amount.toFixed(),
    groups: totals.groups.map((g) => `${g.key.model} ${g.key.period} ${g.key.tier} ${g.records} ${g.amount.toFixed()}`).sort(),
  };
}
