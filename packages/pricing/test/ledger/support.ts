import fc from 'fast-check';
import { DAILY_EDGE_MINUTES, PRICE_EDGES_MS } from '../../../../test/support/priceEdges.ts';

// Generators shared by the ledger tests: records from every era of the price history, with extra
// weight on the instants where prices change (period starts, window edges, local midnights).

export const MODEL_IDS = ['deepseek-chat', 'deepseek-reasoner', 'deepseek-coder', 'deepseek-v4-flash', 'deepseek-v4-pro', 'deepseek-flash'] as const;

const HISTORY_START = Date.parse('2024-08-02T00:00:00Z');
const HISTORY_END = Date.parse('2027-03-01T00:00:00Z');

/** Instants where some price changes (one list for every test generator). */
export const EDGES = PRICE_EDGES_MS;

const anyInstant = fc.integer({ min: HISTORY_START - 86_400_000, max: HISTORY_END });
// Each edge, and a day either side of it (where 'uncertain-cutover' warnings start and stop).
const edgeInstant = fc
  .tuple(fc.constantFrom(...EDGES), fc.constantFrom(-86_400_000, 0, 0, 86_400_000), fc.integer({ min: -180_000, max: 180_000 }))
  .map(([edge, day, delta]) => edge + day + delta);
const dailyEdgeInstant = fc
  .tuple(
    fc.integer({ min: Date.parse('2025-02-20T00:00:00Z') / 86_400_000, max: Date.parse('2027-01-10T00:00:00Z') / 86_400_000 }),
    fc.constantFrom(...DAILY_EDGE_MINUTES),
    fc.integer({ min: -90_000, max: 90_000 }),
  )
  .map(([day, minute, delta]) => day * 86_400_000 + minute * 60_000 + delta);

export const instantArb = fc.oneof(anyInstant, edgeInstant, dailyEdgeInstant);

const count = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 200_000 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 ** 45 }) });

/** Usage in each shape normalizeUsage reads. */
export const usageArb = fc.oneof(
  fc
    .tuple(count, count, count)
    .map(([hit, miss, out]) => ({ prompt_tokens: hit + miss, prompt_cache_hit_tokens: hit, prompt_cache_miss_tokens: miss, completion_tokens: out })),
  fc.tuple(count, count, count).map(([hit, miss, out]) => ({
    prompt_tokens: hit + miss,
    prompt_cache_hit_tokens: hit,
    prompt_cache_miss_tokens: miss,
    completion_tokens: out,
    prompt_tokens_details: { cached_tokens: hit },
    completion_tokens_details: { reasoning_tokens: Math.floor(out / 2) },
  })),
  fc.tuple(count, count, count).map(([hit, miss, out]) => ({ input_tokens: hit + miss, input_tokens_details: { cached_tokens: hit }, output_tokens: out })),
  fc.tuple(count, count, count).map(([hit, miss, out]) => ({ input_tokens: miss, cache_read_input_tokens: hit, output_tokens: out })),
  fc.tuple(count, count, count).map(([hit, miss, out]) => ({ cacheHitInputTokens: hit, cacheMissInputTokens: miss, outputTokens: out })),
);

export interface GeneratedRecord {
  readonly model: string;
  readonly at: number;
  readonly usage: Record<string, unknown>;
  readonly key: string;
}

export const recordArb: fc.Arbitrary<GeneratedRecord> = fc.record({
  model: fc.constantFrom(...MODEL_IDS),
  at: instantArb,
  usage: usageArb,
  key: fc.constantFrom('team-a', 'team-b', 'team-c'),
});
