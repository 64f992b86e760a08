import type { TariffChange } from './diffTariffTypes.ts';
import { probedChanges, type ProbedOutcome } from './probedChanges.ts';
import { resolveMeteredPrice } from './resolveMeteredPrice.ts';
import { UNCERTAIN_CUTOVER_MS } from './rules.ts';
import type { Currency, MeteredItem, MeteredVia } from './schema/tariffSchema.ts';
import type { CompiledMeteredItem, CompiledMeteredPeriod, Tariff } from './tariff.ts';

const CURRENCIES: readonly Currency[] = ['USD', 'CNY'];
const VIAS: readonly MeteredVia[] = ['tool-call', 'api'];
const FIELDS = ['period', 'discount', 'price', 'unit', 'confidence', 'published', 'warnings'] as const;

/** What a tariff answers for one metered item, way of calling it, currency and instant. */
type Outcome = ProbedOutcome;

/**
 * The differences between the per-call prices two tariffs quote: every metered item of either
 * tariff (search, fetch, OCR pages, TTS characters, ASR), each way of calling it (`tool-call`,
 * `api`) and each currency, at every instant where either tariff's answer can change (period and
 * discount starts and ends, the 24-hour warning bands of uncertain starts, an unpriced item's
 * `since`, each ±1 ms). A metered price is constant between two such edges of its own tariff, so
 * this sees every difference. Compared: the period, the discount in force, the price per unit size,
 * the unit, the confidence, whether DeepSeek published it (a third-party figure is probed as if
 * accepted), the warning codes, or the error code where there is no price. Instants with the same
 * before/after pair are reported once (`metered-changed`, subject `item via currency`), with the
 * first and last such instant and how many there were.
 *
 * @example
 * ```ts
 * const before = getBundledTariff();
 * const doc = structuredClone(before.document);
 * doc.meteredItems.search!.periods.at(-1)!.prices.CNY!.price = '6';
 * const changes = diffTariffMetered(before, compileTariff(doc));
 * changes.map((c) => c.subject); // => ['search tool-call CNY', 'search api CNY']
 * changes[0]!.summary; // => 'search tool-call CNY: price 5/1000 -> 6/1000 at 11 probed instant(s) from 2026-10-31T16:00:00.000Z to 2026-11-13T16:00:00.001Z'
 * diffTariffMetered(before, before); // => []
 * ```
 */
export function diffTariffMetered(before: Tariff, after: Tariff): TariffChange[] {
  const items = [...new Set([...before.meteredItems.keys(), ...after.meteredItems.keys()])].sort();
  const probes = meteredProbeInstants(before, after);
  const changes: TariffChange[] = [];
  for (const item of items) {
    for (const via of VIAS) {
      for (const currency of CURRENCIES) {
        const differenceAt = (at: number): [string, string] | undefined => {
          const b = outcomeAt(before, item, via, currency, at);
          const a = outcomeAt(after, item, via, currency, at);
          return a === b ? undefined : [b, a];
        };
        changes.push(...probedChanges('metered-changed', `${item} ${via} ${currency}`, probes, { differenceAt, parse: parseOutcome, delta: outcomeDelta }));
      }
    }
  }
  return changes;
}

/** Every instant at which either tariff's metered answers can change, ±1 ms, sorted. */
function meteredProbeInstants(before: Tariff, after: Tariff): number[] {
  const instants = new Set<number>();
  const add = (edge: number) => {
    if (Number.isFinite(edge))
      instants
        .add(edge - 1)
        .add(edge)
        .add(edge + 1);
  };
  for (const tariff of [before, after]) {
    for (const entry of tariff.meteredItems.values()) {
      if (entry.unpriced !== undefined) add(entry.unpriced.sinceMs);
      for (const via of VIAS) {
        for (const period of entry.timelines[via]) {
          add(period.fromMs);
          add(period.toMs);
          if (period.startConfidence !== undefined) {
            add(period.fromMs - UNCERTAIN_CUTOVER_MS);
            add(period.fromMs + UNCERTAIN_CUTOVER_MS);
          }
          for (const discount of period.discounts) {
            add(discount.fromMs);
            add(discount.toMs);
          }
        }
      }
    }
  }
  return [...instants].sort((a, b) => a - b);
}

/** The outcome as one string (fields joined by \u0000), or the code of the error where there is no price. */
function outcomeAt(tariff: Tariff, name: string, via: MeteredVia, currency: Currency, at: number): string {
  const entry = tariff.meteredItems.get(name as MeteredItem);
  // The errors are named without throwing (a thrown error costs ~10x a quote), in resolveMeteredPrice's order of checks.
  if (entry === undefined) return 'UNKNOWN_METERED_ITEM';
  const period = periodAt(entry, via, at);
  if (period === undefined) return entry.unpriced !== undefined && at >= entry.unpriced.sinceMs ? 'UNPRICED_METERED_ITEM' : 'METERED_ITEM_NOT_AVAILABLE';
  const discount = period.discounts.find((d) => at >= d.fromMs && at < d.toMs);
  if ((discount ?? period).prices[currency] === undefined) return 'METERED_PRICE_NOT_PUBLISHED';
  const r = resolveMeteredPrice({ item: name, at, via, currency, tariff, acceptSecondaryPrices: true });
  const warnings = r.warnings.length === 0 ? 'none' : r.warnings.map((w) => w.code).join(',');
  return [
    r.period.id,
    r.provenance.discountId ?? 'none',
    `${r.price.price.toString()}/${r.price.unitSize}`,
    r.unit,
    r.provenance.confidence,
    String(r.provenance.published),
    warnings,
  ].join('\u0000');
}

function periodAt(entry: CompiledMeteredItem, via: MeteredVia, at: number): CompiledMeteredPeriod | undefined {
  return entry.timelines[via].find((p) => at >= p.fromMs && at < p.toMs);
}

function parseOutcome(text: string): Outcome {
  const parts = text.split('\u0000');
  if (parts.length === 1) return { error: text };
  return Object.fromEntries(FIELDS.map((field, i) => [field, parts[i] ?? '']));
}

function outcomeDelta(before: Outcome, after: Outcome): string {
  const describe = (o: Outcome) => (o.error !== undefined ? `no price (${o.error})` : `${o.price ?? '?'} (${o.period ?? '?'})`);
  if (before.error !== undefined || after.error !== undefined) return `${describe(before)} -> ${describe(after)}`;
  return Object.keys(before)
    .filter((k) => before[k] !== after[k])
    .map((k) => `${k} ${before[k] ?? '-'} -> ${after[k] ?? '-'}`)
    .join('; ');
}
