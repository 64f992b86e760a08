import { SeekcostError } from '../errors.ts';
import { epochDayOf } from '../epochDayOf.ts';
import { resolveModel } from '../resolveModel.ts';
import { DAY_MINUTES, DAY_MS } from '../rules.ts';
import type { CompiledCondition, CompiledModel, CompiledPeriod, Tariff } from '../tariff.ts';
import { zoneOffsetMinutes } from '../zonedTime.ts';
import type { PageDifference } from './pageDifference.ts';
import type { PageModel, PagePeakHours, ParsedPricingPage } from './pricingPageTypes.ts';

type Found = Omit<PageDifference, 'at' | 'known'>;

/**
 * What a parsed page says that the data does not, at one instant: versions, limits, per-token
 * prices by tier and currency, the peak-hours windows and day rule, per-call prices, the
 * free-tool-call rule and legacy-id routes. Announced tables are compared at their own effective
 * instant by {@link checkPricingPage}, not here. Known conflicts are not applied here either.
 *
 * @example
 * ```ts
 * import { getBundledTariff } from '@seekcost/pricing';
 * import { comparePricingPage, parsePricingPage } from '@seekcost/pricing/pricingPage';
 * const page = parsePricingPage('| MODEL | deepseek-v4-pro |\n| PRICING | 1M OUTPUT TOKENS | $0.87 |');
 * comparePricingPage(page, Date.parse('2026-08-01T00:00:00Z'), getBundledTariff()).length; // => 0
 * comparePricingPage(page, Date.parse('2026-08-20T00:00:00Z'), getBundledTariff())[0]?.dataSays; // => 'no standard tier (tiers: peak, off-peak)'
 * ```
 */
export function comparePricingPage(page: ParsedPricingPage, atMs: number, tariff: Tariff): Found[] {
  const found: Found[] = [];
  for (const model of page.models) found.push(...compareModel(model, page.peakHours, atMs, tariff, true));
  for (const row of page.metered) {
    const item = tariff.meteredItems.get(row.item);
    for (const via of row.via) {
      const path = `meteredItems.${row.item}`;
      const period = item?.timelines[via].find((p) => p.fromMs <= atMs && atMs < p.toMs);
      const price = period?.prices[row.currency];
      if (item === undefined || period === undefined || price === undefined) {
        found.push({ path, pageSays: row.words, line: row.line, dataSays: `no ${row.currency} price via ${via} at this instant` });
        continue;
      }
      const at = `${path}.periods[${period.id}].prices.${row.currency}`;
      if (!price.price.eq(row.amount))
        found.push({ path: `${at}.price`, pageSays: row.words, line: row.line, dataSays: `${price.price.toString()} (via ${via})` });
      if (price.unitSize !== row.unitSize) found.push({ path: `${path}.unitSize`, pageSays: row.words, line: row.line, dataSays: String(price.unitSize) });
      if (row.discountAmount !== undefined) {
        const discount = period.discounts.find((d) => d.fromMs <= atMs && atMs < d.toMs)?.prices[row.currency];
        if (discount === undefined || !discount.price.eq(row.discountAmount))
          found.push({
            path: `${path}.periods[${period.id}].discounts`,
            pageSays: row.words,
            line: row.line,
            dataSays: discount?.price.toString() ?? 'no discount in force',
          });
      }
    }
  }
  const free = page.toolCallBilling;
  if (free !== undefined && atMs < free.billedFromMs) {
    for (const name of free.items) {
      const period = tariff.meteredItems.get(name)?.timelines['tool-call'].find((p) => p.fromMs <= atMs && atMs < p.toMs);
      const priced = Object.values(period?.prices ?? {}).filter((p) => !p.price.isZero());
      if (period === undefined || priced.length > 0)
        found.push({
          path: `meteredItems.${name}${period === undefined ? '' : `.periods[${period.id}]`}`,
          pageSays: free.words,
          line: free.line,
          dataSays:
            period === undefined
              ? 'no tool-call price at this instant'
              : `tool calls billed ${priced.map((p) => `${p.currency} ${p.price.toString()}`).join(', ')}`,
        });
    }
  }
  for (const alias of page.aliases) {
    for (const id of alias.ids) {
      const billedAs = tryResolve(tariff, id, atMs);
      if (typeof billedAs === 'string' || billedAs.model.id !== alias.target)
        found.push({
          path: `ids.${id}.routes`,
          pageSays: alias.words,
          line: alias.line,
          dataSays: typeof billedAs === 'string' ? billedAs : `billed as ${billedAs.model.id}`,
        });
    }
  }
  return found;
}

/**
 * One model column (or announced row) against the period the data bills at `atMs`.
 *
 * @example
 * ```ts
 * import { compareModel, getBundledTariff } from '@seekcost/pricing';
 * import { parsePricingPage } from '@seekcost/pricing/pricingPage';
 * const [pro] = parsePricingPage('| MODEL | deepseek-v4-pro |\n| PRICING | 1M OUTPUT TOKENS | $0.87 |').models;
 * compareModel(pro!, undefined, Date.parse('2026-08-01T00:00:00Z'), getBundledTariff(), true); // => []
 * ```
 */
