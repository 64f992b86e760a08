import { compileMeteredItems } from './compileMeteredItems.ts';
import { Decimal } from './decimal.ts';
import { epochDayOf } from './epochDayOf.ts';
import { InvalidInstantError, PriceDataError, type PriceDataIssue } from './errors.ts';
import type { Currency, RatesDocument, TariffDocument } from './schema/tariffSchema.ts';
import type {
  CompiledCalendar,
  CompiledCondition,
  CompiledId,
  CompiledModel,
  CompiledPeriod,
  CompiledRates,
  CompiledRoute,
  CompiledTier,
  Tariff,
} from './tariff.ts';
import { DAY_MINUTES } from './rules.ts';
import { toEpochMs } from './toEpochMs.ts';

/**
 * Compiles a document already known to match the schema (the bundled data, checked when it was
 * generated) into a {@link Tariff}, running the integrity checks but not zod: this keeps zod out of
 * bundles that only use the bundled data. Use {@link compileTariff} for anything from outside.
 * `formatVersion` records the format the data was written in (compileTariff passes 1 for a format-1
 * file it upgraded in memory).
 *
 * @example
 * ```ts
 * // Internal: compileTariff is the public way in.
 * import { deepseekTariffDocument } from '@seekcost/pricing';
 * import { buildTariff } from './buildTariff.ts';
 * const tariff = buildTariff(deepseekTariffDocument);
 * tariff.checked === deepseekTariffDocument.checked; // => true
 * tariff.models.get('deepseek-v4-pro')?.periods.length; // => 6
 * ```
 */
