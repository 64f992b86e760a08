/**
 * One difference between two versions of the price data, as {@link diffTariffs} reports it.
 *
 * - `quote-changed`: what the tariffs quote differs (price, tier, period, route, confidence,
 *   warnings, limits, or a price where there was none); `instants` says where.
 * - `metered-changed`: a per-call price quoted differs (search, fetch, OCR pages, TTS characters,
 *   ASR; subject `item via currency`): price, period, discount, confidence, publication, warnings,
 *   or a price where there was none; `instants` says where.
 * - `field-changed`: a field that shapes no price changed (a source, a checked date, a note, a
 *   confidence, a limit, a holiday's name...): provenance.
 * - the other kinds summarise a change of the price data's structure for people.
 *
 * @example
 * ```ts
 * import type { TariffChange } from '@seekcost/pricing';
 * const change: TariffChange = { kind: 'period-ended', subject: 'deepseek-flash/2026-09-10', before: null, after: '2026-12-01T00:00Z', summary: 'deepseek-flash/2026-09-10: ended at 2026-12-01T00:00Z (was open)' };
 * change.kind; // 'period-ended'
 * ```
 */
export interface TariffChange {
  readonly kind:
    | 'period-added'
    | 'period-removed'
    | 'period-ended'
    | 'period-reopened'
    | 'period-moved'
    | 'repriced'
    | 'tiers-changed'
    | 'id-added'
    | 'id-removed'
    | 'id-changed'
    | 'calendar-added'
    | 'calendar-removed'
    | 'calendar-changed'
    | 'model-added'
    | 'model-removed'
    | 'field-changed'
    | 'quote-changed'
    | 'metered-changed';
  /** What changed: a period id, a model id, a calendar id, a field path, `id currency` for quotes, or `item via currency` for per-call prices. */
  readonly subject: string;
  readonly before: unknown;
  readonly after: unknown;
  /** For `quote-changed` and `metered-changed`: the first and last probed instant with this difference, and how many. */
  readonly instants?: { readonly first: string; readonly last: string; readonly count: number };
  /** One line for people. */
  readonly summary: string;
}
