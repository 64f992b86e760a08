import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HISTORIES, oracleTier, type Era, type Tier } from '../deepseekFacts.ts';
import { add, exact, fromInteger, mul, shift, type Exact } from './exactDecimal.ts';

// What the bundled price history must answer, computed from the hand-written facts in
// test/deepseekFacts.ts (never from the library): the era, tier and unit prices at an instant, or
// which typed error the library must throw instead.

export type Currency = 'USD' | 'CNY';
export type OracleError = 'UnknownModelError' | 'BeforeHistoryError' | 'RetiredModelError' | 'ModelNotAvailableError';
export interface OraclePrice {
  readonly era: Era;
  readonly tier: Tier;
  /** Per 1M tokens: cache hit, cache miss, output. */
  readonly rates: readonly [Exact, Exact, Exact];
}
export type OracleOutcome = { readonly price: OraclePrice } | { readonly error: OracleError };

const minuteInstant = (text: string) => Date.parse(text.replace(/Z$/, ':00Z'));
export const HISTORY_START_MS = Math.min(...HISTORIES.flatMap((h) => h.eras.map((e) => minuteInstant(e.from))));
export const KNOWN_IDS: readonly string[] = HISTORIES.map((h) => h.id);

/** The outcome of pricing `model` at `ms` in `currency` under the bundled data. */
export function oracle(model: string, ms: number, currency: Currency): OracleOutcome {
  const history = HISTORIES.find((h) => h.id === model);
  if (history === undefined) return { error: 'UnknownModelError' };
  if (ms < HISTORY_START_MS) return { error: 'BeforeHistoryError' };
  if (history.end !== null && ms >= minuteInstant(history.end.at))
    return { error: history.end.kind === 'retired' ? 'RetiredModelError' : 'ModelNotAvailableError' };
  const era = [...history.eras].reverse().find((e) => minuteInstant(e.from) <= ms);
  if (era === undefined) return { error: 'ModelNotAvailableError' };
  const tier = oracleTier(era, ms);
  const prices = era.prices[tier];
  if (prices === undefined) throw new Error(`oracle: era ${era.period} has no ${tier} prices`);
  const [hit, miss, output] = prices[currency];
  return { price: { era, tier, rates: [exact(hit), exact(miss), exact(output)] } };
}

/** (hit x rate + miss x rate + output x rate) / 1M, exactly. */
export function oracleTotal(rates: readonly [Exact, Exact, Exact], counts: readonly [number | Exact, number | Exact, number | Exact]): Exact {
  const asExact = (n: number | Exact) => (typeof n === 'number' ? fromInteger(n) : n);
  let sum: Exact = fromInteger(0);
  for (let i = 0; i < 3; i++) sum = add(sum, mul(asExact(counts[i] as number | Exact), rates[i] as Exact));
  return shift(sum, 6);
}

interface RawLimits {
  readonly contextTokens: number | null;
  readonly maxOutputTokens: number | null;
  readonly maxReasoningTokens?: number;
}
// The limits are read from the data file by period id (the facts file has no limits); the oracle
// then decides what a request exceeds on its own.
const rawDocument = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../pricing-data/deepseek.json'), 'utf8')) as {
  models: Record<string, { periods: { id: string; limits: RawLimits }[] }>;
};
const LIMITS = new Map<string, RawLimits>(Object.values(rawDocument.models).flatMap((m) => m.periods.map((p) => [p.id, p.limits] as const)));

/** The limits of a period, and which of them input + output tokens exceed. */
export function oracleLimits(periodId: string, input: number, output: number): { limits: RawLimits; exceeded: ('context' | 'max-output')[] } {
  const limits = LIMITS.get(periodId);
  if (limits === undefined) throw new Error(`oracle: no period ${periodId} in the data file`);
  const exceeded: ('context' | 'max-output')[] = [];
  if (limits.contextTokens !== null && input + output > limits.contextTokens) exceeded.push('context');
  if (limits.maxOutputTokens !== null && output > limits.maxOutputTokens + (limits.maxReasoningTokens ?? 0)) exceeded.push('max-output');
  return { limits, exceeded };
}