export function buildTariff(doc: TariffDocument, formatVersion: 1 | 2 = doc.formatVersion): Tariff {
  const issues: PriceDataIssue[] = [];
  const scale = decimalScaleOf(doc);

  const calendars = new Map<string, CompiledCalendar>();
  for (const [id, cal] of Object.entries(doc.calendars)) {
    const at = `calendars.${id}`;
    const coversFromDay = strictly(() => epochDayOf(cal.coversFrom, `${at}.coversFrom`), issues) ?? 0;
    const coversToDay = strictly(() => epochDayOf(cal.coversTo, `${at}.coversTo`), issues) ?? 0;
    if (coversToDay < coversFromDay) issues.push({ path: `${at}.coversTo`, reason: 'is before coversFrom' });
    const days = new Set<number>();
    cal.dates.forEach((range, i) => {
      const from = strictly(() => epochDayOf(range.from, `${at}.dates.${i}.from`), issues);
      const to = strictly(() => epochDayOf(range.to, `${at}.dates.${i}.to`), issues);
      if (from === undefined || to === undefined) return;
      if (to < from) issues.push({ path: `${at}.dates.${i}.to`, reason: 'is before from' });
      if (from < coversFromDay || to > coversToDay) issues.push({ path: `${at}.dates.${i}`, reason: 'lies outside coversFrom..coversTo' });
      for (let d = from; d <= to; d++) days.add(d);
    });
    for (const [i, day] of (cal.makeUpWorkdays ?? []).entries()) strictly(() => epochDayOf(day, `${at}.makeUpWorkdays.${i}`), issues);
    calendars.set(id, Object.freeze({ id, timeZone: cal.timeZone, coversFromDay, coversToDay, days, source: cal.source, confidence: cal.confidence }));
  }

  const periodIds = new Set<string>();
  const models = new Map<string, CompiledModel>();
  const unreadModels = new Set<string>();
  for (const [modelId, model] of Object.entries(doc.models)) {
    const periods: CompiledPeriod[] = [];
    model.periods.forEach((p, i) => {
      const at = `models.${modelId}.periods.${i}`;
      const fromMs = strictly(() => toEpochMs(p.from, `${at}.from`), issues);
      const toMs = p.to === null ? Infinity : strictly(() => toEpochMs(p.to as string, `${at}.to`), issues);
      if (periodIds.has(p.id)) issues.push({ path: `${at}.id`, reason: `duplicate period id '${p.id}'` });
      periodIds.add(p.id);
      const tiers = compileTiers(p.tiers, at, scale, calendars, issues);
      // A boundary that is not a real instant is already an issue; checks against it would only add noise.
      if (fromMs === undefined || toMs === undefined) {
        unreadModels.add(modelId);
        return;
      }
      if (!(toMs > fromMs)) issues.push({ path: `${at}.to`, reason: `must be after from (${p.from})` });
      const previous = periods[periods.length - 1];
      if (previous !== undefined) {
        if (previous.toMs === Infinity) issues.push({ path: `models.${modelId}.periods.${i - 1}.to`, reason: 'an open period (to: null) must be the last' });
        else if (fromMs > previous.toMs)
          issues.push({ path: `${at}.from`, reason: `leaves a gap after the previous period, which ends at ${new Date(previous.toMs).toISOString()}` });
        else if (fromMs < previous.toMs)
          issues.push({ path: `${at}.from`, reason: `overlaps the previous period, which ends at ${new Date(previous.toMs).toISOString()}` });
      }
      periods.push(
        Object.freeze({
          id: p.id,
          modelId,
          fromMs,
          toMs,
          startConfidence: p.startConfidence,
          tiers,
          limits: Object.freeze({
            contextTokens: p.limits.contextTokens,
            maxOutputTokens: p.limits.maxOutputTokens,
            defaultOutputTokens: p.limits.defaultOutputTokens,
            maxReasoningTokens: p.limits.maxReasoningTokens,
            note: p.limits.note,
          }),
          source: p.source,
          confidence: p.confidence,
          note: p.note,
        }),
      );
    });
    const versions = Object.freeze((model.versions ?? []).map((v) => Object.freeze({ ...v })));
    models.set(
      modelId,
      Object.freeze({ id: modelId, displayName: model.displayName, generation: model.generation, periods: Object.freeze(periods), versions }),
    );
  }

  const ids = new Map<string, CompiledId>();
  let historyStartMs = Infinity;
  for (const [id, entry] of Object.entries(doc.ids)) {
    const routes: CompiledRoute[] = [];
    entry.routes.forEach((r, i) => {
      const at = `ids.${id}.routes.${i}`;
      const fromMs = strictly(() => toEpochMs(r.from, `${at}.from`), issues);
      const toMs = r.to === null ? Infinity : strictly(() => toEpochMs(r.to as string, `${at}.to`), issues);
      if (fromMs === undefined || toMs === undefined) return;
      historyStartMs = Math.min(historyStartMs, fromMs);
      if (!(toMs > fromMs)) issues.push({ path: `${at}.to`, reason: `must be after from (${r.from})` });
      const previous = routes[routes.length - 1];
      if (previous !== undefined && fromMs !== previous.toMs) {
        issues.push({
          path: `${at}.from`,
          reason: `must equal the previous route's end (${previous.toMs === Infinity ? 'open' : new Date(previous.toMs).toISOString()})`,
        });
      }
      const model = models.get(r.model);
      if (model === undefined) {
        issues.push({ path: `${at}.model`, reason: `'${r.model}' is not a model in this file` });
        return;
      }
      const first = model.periods[0];
      const last = model.periods[model.periods.length - 1];
      if (first !== undefined && last !== undefined && !unreadModels.has(r.model) && (fromMs < first.fromMs || toMs > last.toMs)) {
        issues.push({ path: at, reason: `routes to '${r.model}' outside the instants its periods price` });
      }
      routes.push(Object.freeze({ fromMs, toMs, model, mode: r.mode, source: r.source, confidence: r.confidence }));
    });
    const retiredAt = entry.retiredAt;
    const retiredAtMs = retiredAt === undefined ? undefined : strictly(() => toEpochMs(retiredAt, `ids.${id}.retiredAt`), issues);
    const lastRoute = routes[routes.length - 1];
    if (retiredAtMs !== undefined && lastRoute !== undefined && lastRoute.toMs !== retiredAtMs) {
      issues.push({ path: `ids.${id}.retiredAt`, reason: 'must equal the end of the last route' });
    }
    if (retiredAtMs !== undefined && entry.retirementSource === undefined) {
      issues.push({ path: `ids.${id}.retirementSource`, reason: 'a retirement needs a source' });
    }
    ids.set(id, Object.freeze({ id, routes: Object.freeze(routes), retiredAtMs, retirementSource: entry.retirementSource, note: entry.note }));
  }
  if (ids.size === 0) issues.push({ path: 'ids', reason: 'lists no model ids' });
  const meteredItems = compileMeteredItems(doc, issues);

  if (issues.length > 0) throw new PriceDataError(issues);
  return Object.freeze({
    document: doc,
    formatVersion,
    checked: doc.checked,
    currencies: Object.freeze([...doc.currencies]),
    scale: scale.digits,
    historyStartMs,
    models,
    ids,
    calendars,
    meteredItems,
    unappliedAnnouncements: Object.freeze([...(doc.unappliedAnnouncements ?? [])]),
  });
}

