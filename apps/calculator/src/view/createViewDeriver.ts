import { getBundledTariff, listModels, resolvePrice, type Currency, type ModelListing, type ResolvedPrice } from '@seekcost/pricing';
import { describeError } from '../i18n/describeError.ts';
import { describeFieldProblems } from '../i18n/describeFieldProblems.ts';
import { detectLanguage } from '../i18n/detectLanguage.ts';
import { MESSAGES, type Language, type Messages } from '../i18n/messages.ts';
import { cheapestSegment } from '../logic/cheapestSegment.ts';
import { compareModels, type ModelComparison } from '../logic/compareModels.ts';
import { costSchedule, type CostedSegment } from '../logic/costSchedule.ts';
import { estimateWorkload, type WorkloadCost, type WorkloadResult } from '../logic/estimateWorkload.ts';
import { formatMoney } from '../logic/formatMoney.ts';
import { meteredPriceRows, type MeteredPriceRow } from '../logic/meteredPriceRows.ts';
import { nextTierChange, type NextChange } from '../logic/nextTierChange.ts';
import { parseWorkload, type FieldProblem, type Workload, type WorkloadField } from '../logic/parseWorkload.ts';
import { LOOK_AHEAD_MS } from '../logic/timeUnits.ts';
import { toDateTimeLocal } from '../logic/toDateTimeLocal.ts';
import { heatmapRange, weekHeatmap, type WeekHeatmap } from '../logic/weekHeatmap.ts';
import { BEIJING_ZONE, formatInZone, zoneIdOf } from '../logic/zoneClock.ts';
import type { CalculatorState } from '../state/calculatorState.ts';
import { memoLast } from './memoLast.ts';

/**
 * What the page is derived from: the URL state and the environment (clock, zone, languages).
 *
 * @example
 * ```ts
 * { state: readUrlState('?model=deepseek-chat'), now: Date.now(), localZone: 'Europe/Berlin', languages: ['en-US'] }
 * ```
 */
export interface ViewInputs {
  readonly state: CalculatorState;
  /** "Now", used when the state has no instant. */
  readonly now: number;
  /** The browser's own IANA zone. */
  readonly localZone: string;
  readonly languages: readonly string[];
}

/**
 * Everything the page shows, computed from {@link ViewInputs}: no DOM, no clock, no I/O.
 *
 * @example
 * ```ts
 * view.currency; // 'USD'
 * view.cost?.estimate.perRequest.toString(); // '0.0025'
 * ```
 */
export interface CalculatorView {
  readonly state: CalculatorState;
  readonly lang: Language;
  readonly t: Messages;
  readonly currency: Currency;
  /** The instant priced, epoch ms. */
  readonly at: number;
  readonly localZone: string;
  /** 'YYYY-MM-DDTHH:mm' of `at` on the local clock, for the datetime-local input. */
  readonly whenValue: string;
  /** `at` on the UTC and Beijing clocks, shown beside the When field. */
  readonly whenZones: string;
  /** An instant on the clock the user chose (local, UTC or Beijing), with that clock's name. */
  readonly formatWhen: (epochMs: number) => string;
  readonly listings: readonly ModelListing[];
  readonly model: string;
  readonly listing: ModelListing | undefined;
  readonly fieldErrors: Readonly<Partial<Record<WorkloadField, FieldProblem>>>;
  readonly cost: WorkloadCost | null;
  /** Why there is no total (bad fields or a pricing error), in the page's language. */
  readonly problem: string | null;
  /** A pricing error that concerns the model, shown at the Model field. */
  readonly modelError: string | null;
  /** A pricing error that concerns the instant, shown at the When field. */
  readonly whenError: string | null;
  readonly nextChange: NextChange;
  readonly cheapestText: string | null;
  readonly heatmap: WeekHeatmap | null;
  readonly comparison: readonly ModelComparison[];
  /** The model the comparison highlights (an alias highlights the model it bills as). */
  readonly compareSelected: string;
  readonly price: ResolvedPrice | null;
  /** Per-call prices at `at` in the page's currency, one row per metered item. */
  readonly meteredPrices: readonly MeteredPriceRow[];
  readonly dataChecked: string;
  readonly warnings: readonly string[];
}

const EMPTY: readonly CostedSegment[] = [];
const WHEN_CODES = new Set(['BEFORE_HISTORY', 'INVALID_INSTANT']);

/**
 * A view derivation for one page: a function from {@link ViewInputs} to {@link CalculatorView}. Each
 * costly stage (listing, parse, estimate, schedule, heatmap, comparison, price table) remembers its
 * last inputs, so a keystroke in one field recomputes only what depends on it; the result is the
 * same as a fresh derivation's.
 *
 * @example
 * ```ts
 * import { createViewDeriver } from './createViewDeriver.ts';
 * import { readUrlState } from '../state/readUrlState.ts';
 * const derive = createViewDeriver();
 * const view = derive({ state: readUrlState('?model=deepseek-chat&at=2025-03-01T12:00Z&in=6000&hit=0&out=800'), now: 0, localZone: 'UTC', languages: ['en'] });
 * view.cost?.estimate.perRequest.toString(); // => '0.0025'
 * ```
 */
