import { getBundledTariff } from '../getBundledTariff.ts';
import type { KnownPageConflict } from '../schema/tariffSchema.ts';
import type { Tariff } from '../tariff.ts';
import { toEpochMs } from '../toEpochMs.ts';
import { compareModel, comparePricingPage } from './comparePricingPage.ts';
import type { PageDifference } from './pageDifference.ts';
import type { PageWords, ParsedPricingPage, UnreadableTable } from './pricingPageTypes.ts';
import { InvalidArgumentError } from '../errors.ts';

/**
 * When the page was saved: one instant, or a range [from, to) for an undated copy.
 *
 * @example
 * ```ts
 * const when: PageCheckOptions = { from: '2026-09-10T04:00:00Z', to: '2026-10-17T00:00:00Z' };
 * ```
 */
export interface PageCheckOptions {
  readonly at?: Date | number | string;
  readonly from?: Date | number | string;
  /** Exclusive. */
  readonly to?: Date | number | string;
  readonly tariff?: Tariff;
}

/**
 * The outcome of {@link checkPricingPage}: `ok` only when nothing disagrees and every table was read.
 *
 * @example
 * ```ts
 * const result: PageCheck = checkPricingPage(parsePricingPage(text), { at: '2026-08-17T12:00:00Z' });
 * result.ok; // true when the page and the data agree
 * ```
 */
export interface PageCheck {
  readonly ok: boolean;
  readonly differences: readonly PageDifference[];
  /** Disagreements the data documents under `knownPageConflicts`: reported, not failing. */
  readonly knownConflicts: readonly PageDifference[];
  readonly unreadable: readonly UnreadableTable[];
  readonly notCompared: readonly PageWords[];
  /** The instants compared, ISO. */
  readonly comparedAt: readonly string[];
}

/**
 * Checks a parsed pricing page against the price data. A dated page is compared at its instant; an
 * undated one over [from, to): at both ends, at every instant inside where the data changes (and
 * the millisecond before), and at the midpoints between them. An announced table is compared at
 * its effective instant, where the data must also start a period exactly; the free-tool-call
 * sentence is checked at the instant billing starts. Disagreements the data documents under
 * `knownPageConflicts` (same path, page words containing `pageSays`) are reported as known.
 *
 * @example
 * ```ts
 * import { checkPricingPage, parsePricingPage } from '@seekcost/pricing/pricingPage';
 * const page = parsePricingPage([
 *   '| MODEL | deepseek-v4-pro |',
 *   '| MODEL VERSION | DeepSeek-V4-Pro |',
 *   '| CONTEXT LENGTH | 1M |',
 *   '| MAX OUTPUT | MAXIMUM: 384K |',
 *   '| PRICING | 1M INPUT TOKENS (CACHE HIT) | $0.003625 |',
 *   '| 1M INPUT TOKENS (CACHE MISS) | $0.435 |',
 *   '| 1M OUTPUT TOKENS | $0.87 |',
 * ].join('\n'));
 * checkPricingPage(page, { at: '2026-08-02T00:00:00Z' }).ok; // => true
 * const later = checkPricingPage(page, { from: '2026-08-02T00:00:00Z', to: '2026-08-20T00:00:00Z' });
 * // The first disagreement in the range: the version became DeepSeek-V4-Pro-0813 on 2026-08-13.
 * [later.ok, later.differences[0]?.at]; // => [false, '2026-08-13T00:00:00.000Z']
 * ```
 */
