import { weakerConfidence } from '../confidence.ts';
import { InvalidArgumentError } from '../errors.ts';
import { getBundledTariff } from '../getBundledTariff.ts';
import type { Confidence, Currency, Mode, TierName } from '../schema/tariffSchema.ts';
import type { CompiledPeriod, CompiledRates, Tariff } from '../tariff.ts';
import { toEpochMs } from '../toEpochMs.ts';
import { isoDateOfEpochDay, zoneOffsetMinutes } from '../zonedTime.ts';
import { DAY_MS } from '../rules.ts';
import { tariffMeteredRows, type TariffMeteredRow } from './tariffMeteredRows.ts';

// Open periods are checked for offset changes this far ahead (the flat table needs fixed offsets).
const OPEN_CHECK_MS = 5 * 366 * DAY_MS;

/**
 * One row of the flat tariff: for a model id as sent, over [validFrom, validTo), one tier's prices in
 * one currency, under one window of its condition (a tier with two windows has two rows). The
 * default tier (`isDefault`) applies when no conditional tier of the same period does; `tierRank`
 * orders them (lowest that holds wins). Time zones are stored as fixed UTC offsets so any SQL engine
 * can evaluate the condition without time-zone support.
 *
 * @example
 * ```ts
 * const row: TariffTableRow | undefined = tariffTable({ model: 'deepseek-v4-pro', currency: 'USD' }).rows.at(-1);
 * row?.tier; // 'off-peak' (the default tier of the open period)
 * ```
 */
export interface TariffTableRow {
  /** The id as sent to the API (aliases such as `deepseek-chat` get their own rows). */
  readonly model: string;
  readonly resolvedModel: string;
  readonly mode: Mode | null;
  readonly periodId: string;
  /** ISO-8601 UTC, inclusive. */
  readonly validFrom: string;
  /** ISO-8601 UTC, exclusive; null while open. */
  readonly validTo: string | null;
  readonly tier: TierName;
  readonly tierRank: number;
  readonly isDefault: boolean;
  /** Minutes after local midnight, [start, end); end <= start wraps past midnight. */
  readonly windowStartMinute: number | null;
  readonly windowEndMinute: number | null;
  readonly windowTimeZone: string | null;
  readonly windowOffsetMinutes: number | null;
  /** ISO weekdays (1 = Monday) on which the tier applies, e.g. `1,2,3,4,5`. */
  readonly weekdays: string | null;
  /** The same as a bit mask: bit d-1 set for weekday d. */
  readonly weekdayMask: number | null;
  readonly weekdayTimeZone: string | null;
  readonly weekdayOffsetMinutes: number | null;
  /** Id of the holiday list on whose dates the tier does not apply. */
  readonly holidayCalendar: string | null;
  readonly holidayOffsetMinutes: number | null;
  readonly currency: Currency;
  /** Per 1M tokens, as decimal strings. */
  readonly cacheHitPrice: string;
  readonly cacheMissPrice: string;
  readonly outputPrice: string;
  /** The same prices as integers in 10^-scale currency per 1M tokens. */
  readonly cacheHitUnits: number;
  readonly cacheMissUnits: number;
  readonly outputUnits: number;
  readonly scale: number;
  readonly source: string;
  readonly confidence: Confidence;
}

/**
 * One day of a holiday list.
 *
 * @example
 * ```ts
 * const day: HolidayRow = { calendar: 'cn-public-holidays', day: '2026-10-01', name: 'National Day' };
 * ```
 */
export interface HolidayRow {
  readonly calendar: string;
  /** Local date, `YYYY-MM-DD`. */
  readonly day: string;
  readonly name: string;
}

/**
 * The flat tariff and its holiday lists, ready for CSV, JSON or SQL.
 *
 * @example
 * ```ts
 * const table: TariffTable = tariffTable();
 * table.scale; // 6: unit prices are integers in 10^-6 per 1M tokens
 * ```
 */
export interface TariffTable {
  readonly rows: readonly TariffTableRow[];
  /** Per-call prices (search, fetch, OCR pages, TTS characters); absent in tables built by hand. */
  readonly metered?: readonly TariffMeteredRow[];
  readonly holidays: readonly HolidayRow[];
  /** Each holiday list's coverage: dates outside it are not known to be working days or holidays. */
  readonly calendars: readonly { readonly id: string; readonly timeZone: string; readonly coversFrom: string; readonly coversTo: string }[];
  readonly scale: number;
  readonly checked: string;
}

/**
 * Options of {@link tariffTable}.
 *
 * @example
 * ```ts
 * const options: TariffTableOptions = { model: 'deepseek-chat', currency: 'CNY', from: '2025-01-01T00:00:00Z' };
 * ```
 */
export interface TariffTableOptions {
  /** Only this model id (as sent). */
  readonly model?: string;
  /** Only rows in force at some instant of [from, to). */
  readonly from?: Date | number | string;
  readonly to?: Date | number | string;
  /** Only this currency (default: every currency published). */
  readonly currency?: Currency;
  readonly tariff?: Tariff;
}

/**
 * The price data as a flat table a warehouse can join usage to: one row per model id as sent, period
 * (clipped to the alias route and retirement), tier, window and currency, plus the holiday lists.
 * Rows of one id and currency tile time exactly as `resolvePrice` does, so SQL over them prices like
 * the library (see {@link warehouseSql}). Throws {@link InvalidArgumentError} if a condition's time
 * zone changes its UTC offset while the row is in force (the table stores fixed offsets; DeepSeek's
 * zones, UTC and Asia/Shanghai, never change).
 *
 * @example
 * ```ts
 * import { tariffTable } from '@seekcost/pricing/warehouse';
 *
 * const table = tariffTable({ model: 'deepseek-v4-pro', currency: 'USD', from: '2026-09-01T00:00:00Z', to: '2026-09-02T00:00:00Z' });
 * table.rows.map((r) => `${r.tier} ${r.windowStartMinute}-${r.windowEndMinute} ${r.outputPrice}`);
 * // => ['peak 60-240 3.96', 'peak 360-600 3.96', 'off-peak null-null 1.98']
 * ```
 */