function compileTiers(
  tiers: TariffDocument['models'][string]['periods'][number]['tiers'],
  at: string,
  scale: Scale,
  calendars: ReadonlyMap<string, CompiledCalendar>,
  issues: PriceDataIssue[],
): readonly CompiledTier[] {
  const compiled: CompiledTier[] = [];
  const covered = new Array<string | undefined>(DAY_MINUTES);
  // Every tier must publish every currency any tier of the period publishes.
  const currencies = new Set(tiers.flatMap((tier) => Object.keys(tier.prices)));
  tiers.forEach((tier, t) => {
    const tierPath = `${at}.tiers.${t}`;
    const isLast = t === tiers.length - 1;
    if (isLast && tier.when !== undefined) issues.push({ path: `${tierPath}.when`, reason: 'the last tier is the default and must have no condition' });
    if (!isLast && tier.when === undefined) issues.push({ path: `${tierPath}.when`, reason: 'only the last tier may be unconditional' });
    const tierCurrencies = Object.keys(tier.prices);
    if (tierCurrencies.length === 0) issues.push({ path: `${tierPath}.prices`, reason: 'publishes no currency' });
    if (tierCurrencies.length !== currencies.size || tierCurrencies.some((c) => !currencies.has(c))) {
      issues.push({
        path: `${tierPath}.prices`,
        reason: `publishes ${tierCurrencies.join(', ') || 'nothing'} while other tiers of the period publish ${[...currencies].join(', ')}`,
      });
    }
    let condition: CompiledCondition | undefined;
    if (tier.when !== undefined) {
      const windows = tier.when.windows.map((w, i): readonly [number, number] => {
        const start = minutesOf(w.start);
        const end = minutesOf(w.end);
        if (start === end) issues.push({ path: `${tierPath}.when.windows.${i}`, reason: 'start equals end (an empty or whole-day window)' });
        for (let m = start; m !== end; m = (m + 1) % DAY_MINUTES) {
          const owner = covered[m];
          if (owner !== undefined) {
            issues.push({ path: `${tierPath}.when.windows.${i}`, reason: `overlaps ${owner} at ${w.start}-${w.end}, so the windows do not tile the day` });
            break;
          }
          covered[m] = `${tierPath}.when.windows.${i}`;
        }
        return Object.freeze([start, end] as const);
      });
      let exceptCalendar: CompiledCalendar | undefined;
      if (tier.when.exceptDates !== undefined) {
        exceptCalendar = calendars.get(tier.when.exceptDates);
        if (exceptCalendar === undefined) issues.push({ path: `${tierPath}.when.exceptDates`, reason: `no calendar named '${tier.when.exceptDates}'` });
      }
      condition = Object.freeze({
        windows: Object.freeze(windows),
        timeZone: tier.when.timeZone,
        weekdays:
          tier.when.weekdays === undefined ? undefined : Object.freeze({ days: new Set(tier.when.weekdays.days), timeZone: tier.when.weekdays.timeZone }),
        exceptCalendar,
      });
    }
    const prices: Partial<Record<Currency, CompiledRates>> = {};
    for (const currency of ['USD', 'CNY'] as const) {
      const rates = tier.prices[currency];
      if (rates !== undefined) prices[currency] = compileRates(currency, rates, scale, `${tierPath}.prices.${currency}`, issues);
    }
    compiled.push(Object.freeze({ name: tier.tier, condition, prices: Object.freeze(prices) }));
  });
  return Object.freeze(compiled);
}

function compileRates(currency: Currency, rates: RatesDocument, scale: Scale, path: string, issues: PriceDataIssue[]): CompiledRates {
  return Object.freeze({
    currency,
    cacheHit: new Decimal(rates.cacheHit),
    cacheMiss: new Decimal(rates.cacheMiss),
    output: new Decimal(rates.output),
    units: Object.freeze({
      cacheHit: toUnits(rates.cacheHit, scale, `${path}.cacheHit`, issues),
      cacheMiss: toUnits(rates.cacheMiss, scale, `${path}.cacheMiss`, issues),
      output: toUnits(rates.output, scale, `${path}.output`, issues),
    }),
    confidence: rates.confidence ?? 'official',
    note: rates.note,
  });
}

/** "0.003625" at scale 6 -> 3625: exact, by string arithmetic. */
function toUnits(decimal: string, scale: Scale, path: string, issues: PriceDataIssue[]): number {
  const [whole = '0', fraction = ''] = decimal.split('.');
  const units = Number(whole + fraction.padEnd(scale.digits, '0'));
  if (Number.isSafeInteger(units)) return units;
  // Every price is held as an integer count of 10^-scale units, where the scale is the most decimals
  // any price in the file has: name this price and the one that set the scale, either may be the typo.
  const why = scale.path === path ? `has ${scale.digits} decimals` : `at ${scale.digits} decimals (set by ${scale.path})`;
  issues.push({ path, reason: `price ${decimal} ${why} is too large to price exactly (above 2^53 units of 10^-${scale.digits})` });
  return 0;
}

/** The most decimals any price has, and the first price that has that many. */
interface Scale {
  readonly digits: number;
  readonly path: string;
}

function decimalScaleOf(doc: TariffDocument): Scale {
  let scale: Scale = { digits: 0, path: '' };
  for (const [modelId, model] of Object.entries(doc.models)) {
    model.periods.forEach((period, p) => {
      period.tiers.forEach((tier, t) => {
        for (const currency of ['USD', 'CNY'] as const) {
          const rates = tier.prices[currency];
          if (rates === undefined) continue;
          for (const component of ['cacheHit', 'cacheMiss', 'output'] as const) {
            const digits = rates[component].split('.')[1]?.length ?? 0;
            if (digits > scale.digits) scale = { digits, path: `models.${modelId}.periods.${p}.tiers.${t}.prices.${currency}.${component}` };
          }
        }
      });
    });
  }
  return scale;
}

/** Runs a strict parse; a bad instant or date becomes an issue at its own path instead of a throw. */
function strictly(parse: () => number, issues: PriceDataIssue[]): number | undefined {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof InvalidInstantError)) throw error;
    issues.push({ path: error.field, reason: error.reason });
    return undefined;
  }
}

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
}
