import { diffTariffDocuments } from './diffTariffDocuments.ts';
import { diffTariffMetered } from './diffTariffMetered.ts';
import { diffTariffQuotes } from './diffTariffQuotes.ts';
import type { TariffChange } from './diffTariffTypes.ts';
import type { Tariff } from './tariff.ts';

/**
 * Everything that changed between two versions of the price data, in three parts:
 *
 * 1. what the two compiled tariffs quote, compared on a dense grid: every id of either tariff in
 *    both currencies at every instant where either tariff's answer can change (period, route and
 *    retirement edges and cutover-warning bands ±1 ms; every window edge and local midnight of every
 *    weekday and holiday zone on every day of both tariffs' and the holiday lists' range, ±1 ms; a
 *    4-hourly grid): billed model and mode, period, tier, unit prices, confidence, warnings, limits, or
 *    the error where there is no price (`quote-changed`);
 * 2. the per-call prices quoted (search, fetch, OCR pages, TTS characters, ASR), each item, way of
 *    calling it and currency, on the grid of every metered period, discount and warning-band edge
 *    ±1 ms (`metered-changed`, see {@link diffTariffMetered});
 * 3. the documents' structure and provenance: periods, ids and calendars added, removed or moved,
 *    re-priced tiers, and every other field (sources, checked dates, notes, confidences, limits)
 *    with its path (`field-changed`).
 *
 * Empty exactly when the two documents are equal. A change of the holiday calendar's time zone
 * alone, for example, is both a `calendar-changed` and the `quote-changed` of each instant it
 * re-prices. Ids of any name (`constructor`, `__proto__`) are compared like any other.
 *
 * @example
 * ```ts
 * import { compileTariff, diffTariffs, getBundledTariff } from '@seekcost/pricing';
 * const before = getBundledTariff();
 * const doc = structuredClone(before.document);
 * doc.calendars['cn-public-holidays']!.timeZone = 'America/Los_Angeles';
 * const changes = diffTariffs(before, compileTariff(doc));
 * changes.some((c) => c.kind === 'quote-changed' && c.subject === 'deepseek-flash USD'); // => true
 * diffTariffs(before, before); // => []
 * ```
 */
export function diffTariffs(before: Tariff, after: Tariff): TariffChange[] {
  return [...diffTariffDocuments(before.document, after.document), ...diffTariffQuotes(before, after), ...diffTariffMetered(before, after)];
}
