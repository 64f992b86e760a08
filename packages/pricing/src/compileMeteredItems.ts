import { Decimal } from './decimal.ts';
import { PriceDataError, type PriceDataIssue } from './errors.ts';
import type { Currency, MeteredItem, MeteredPriceDocument, MeteredVia, SourceRef, TariffDocument } from './schema/tariffSchema.ts';
import type { CompiledMeteredItem, CompiledMeteredPeriod, CompiledMeteredPrice } from './tariff.ts';

const VIAS: readonly MeteredVia[] = ['tool-call', 'api'];
type MeteredPrices = { readonly USD?: MeteredPriceDocument | undefined; readonly CNY?: MeteredPriceDocument | undefined };

/**
 * Compiles the metered items of a document already known to match the schema: one ordered timeline
 * of periods per way of calling an item (a period without `via` belongs to both), each checked for
 * gaps and overlaps like token periods. Problems are pushed to `issues`, never thrown here.
 *
 * @example
 * ```ts
 * // Internal: compileTariff calls it.
 * import { deepseekTariffDocument } from '@seekcost/pricing';
 * import { compileMeteredItems } from './compileMeteredItems.ts';
 * const issues = [];
 * compileMeteredItems(deepseekTariffDocument, issues).get('search')?.timelines['tool-call'].length; // => 2
 * ```
 */
export function compileMeteredItems(doc: Pick<TariffDocument, 'meteredItems'>, issues: PriceDataIssue[]): ReadonlyMap<MeteredItem, CompiledMeteredItem> {
  const items = new Map<MeteredItem, CompiledMeteredItem>();
  const periodIds = new Set<string>();
  // `?? {}`: a format-1 document handed straight to buildTariff has no metered items.
  for (const [key, entry] of Object.entries(doc.meteredItems ?? {})) {
    if (entry === undefined) continue;
    const item = key as MeteredItem;
    const at = `meteredItems.${item}`;
    if (entry.periods.length > 0 && (entry.unit === undefined || entry.unitSize === undefined)) {
      issues.push({ path: `${at}.unitSize`, reason: 'an item with prices needs a unit and a unitSize' });
    }
    if (entry.periods.length === 0 && entry.unpriced === undefined) {
      issues.push({ path: `${at}.periods`, reason: "has no periods: give it prices, or mark it 'unpriced' with a source" });
    }
    const unitSize = entry.unitSize ?? 1;
    const compiled: CompiledMeteredPeriod[] = entry.periods.map((p, i) => {
      const path = `${at}.periods.${i}`;
      if (periodIds.has(p.id)) issues.push({ path: `${path}.id`, reason: `duplicate period id '${p.id}'` });
      periodIds.add(p.id);
      const fromMs = Date.parse(p.from);
      const toMs = p.to === null ? Infinity : Date.parse(p.to);
      if (!(toMs > fromMs)) issues.push({ path: `${path}.to`, reason: `must be after from (${p.from})` });
      if (Object.keys(p.prices).length === 0) issues.push({ path: `${path}.prices`, reason: 'publishes no currency' });
      const prices = compilePrices(item, p.prices, unitSize, undefined);
      let previousEnd = fromMs;
      const discounts = (p.discounts ?? []).map((d, j) => {
        const dFrom = Date.parse(d.from);
        const dTo = d.to === null ? Infinity : Date.parse(d.to);
        if (!(dTo > dFrom)) issues.push({ path: `${path}.discounts.${j}.to`, reason: `must be after from (${d.from})` });
        if (dFrom < previousEnd || dTo > toMs)
          issues.push({ path: `${path}.discounts.${j}.from`, reason: 'must lie inside its period, after the previous discount' });
        previousEnd = dTo;
        for (const currency of Object.keys(d.prices)) {
          if (!(currency in p.prices))
            issues.push({ path: `${path}.discounts.${j}.prices.${currency}`, reason: 'discounts a currency the period does not price' });
        }
        return Object.freeze({
          id: d.id,
          fromMs: dFrom,
          toMs: dTo,
          prices: Object.freeze({ ...prices, ...compilePrices(item, d.prices, unitSize, d.id) }),
          source: d.source,
          confidence: d.confidence,
        });
      });
      return Object.freeze({
        id: p.id,
        item,
        fromMs,
        toMs,
        startConfidence: p.startConfidence,
        prices,
        discounts: Object.freeze(discounts),
        pendingDiscount: p.pendingDiscount,
        source: p.source,
        confidence: p.confidence,
        note: p.note,
      });
    });
    const timelines = {} as Record<MeteredVia, readonly CompiledMeteredPeriod[]>;
    for (const via of VIAS) {
      const timeline: CompiledMeteredPeriod[] = [];
      entry.periods.forEach((p, i) => {
        if (p.via !== undefined && p.via !== via) return;
        const period = compiled[i] as CompiledMeteredPeriod;
        const previous = timeline[timeline.length - 1];
        if (previous !== undefined) {
          const path = `${at}.periods.${i}.from`;
          if (previous.toMs === Infinity) issues.push({ path, reason: `follows the open period '${previous.id}' for ${via} calls` });
          else if (period.fromMs > previous.toMs)
            issues.push({ path, reason: `leaves a gap for ${via} calls after '${previous.id}', which ends at ${new Date(previous.toMs).toISOString()}` });
          else if (period.fromMs < previous.toMs)
            issues.push({ path, reason: `overlaps '${previous.id}' for ${via} calls, which ends at ${new Date(previous.toMs).toISOString()}` });
        }
        timeline.push(period);
      });
      timelines[via] = Object.freeze(timeline);
    }
    const unpriced =
      entry.unpriced === undefined
        ? undefined
        : Object.freeze({ sinceMs: Date.parse(entry.unpriced.since), source: entry.unpriced.source as SourceRef, note: entry.unpriced.note });
    items.set(
      item,
      Object.freeze({ item, displayName: entry.displayName, unit: entry.unit, unitSize: entry.unitSize, timelines: Object.freeze(timelines), unpriced }),
    );
  }
  return items;
}

function compilePrices(
  item: MeteredItem,
  prices: MeteredPrices,
  unitSize: number,
  discountId: string | undefined,
): Partial<Record<Currency, CompiledMeteredPrice>> {
  const compiled: Partial<Record<Currency, CompiledMeteredPrice>> = {};
  for (const currency of ['USD', 'CNY'] as const) {
    const p = prices[currency];
    if (p === undefined) continue;
    const confidence = p.confidence ?? 'official';
    // "1.5" per 1000 -> units 15, exponent 1 + 3: string arithmetic, exact.
    const [whole = '0', fraction = ''] = p.price.split('.');
    const units = Number(whole + fraction);
    if (!Number.isSafeInteger(units))
      throw new PriceDataError([{ path: `meteredItems.${item}`, reason: `price ${p.price} has too many digits to price exactly` }]);
    const exponent = fraction.length + Math.round(Math.log10(unitSize));
    compiled[currency] = Object.freeze({
      item,
      currency,
      price: new Decimal(p.price),
      unitSize,
      units,
      exponent,
      confidence,
      secondaryOnly: confidence !== 'official',
      note: p.note,
      discountId,
    });
  }
  return compiled;
}