export function compareModel(model: PageModel, peakHours: PagePeakHours | undefined, atMs: number, tariff: Tariff, withVersion: boolean): Found[] {
  const found: Found[] = [];
  const resolved = tryResolve(tariff, model.id, atMs);
  if (typeof resolved === 'string')
    return [{ path: `ids.${model.id}`, pageSays: model.prices[0]?.words ?? model.id, line: model.prices[0]?.line ?? 0, dataSays: resolved }];
  const { period } = resolved;
  const base = `models.${resolved.model.id}.periods[${period.id}]`;
  if (withVersion && model.version !== undefined) {
    const own = resolved.model.id === model.id;
    const version = versionAt(resolved.model, atMs);
    if (!own || version !== model.version.value) {
      found.push({
        path: own ? `models.${model.id}.versions` : `ids.${model.id}`,
        pageSays: model.version.words,
        line: model.version.line,
        dataSays: own ? (version ?? 'no version') : `no version kept for this id; billed as ${resolved.model.id} (${version ?? 'no version'})`,
      });
    }
  }
  for (const [field, seen] of [
    ['contextTokens', model.contextTokens],
    ['maxOutputTokens', model.maxOutputTokens],
  ] as const) {
    if (seen !== undefined && period.limits[field] !== seen.value)
      found.push({ path: `${base}.limits.${field}`, pageSays: seen.words, line: seen.line, dataSays: String(period.limits[field]) });
  }
  for (const price of model.prices) {
    const tier =
      price.tier === 'standard'
        ? period.tiers.length === 1 && period.tiers[0]?.condition === undefined
          ? period.tiers[0]
          : undefined
        : period.tiers.find((t) => t.name === price.tier);
    const rates = tier?.prices[price.currency];
    const path = `${base}.tiers.${price.tier}.prices.${price.currency}.${price.kind}`;
    if (rates === undefined)
      found.push({
        path,
        pageSays: price.words,
        line: price.line,
        dataSays: tier === undefined ? `no ${price.tier} tier (tiers: ${period.tiers.map((t) => t.name).join(', ')})` : `no ${price.currency} price`,
      });
    else if (!rates[price.kind].eq(price.amount)) found.push({ path, pageSays: price.words, line: price.line, dataSays: rates[price.kind].toString() });
  }
  if (peakHours !== undefined && model.prices.some((p) => p.tier === 'peak')) found.push(...comparePeakHours(peakHours, period, base));
  return found;
}

function comparePeakHours(peak: PagePeakHours, period: CompiledPeriod, base: string): Found[] {
  const tier = period.tiers.find((t) => t.name === 'peak');
  const off = period.tiers.find((t) => t.name === 'off-peak');
  const at = { pageSays: peak.words, line: peak.line };
  if (tier?.condition === undefined) return [{ path: `${base}.tiers`, ...at, dataSays: 'no peak tier with hours' }];
  const found: Found[] = [];
  const condition = tier.condition;
  const windows = utcWindows(condition, period.fromMs);
  if (JSON.stringify(windows) !== JSON.stringify([...peak.windowsUtc].sort((a, b) => a[0] - b[0])))
    found.push({ path: `${base}.tiers.peak.when.windows`, ...at, dataSays: windows.map(([s, e]) => `${clock(s)}-${clock(e)} UTC`).join(', ') });
  const days =
    condition.weekdays === undefined
      ? 'every-day'
      : [...condition.weekdays.days].sort().join(',') === '1,2,3,4,5'
        ? 'monday-to-friday'
        : [...condition.weekdays.days].join(',');
  if (days !== peak.days) found.push({ path: `${base}.tiers.peak.when.weekdays`, ...at, dataSays: days });
  if ((condition.exceptCalendar !== undefined) !== peak.excludesHolidays)
    found.push({ path: `${base}.tiers.peak.when.exceptDates`, ...at, dataSays: condition.exceptCalendar?.id ?? 'no holiday exclusion' });
  if (peak.offPeakIsHalf) {
    for (const [currency, rates] of Object.entries(tier.prices)) {
      const offRates = off?.prices[currency as keyof typeof tier.prices];
      for (const kind of ['cacheHit', 'cacheMiss', 'output'] as const) {
        if (offRates === undefined || !offRates[kind].times(2).eq(rates[kind]))
          found.push({
            path: `${base}.tiers.off-peak.prices.${currency}.${kind}`,
            ...at,
            dataSays: `${offRates?.[kind].toString() ?? 'none'} (peak ${rates[kind].toString()}: not half)`,
          });
      }
    }
  }
  return found;
}

function utcWindows(condition: CompiledCondition, atMs: number): [number, number][] {
  const shift = condition.timeZone === 'UTC' ? 0 : zoneOffsetMinutes(atMs, condition.timeZone);
  const norm = (m: number): number => (((m - shift) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  return condition.windows.map(([s, e]): [number, number] => [norm(s), norm(e)]).sort((a, b) => a[0] - b[0]);
}

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

function versionAt(model: CompiledModel, atMs: number): string | undefined {
  let name: string | undefined;
  for (const v of model.versions) if (epochDayOf(v.firstSeen) * DAY_MS <= atMs) name = v.name;
  return name;
}

function tryResolve(tariff: Tariff, id: string, atMs: number): ReturnType<typeof resolveModel> | string {
  try {
    return resolveModel(tariff, id, atMs);
  } catch (error) {
    if (error instanceof SeekcostError) return error.message;
    throw error;
  }
}