export function tariffTable(options: TariffTableOptions = {}): TariffTable {
  const tariff = options.tariff ?? getBundledTariff();
  const fromMs = options.from === undefined ? -Infinity : toEpochMs(options.from, 'from');
  const toMs = options.to === undefined ? Infinity : toEpochMs(options.to, 'to');
  if (!(toMs > fromMs)) throw new InvalidArgumentError('to', 'must be after from');
  if (options.model !== undefined && !tariff.ids.has(options.model))
    throw new InvalidArgumentError('model', `'${options.model}' is not a model id in the price data`);
  const rows: TariffTableRow[] = [];
  const ids = [...tariff.ids.values()].filter((id) => options.model === undefined || id.id === options.model).sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const id of ids) {
    for (const route of id.routes) {
      for (const period of route.model.periods) {
        const start = Math.max(route.fromMs, period.fromMs);
        const end = Math.min(route.toMs, period.toMs);
        if (!(end > start) || end <= fromMs || start >= toMs) continue;
        const base = {
          model: id.id,
          resolvedModel: route.model.id,
          mode: route.mode ?? null,
          periodId: period.id,
          validFrom: new Date(start).toISOString(),
          validTo: end === Infinity ? null : new Date(end).toISOString(),
          source: period.source.url,
        };
        period.tiers.forEach((tier, rank) => {
          for (const currency of tariff.currencies) {
            const rates = tier.prices[currency];
            if (rates === undefined || (options.currency !== undefined && currency !== options.currency)) continue;
            const priced = {
              ...base,
              tier: tier.name,
              tierRank: rank,
              currency,
              ...prices(rates, tariff.scale),
              confidence: weakerConfidence(weakerConfidence(period.confidence, rates.confidence), route.confidence),
            };
            const condition = tier.condition;
            if (condition === undefined) {
              rows.push({ ...priced, isDefault: true, ...NO_CONDITION });
              continue;
            }
            const windowOffset = fixedOffset(condition.timeZone, start, end, period);
            const weekdays = condition.weekdays;
            const calendar = condition.exceptCalendar;
            for (const [windowStart, windowEnd] of condition.windows) {
              rows.push({
                ...priced,
                isDefault: false,
                windowStartMinute: windowStart,
                windowEndMinute: windowEnd,
                windowTimeZone: condition.timeZone,
                windowOffsetMinutes: windowOffset,
                weekdays: weekdays === undefined ? null : [...weekdays.days].sort().join(','),
                weekdayMask: weekdays === undefined ? null : [...weekdays.days].reduce((mask, d) => mask | (1 << (d - 1)), 0),
                weekdayTimeZone: weekdays?.timeZone ?? null,
                weekdayOffsetMinutes: weekdays === undefined ? null : fixedOffset(weekdays.timeZone, start, end, period),
                holidayCalendar: calendar?.id ?? null,
                holidayOffsetMinutes: calendar === undefined ? null : fixedOffset(calendar.timeZone, start, end, period),
              });
            }
          }
        });
      }
    }
  }
  const holidays: HolidayRow[] = [];
  const calendars = [];
  for (const [calendarId, calendar] of Object.entries(tariff.document.calendars)) {
    calendars.push({ id: calendarId, timeZone: calendar.timeZone, coversFrom: calendar.coversFrom, coversTo: calendar.coversTo });
    for (const range of calendar.dates) {
      const first = Date.parse(`${range.from}T00:00:00Z`) / DAY_MS;
      const last = Date.parse(`${range.to}T00:00:00Z`) / DAY_MS;
      for (let day = first; day <= last; day++) holidays.push({ calendar: calendarId, day: isoDateOfEpochDay(day), name: range.name });
    }
  }
  const metered = tariffMeteredRows(tariff, fromMs, toMs, options.currency);
  return { rows, metered, holidays, calendars, scale: tariff.scale, checked: tariff.checked };
}

const NO_CONDITION = {
  windowStartMinute: null,
  windowEndMinute: null,
  windowTimeZone: null,
  windowOffsetMinutes: null,
  weekdays: null,
  weekdayMask: null,
  weekdayTimeZone: null,
  weekdayOffsetMinutes: null,
  holidayCalendar: null,
  holidayOffsetMinutes: null,
} as const;

function prices(rates: CompiledRates, scale: number) {
  return {
    cacheHitPrice: rates.cacheHit.toFixed(),
    cacheMissPrice: rates.cacheMiss.toFixed(),
    outputPrice: rates.output.toFixed(),
    cacheHitUnits: rates.units.cacheHit,
    cacheMissUnits: rates.units.cacheMiss,
    outputUnits: rates.units.output,
    scale,
  };
}

function fixedOffset(timeZone: string, startMs: number, endMs: number, period: CompiledPeriod): number {
  const offset = zoneOffsetMinutes(startMs, timeZone);
  const last = Math.min(endMs, startMs + OPEN_CHECK_MS);
  for (let t = startMs; t < last; t += DAY_MS / 4) {
    if (zoneOffsetMinutes(t, timeZone) !== offset) {
      throw new InvalidArgumentError(
        'tariff',
        `${timeZone} changes its UTC offset during ${period.id}; the flat table stores fixed offsets and cannot express it`,
      );
    }
  }
  return offset;
}
