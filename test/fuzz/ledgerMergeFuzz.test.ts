import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, SeekcostError } from '@seekcost/pricing';
import { createLedger, type Ledger, type LedgerOptions, type LedgerSnapshot } from '@seekcost/pricing/ledger';
import { RUNS, SEED } from './fuzzHarness.ts';

// The ledger's `merge` (issue 8, "Ledger merge trusts the state file") under 10,000 hostile saved
// states: a valid shard's snapshot with one field replaced, removed or added at any depth. Every
// outcome is either a merge whose totals add up exactly (the shard's own amount, recomputed by a
// second ledger that merged nothing else), or a typed error naming a field, with the ledger left
// exactly as it was (all or nothing).

const OPTIONS: LedgerOptions = { groupBy: ['model', 'tier'], currency: 'USD' };

function shard(shardId: string, records: number): Ledger {
  const ledger = createLedger({ ...OPTIONS, shardId });
  for (let i = 0; i < records; i++) {
    ledger.add(
      {
        id: `${shardId}-${i}`,
        model: i % 2 === 0 ? 'deepseek-v4-pro' : 'deepseek-flash',
        at: Date.parse('2026-09-21T01:30:00Z') + i * 5_400_000,
        usage: { prompt_tokens: 1000 + i, prompt_cache_hit_tokens: 640, prompt_cache_miss_tokens: 360 + i, completion_tokens: 50 * i },
      },
      `log:${i}`,
    );
  }
  return ledger;
}

const observable = (ledger: Ledger) => JSON.stringify({ totals: ledger.totals(), snapshot: ledger.snapshot() });

const base = shard('base', 4);
const baseSeen = base.totals().records.seen;
const baseAmount = base.totals().amount;
const incoming = JSON.parse(JSON.stringify(shard('incoming', 5).snapshot())) as Record<string, unknown>;

/** Every path (as keys) into the incoming snapshot's JSON: the places a hostile edit can land. */
function pathsOf(value: unknown, prefix: readonly (string | number)[] = []): (string | number)[][] {
  const here = prefix.length === 0 ? [] : [[...prefix]];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (typeof value === 'object' && value !== null) return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  return here;
}
const PATHS = pathsOf(incoming);

const HOSTILE_VALUES: readonly unknown[] = [
  -1,
  1.5,
  -99999999999,
  '-99999999999',
  '1.5',
  '5',
  '',
  0,
  2 ** 53,
  1e308,
  null,
  true,
  {},
  [],
  'CNY',
  'toString',
  '__proto__',
  '\u001b[31mred\u001b[0m',
  '\u202eevil',
  'seekcost-ledger/1',
  'sha256:0000',
];

type Edit =
  | { readonly kind: 'none' }
  | { readonly kind: 'set'; readonly path: readonly (string | number)[]; readonly value: unknown }
  | { readonly kind: 'delete'; readonly path: readonly (string | number)[] }
  | { readonly kind: 'proto'; readonly path: readonly (string | number)[] };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ kind: 'none' } as const) },
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('set' as const),
      path: fc.constantFrom(...PATHS),
      value: fc.oneof(fc.constantFrom(...HOSTILE_VALUES), fc.integer(), fc.string()),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...PATHS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('proto' as const), path: fc.constantFrom([], ...PATHS) }) },
);

/** The incoming snapshot's JSON text with one edit applied (as a file read back from disk would be). */
function edited(edit: Edit): string {
  const copy = JSON.parse(JSON.stringify(incoming)) as Record<string, unknown>;
  if (edit.kind === 'none') return JSON.stringify(copy);
  const path = edit.path;
  let parent: unknown = copy;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
  const last = path.at(-1);
  if (edit.kind === 'proto') {
    // An own "__proto__" key, as JSON.parse makes it from text: planted in the text itself.
    const target = (path.length === 0 ? copy : (parent as Record<string | number, unknown>)[last as string | number]) as unknown;
    if (typeof target !== 'object' || target === null || Array.isArray(target)) return JSON.stringify(copy);
    const marker = '"__seekcost_marker__":1';
    (target as Record<string, unknown>)['__seekcost_marker__'] = 1;
    return JSON.stringify(copy).replace(marker, '"__proto__":{"polluted":true}');
  }
  if (edit.kind === 'delete') {
    if (Array.isArray(parent)) (parent as unknown[]).splice(last as number, 1);
    else delete (parent as Record<string, unknown>)[last as string];
  } else {
    (parent as Record<string | number, unknown>)[last as string | number] = edit.value;
  }
  return JSON.stringify(copy);
}

describe('ledger merge fuzz: a hostile saved state is merged exactly or refused whole', () => {
  it(`${RUNS} edited states (seed ${SEED})`, { timeout: 600_000 }, () => {
    const tally = { merged: 0, refused: 0 };
    fc.assert(
      fc.property(editArb, (edit) => {
        const text = edited(edit);
        const ledger = shard('base', 4);
        const before = observable(ledger);
        let state: LedgerSnapshot;
        try {
          state = JSON.parse(text) as LedgerSnapshot;
        } catch {
          return; // not JSON at all: the CLI refuses it before merge (exit 4)
        }
        try {
          ledger.merge(state);
        } catch (error) {
          expect(error).toBeInstanceOf(SeekcostError);
          const field = (error as { field?: unknown }).field;
          expect(typeof field === 'string' && field !== '', (error as Error).message).toBe(true);
          expect((error as Error).message).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
          expect(observable(ledger)).toBe(before);
          tally.refused++;
          return;
        }
        // Accepted: the edit kept the state valid. The totals are the base plus what the state
        // holds on its own, and nothing became a float, a string or NaN.
        const alone = createLedger({ ...OPTIONS, shardId: 'alone' });
        alone.merge(JSON.parse(text) as LedgerSnapshot);
        const totals = ledger.totals();
        expect(totals.amount).toBeInstanceOf(Decimal);
        expect(totals.amount.toString()).toBe(baseAmount.plus(alone.totals().amount).toString());
        expect(totals.records.seen).toBe(baseSeen + alone.totals().records.seen);
        expect(Number.isSafeInteger(totals.records.seen)).toBe(true);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        tally.merged++;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Both outcomes must occur, or the generator has drifted into testing only one of them.
    expect(tally.merged).toBeGreaterThan(RUNS * 0.03);
    expect(tally.refused).toBeGreaterThan(RUNS * 0.5);
    if (process.env['SEEKCOST_FUZZ_REPORT'] === '1') console.log(JSON.stringify(tally));
  });

  it('the unedited state merges to exactly the sum of the two shards', () => {
    const ledger = shard('base', 4);
    ledger.merge(JSON.parse(JSON.stringify(incoming)) as LedgerSnapshot);
    expect(ledger.totals().amount.toString()).toBe(baseAmount.plus(shard('incoming', 5).totals().amount).toString());
  });
});