export function checkPricingPage(page: ParsedPricingPage, options: PageCheckOptions): PageCheck {
  const tariff = options.tariff ?? getBundledTariff();
  const probes = probeInstants(tariff, options);
  const found: PageDifference[] = [];
  const seen = new Set<string>();
  const add = (atMs: number, items: readonly Omit<PageDifference, 'at' | 'known'>[]): void => {
    for (const d of items) {
      const key = `${d.path}\u0000${d.pageSays}\u0000${d.dataSays}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({ ...d, at: new Date(atMs).toISOString(), known: knownConflict(tariff.document.knownPageConflicts ?? [], d) });
    }
  };
  for (const atMs of probes) add(atMs, comparePricingPage(page, atMs, tariff));
  for (const change of page.scheduled) {
    const at = change.effectiveAtMs;
    for (const model of change.models) {
      add(at, compareModel(model, change.peakHours, at, tariff, false));
      const period = tariff.ids
        .get(model.id)
        ?.routes.find((r) => r.fromMs <= at && at < r.toMs)
        ?.model.periods.find((p) => p.fromMs <= at && at < p.toMs);
      if (period !== undefined && period.fromMs !== at)
        add(at, [
          {
            path: `models.${period.modelId}.periods[${period.id}].from`,
            pageSays: change.words,
            line: change.line,
            dataSays: new Date(period.fromMs).toISOString(),
          },
        ]);
    }
  }
  const free = page.toolCallBilling;
  if (free !== undefined) {
    for (const name of free.items) {
      const period = tariff.meteredItems.get(name)?.timelines['tool-call'].find((p) => p.fromMs <= free.billedFromMs && free.billedFromMs < p.toMs);
      const billed = period !== undefined && period.fromMs === free.billedFromMs && Object.values(period.prices).some((p) => !p.price.isZero());
      if (!billed)
        add(free.billedFromMs, [
          {
            path: `meteredItems.${name}`,
            pageSays: free.words,
            line: free.line,
            dataSays: period === undefined ? 'no tool-call price' : `period ${period.id} from ${new Date(period.fromMs).toISOString()}`,
          },
        ]);
    }
  }
  const differences = found.filter((d) => d.known === undefined);
  return {
    ok: differences.length === 0 && page.unreadable.length === 0,
    differences,
    knownConflicts: found.filter((d) => d.known !== undefined),
    unreadable: page.unreadable,
    notCompared: page.notCompared,
    comparedAt: probes.map((ms) => new Date(ms).toISOString()),
  };
}

function knownConflict(conflicts: readonly KnownPageConflict[], d: Omit<PageDifference, 'at' | 'known'>): PageDifference['known'] {
  const match = conflicts.find((c) => c.path === d.path && d.pageSays.includes(c.pageSays));
  return match === undefined ? undefined : { note: match.note, source: match.source };
}

function probeInstants(tariff: Tariff, options: PageCheckOptions): number[] {
  if (options.at !== undefined) {
    if (options.from !== undefined || options.to !== undefined) throw new InvalidArgumentError('at', 'give either at or from and to, not both');
    return [toEpochMs(options.at, 'at')];
  }
  if (options.from === undefined || options.to === undefined) throw new InvalidArgumentError('from', 'give at, or both from and to');
  const from = toEpochMs(options.from, 'from');
  const to = toEpochMs(options.to, 'to');
  if (to <= from) throw new InvalidArgumentError('to', `must be after from (${new Date(from).toISOString()}), got ${new Date(to).toISOString()}`);
  const edges = new Set<number>([from, to - 1]);
  const consider = (ms: number): void => {
    if (ms > from && ms < to) edges.add(ms).add(ms - 1);
  };
  for (const model of tariff.models.values()) {
    for (const p of model.periods) [p.fromMs, p.toMs].forEach(consider);
    for (const v of model.versions) consider(Date.parse(`${v.firstSeen}T00:00:00Z`));
  }
  for (const id of tariff.ids.values()) for (const r of id.routes) [r.fromMs, r.toMs].forEach(consider);
  for (const item of tariff.meteredItems.values())
    for (const timeline of Object.values(item.timelines)) for (const p of timeline) [p.fromMs, p.toMs].forEach(consider);
  const sorted = [...edges].sort((a, b) => a - b);
  const probes = [...sorted];
  for (let i = 1; i < sorted.length; i++) probes.push(Math.floor(((sorted[i - 1] as number) + (sorted[i] as number)) / 2));
  return [...new Set(probes)].sort((a, b) => a - b);
}