export function createViewDeriver(): (inputs: ViewInputs) => CalculatorView {
  const listAt = memoLast((at: number) => listModels({ at }));
  const parse = memoLast(
    (
      inputTokens: string,
      cacheHit: string,
      outputTokens: string,
      requestsPerDay: string,
      searchesPerRequest: string,
      fetchesPerRequest: string,
      ocrPagesPerRequest: string,
      ttsCharactersPerRequest: string,
    ) =>
      parseWorkload({
        inputTokens,
        cacheHit,
        outputTokens,
        requestsPerDay,
        searchesPerRequest,
        fetchesPerRequest,
        ocrPagesPerRequest,
        ttsCharactersPerRequest,
      }),
  );
  const meteredPricesOf = memoLast((at: number, currency: Currency) => meteredPriceRows(at, currency));
  const estimate = memoLast((model: string, at: number, workload: Workload | null, currency: Currency): WorkloadResult | null =>
    workload === null ? null : estimateWorkload(model, at, workload, currency),
  );
  const scheduleAhead = memoLast((model: string, at: number, workload: Workload | null, currency: Currency, priced: boolean) =>
    workload === null || !priced ? EMPTY : costSchedule(model, at, at + LOOK_AHEAD_MS, workload, currency),
  );
  const heatmapOf = memoLast(
    (model: string, at: number, workload: Workload | null, currency: Currency, zone: string, priced: boolean, cheapest: CostedSegment | undefined) => {
      if (workload === null || !priced) return null;
      const [from, to] = heatmapRange(at, zone);
      let schedule = costSchedule(model, from, to, workload, currency);
      // The model may not be priced yet at the start of the day: start the grid at `at` instead.
      if (schedule.length === 0) schedule = costSchedule(model, at, to, workload, currency);
      const mark = cheapest === undefined ? null : { from: cheapest.segment.from.getTime(), to: cheapest.segment.to.getTime() };
      return weekHeatmap(schedule, from, zone, mark);
    },
  );
  const compareAt = memoLast((at: number, workload: Workload | null, currency: Currency) => (workload === null ? [] : compareModels(at, workload, currency)));
  const priceOf = memoLast((model: string, at: number, currency: Currency, priced: boolean): ResolvedPrice | null => {
    if (!priced) return null;
    try {
      return resolvePrice({ model, at, currency });
    } catch {
      return null;
    }
  });

  return ({ state, now, localZone, languages }) => {
    const lang: Language = state.lang ?? detectLanguage(languages);
    const t = MESSAGES[lang];
    const currency: Currency = state.currency ?? (lang === 'zh' ? 'CNY' : 'USD');
    const parsedAt = state.at === null ? now : Date.parse(state.at);
    const at = Number.isNaN(parsedAt) ? now : parsedAt;
    const displayZone = state.zone === 'local' ? localZone : zoneIdOf(state.zone);
    const zoneLabel = state.zone === 'utc' ? t.utc : state.zone === 'beijing' ? t.beijing : t.local;
    const formatWhen = (ms: number) => `${formatInZone(ms, displayZone)} ${zoneLabel}`;

    const listings = listAt(at);
    const model = state.model ?? listings.find((m) => m.available && !m.isAlias)?.id ?? listings[0]?.id ?? 'deepseek-chat';
    const listing = listings.find((m) => m.id === model);
    const parsed = parse(
      state.inputTokens,
      state.cacheHit,
      state.outputTokens,
      state.requestsPerDay,
      state.searchesPerRequest,
      state.fetchesPerRequest,
      state.ocrPagesPerRequest,
      state.ttsCharactersPerRequest,
    );
    const workload = parsed.ok ? parsed.workload : null;
    const result = estimate(model, at, workload, currency);
    const cost = result?.ok === true ? result.cost : null;
    const pricingError = result?.ok === false ? result.error : null;
    const errorText = pricingError === null ? null : describeError(pricingError, lang, formatWhen);
    const aboutWhen = pricingError !== null && 'code' in pricingError && WHEN_CODES.has(String(pricingError.code));
    const fieldErrors = parsed.ok ? {} : parsed.errors;

    const ahead = scheduleAhead(model, at, workload, currency, cost !== null);
    const cheapest = cheapestSegment(ahead);
    const nameSeparator = lang === 'zh' ? '：' : ': ';
    const warnings =
      cost === null
        ? []
        : cost.estimate.warnings.map((w) => (t.warningNames[w.code] === undefined ? w.message : `${t.warningNames[w.code]}${nameSeparator}${w.message}`));
    if (listing?.retiredAt != null && cost !== null) {
      const retiredAt = listing.retiredAt.getTime();
      warnings.push((retiredAt <= at ? t.retiredWarning : t.retiresWarning)(model, formatWhen(retiredAt)));
    }

    return {
      state,
      lang,
      t,
      currency,
      at,
      localZone,
      whenValue: toDateTimeLocal(at, localZone),
      whenZones: `${t.local} (${localZone}) · ${t.utc} ${formatInZone(at, 'UTC')} · ${t.beijing} ${formatInZone(at, BEIJING_ZONE)}`,
      formatWhen,
      listings,
      model,
      listing,
      fieldErrors,
      cost,
      problem: errorText ?? (parsed.ok ? null : describeFieldProblems(t, fieldErrors)),
      modelError: aboutWhen ? null : errorText,
      whenError: aboutWhen ? errorText : null,
      nextChange: nextTierChange(ahead, at + LOOK_AHEAD_MS),
      cheapestText: cheapest === undefined ? null : t.cheapestTime(formatWhen(cheapest.segment.from.getTime()), formatMoney(cheapest.perRequest, currency)),
      heatmap: heatmapOf(model, at, workload, currency, displayZone, cost !== null, cheapest),
      comparison: compareAt(at, workload, currency),
      compareSelected: listing?.billsAs ?? model,
      price: priceOf(model, at, currency, cost !== null),
      meteredPrices: meteredPricesOf(at, currency),
      dataChecked: getBundledTariff().checked,
      warnings,
    };
  };
}
