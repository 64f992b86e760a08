import type { TariffChange } from './diffTariffTypes.ts';
import { probedChanges, type ProbedOutcome } from './probedChanges.ts';
import { SeekcostError } from './errors.ts';
import { resolvePrice, type ResolvedPrice } from './resolvePrice.ts';
import type { Currency } from './schema/tariffSchema.ts';
import type { CompiledId, CompiledLimits, CompiledRates, Tariff } from './tariff.ts';
import { tariffProbeInstants } from './tariffProbeInstants.ts';

const CURRENCIES: readonly Currency[] = ['USD', 'CNY'];

/** What a tariff answers for one id, currency and instant: every field a caller can observe. */
type Outcome = ProbedOutcome;

const FIELDS = ['model', 'mode', 'period', 'tier', 'prices', 'rateConfidence', 'confidence', 'warnings', 'limits'] as const;

// Compiled rates and limits are frozen and shared by every quote of their period: their text is
// computed once per object (Decimal#toString on every probe was most of the diff's time).
const ratesText = new WeakMap<CompiledRates, string>();
const limitsText = new WeakMap<CompiledLimits, string>();

/**
 * The differences between what two tariffs quote: every id of either tariff, in both currencies, at
 * every probe instant ({@link tariffProbeInstants}), compared on the billed model and mode, period,
 * tier, the three unit prices, the rates' and the quote's confidence, the warnings, the limits, or
 * the typed error when there is no price. Instants with the same before/after pair for one id and
 * currency are reported once, with the first and last such instant and how many there were.
 *
 * @example
 * ```ts
 * const tariff = getBundledTariff();
 * diffTariffQuotes(tariff, tariff); // []
 * ```
 */
export function diffTariffQuotes(before: Tariff, after: Tariff): TariffChange[] {
  const probes = tariffProbeInstants(before, after);
  const ids = [...new Set([...before.ids.keys(), ...after.ids.keys()])].sort();
  const changes: TariffChange[] = [];
  for (const id of ids) {
    for (const currency of CURRENCIES) {
      const differenceAt = (at: number): [string, string] | undefined => {
        const b = outcomeAt(before, id, currency, at);
        const a = outcomeAt(after, id, currency, at);
        return sameOutcome(b, a) ? undefined : [outcomeText(b), outcomeText(a)];
      };
      changes.push(...probedChanges('quote-changed', `${id} ${currency}`, probes, { differenceAt, parse: parseOutcome, delta: outcomeDelta }));
    }
  }
  return changes;
}

/** A price, or the code of the typed error where there is none. */
function outcomeAt(tariff: Tariff, id: string, currency: Currency, at: number): ResolvedPrice | string {
  const entry = tariff.ids.get(id);
  // Outside an id's routes the answer is an error; naming it without throwing keeps the diff fast
  // (a thrown error costs ~10x a quote) and follows resolveModel's order of checks.
  const outside = entry === undefined ? 'UNKNOWN_MODEL' : outsideRoutes(tariff, entry, at);
  if (outside !== undefined) return outside;
  try {
    return resolvePrice({ model: id, at, currency, tariff });
  } catch (error) {
    if (error instanceof SeekcostError) return error.code;
    throw error;
  }
}

// Compared field by field, without building text: this runs for every probe, id and currency.
function sameOutcome(b: ResolvedPrice | string, a: ResolvedPrice | string): boolean {
  if (typeof b === 'string' || typeof a === 'string') return b === a;
  const p = b.provenance;
  const q = a.provenance;
  return (
    p.model === q.model &&
    p.mode === q.mode &&
    p.periodId === q.periodId &&
    p.tier === q.tier &&
    p.confidence === q.confidence &&
    b.rates.confidence === a.rates.confidence &&
    pricesText(b.rates) === pricesText(a.rates) &&
    limitsOf(b.period.limits) === limitsOf(a.period.limits) &&
    warningsText(b) === warningsText(a)
  );
}

function pricesText(rates: CompiledRates): string {
  let text = ratesText.get(rates);
  if (text === undefined) ratesText.set(rates, (text = `${rates.cacheHit.toString()}/${rates.cacheMiss.toString()}/${rates.output.toString()}`));
  return text;
}

function limitsOf(l: CompiledLimits): string {
  let text = limitsText.get(l);
  if (text === undefined) {
    text = `context ${l.contextTokens ?? '?'}, max output ${l.maxOutputTokens ?? '?'}, default output ${l.defaultOutputTokens ?? '-'}, max reasoning ${l.maxReasoningTokens ?? '-'}`;
    limitsText.set(l, text);
  }
  return text;
}

function warningsText(price: ResolvedPrice): string {
  return price.warnings.length === 0 ? 'none' : price.warnings.map((w) => w.code).join(',');
}

/** The outcome as one string, fields joined by a separator no field holds. */
function outcomeText(outcome: ResolvedPrice | string): string {
  if (typeof outcome === 'string') return outcome;
  const p = outcome.provenance;
  return [
    p.model,
    p.mode ?? 'none',
    p.periodId,
    p.tier,
    pricesText(outcome.rates),
    outcome.rates.confidence,
    p.confidence,
    warningsText(outcome),
    limitsOf(outcome.period.limits),
  ].join('\u0000');
}

function parseOutcome(text: string): Outcome {
  const parts = text.split('\u0000');
  if (parts.length === 1) return { error: text };
  return Object.fromEntries(FIELDS.map((field, i) => [field, parts[i] ?? '']));
}

function outsideRoutes(tariff: Tariff, entry: CompiledId, at: number): string | undefined {
  if (at < tariff.historyStartMs) return 'BEFORE_HISTORY';
  if (entry.retiredAtMs !== undefined && at >= entry.retiredAtMs) return 'RETIRED_MODEL';
  for (const route of entry.routes) if (at >= route.fromMs && at < route.toMs) return undefined;
  return 'MODEL_NOT_AVAILABLE';
}

function outcomeDelta(before: Outcome, after: Outcome): string {
  if (before.error !== undefined || after.error !== undefined) return `${describe(before)} -> ${describe(after)}`;
  const fields = Object.keys(before).filter((k) => before[k] !== after[k]);
  return fields.map((k) => `${k} ${before[k] ?? '-'} -> ${after[k] ?? '-'}`).join('; ');
}

function describe(outcome: Outcome): string {
  return outcome.error !== undefined ? `no price (${outcome.error})` : `${outcome.tier ?? '?'} ${outcome.prices ?? '?'} (${outcome.period ?? '?'})`;
}
