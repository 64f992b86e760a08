import { epochDayOf, getBundledTariff, listModels, resolvePrice, type Currency, type ModelListing, type ResolvedPrice } from '@seekcost/pricing';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { CompareModels } from './components/CompareModels.tsx';
import { ModelSelect } from './components/ModelSelect.tsx';
import { PowerModes } from './components/PowerModes.tsx';
import { PriceTable } from './components/PriceTable.tsx';
import { PromptField } from './components/PromptField.tsx';
import { ResultPanel } from './components/ResultPanel.tsx';
import { WeekHeatmapView } from './components/WeekHeatmapView.tsx';
import { detectLanguage } from './i18n/detectLanguage.ts';
import { MESSAGES, type Language, type Messages } from './i18n/messages.ts';
import { cheapestSegment } from './logic/cheapestSegment.ts';
import { compareModels } from './logic/compareModels.ts';
import { costSchedule } from './logic/costSchedule.ts';
import { estimateWorkload } from './logic/estimateWorkload.ts';
import { formatMoney } from './logic/formatMoney.ts';
import { nextTierChange } from './logic/nextTierChange.ts';
import { parseWorkload, type FieldProblem, type WorkloadField } from './logic/parseWorkload.ts';
import { toDateTimeLocal } from './logic/toDateTimeLocal.ts';
import { heatmapRange, weekHeatmap } from './logic/weekHeatmap.ts';
import { BEIJING_ZONE, formatInZone, instantOfWallClock, zoneIdOf } from './logic/zoneClock.ts';
import type { ThemeChoice } from './state/calculatorState.ts';
import { useUrlState } from './state/useUrlState.ts';
import type { TokenCounter } from './tokens/tokenCounter.ts';

const WEEK_MS = 7 * 86_400_000;

/**
 * Props of {@link App}.
 *
 * @example
 * ```ts
 * <App counter={createBrowserTokenCounter()} languages={['zh-CN']} />
 * ```
 */
export interface AppProps {
  readonly counter: TokenCounter;
  /** The browser's preferred languages (navigator.languages); injectable for tests. */
  readonly languages?: readonly string[];
}

/**
 * The calculator page. All pricing comes from @seekcost/pricing and all counting from
 * @seekcost/tokenizer-estimate (through `counter`); this component only wires inputs to them and
 * keeps the inputs in the URL.
 *
 * @example
 * ```tsx
 * render(<App counter={createBrowserTokenCounter()} />, document.getElementById('app')!);
 * ```
 */
export function App({ counter, languages }: AppProps) {
  const [state, update] = useUrlState();
  const [now, setNow] = useState(() => Date.now());
  const lang: Language = state.lang ?? detectLanguage(languages ?? (typeof navigator === 'undefined' ? [] : navigator.languages));
  const t = MESSAGES[lang];
  const currency: Currency = state.currency ?? (lang === 'zh' ? 'CNY' : 'USD');
  const parsedAt = state.at === null ? now : Date.parse(state.at);
  const atMs = Number.isNaN(parsedAt) ? now : parsedAt;
  const localZone = useMemo(() => zoneIdOf('local'), []);
  const displayZone = state.zone === 'local' ? localZone : zoneIdOf(state.zone);
  const zoneLabel = state.zone === 'utc' ? t.utc : state.zone === 'beijing' ? t.beijing : t.local;
  const formatWhen = (ms: number) => `${formatInZone(ms, displayZone)} ${zoneLabel}`;

  // "Now" moves on while the page stays open, so the tier in force and the schedule stay current.
  useEffect(() => {
    if (state.at !== null) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, [state.at]);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `seekcost · ${t.title}`;
  }, [lang, t]);
  useEffect(() => {
    if (state.theme === null) delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = state.theme;
  }, [state.theme]);

  const listings = useMemo(() => listModels({ at: atMs }), [atMs]);
  const model = state.model ?? listings.find((m) => m.available && !m.isAlias)?.id ?? listings[0]?.id ?? 'deepseek-chat';
  const listing: ModelListing | undefined = listings.find((m) => m.id === model);
  const parsed = useMemo(
    () => parseWorkload(state),
    [state.inputTokens, state.cacheHit, state.outputTokens, state.requestsPerDay],
  );
  const workload = parsed.ok ? parsed.workload : null;
  const result = useMemo(() => (workload === null ? null : estimateWorkload(model, atMs, workload, currency)), [model, atMs, workload, currency]);
  const cost = result?.ok === true ? result.cost : null;
  const pricingError = result?.ok === false ? result.error : null;
  const errorCode = pricingError !== null && 'code' in pricingError ? String(pricingError.code) : '';
  const modelError = pricingError !== null && errorCode !== 'BEFORE_HISTORY' && errorCode !== 'INVALID_INSTANT' ? pricingError.message : null;
  const whenError = errorCode === 'BEFORE_HISTORY' || errorCode === 'INVALID_INSTANT' ? pricingError?.message ?? null : null;
  const fieldErrors: Partial<Record<WorkloadField, FieldProblem>> = parsed.ok ? {} : parsed.errors;
  const problem = pricingError !== null ? pricingError.message : parsed.ok ? null : describeProblems(t, fieldErrors);

  const ahead = useMemo(() => (workload === null || cost === null ? [] : costSchedule(model, atMs, atMs + WEEK_MS, workload, currency)), [model, atMs, workload, currency, cost]);
  const next = nextTierChange(ahead, atMs + WEEK_MS);
  const cheapest = cheapestSegment(ahead);
  const heatmap = useMemo(() => {
    if (workload === null || cost === null) return null;
    const [from, to] = heatmapRange(atMs, displayZone);
    let schedule = costSchedule(model, from, to, workload, currency);
    // The model may not be priced yet at the start of the day: start the grid at `at` instead.
    if (schedule.length === 0) schedule = costSchedule(model, atMs, to, workload, currency);
    const mark = cheapest === undefined ? null : { from: cheapest.segment.from.getTime(), to: cheapest.segment.to.getTime() };
    return weekHeatmap(schedule, from, displayZone, mark);
  }, [model, atMs, workload, currency, displayZone, cost, cheapest]);
  const comparison = useMemo(() => (workload === null ? [] : compareModels(atMs, workload, currency)), [atMs, workload, currency]);
  const price: ResolvedPrice | null = useMemo(() => {
    if (cost === null) return null;
    try {
      return resolvePrice({ model, at: atMs, currency });
    } catch {
      return null;
    }
  }, [model, atMs, currency, cost]);

  const warnings: string[] = cost === null ? [] : cost.estimate.warnings.map((w) => (t.warningNames[w.code] === undefined ? w.message : `${t.warningNames[w.code]}：${w.message}`));
  if (listing?.retiredAt != null && cost !== null) {
    const retiredAt = listing.retiredAt.getTime();
    warnings.push((retiredAt <= atMs ? t.retiredWarning : t.retiresWarning)(model, formatWhen(retiredAt)));
  }

  const numberField = (field: WorkloadField, label: string, extra?: { suffix?: string; max?: number; step?: string }) => {
    const problemHere = fieldErrors[field];
    const stateKey = field;
    return (
      <div class="field">
        <label for={field}>{label}</label>
        <div class={extra?.suffix === undefined ? 'control' : 'control with-suffix'}>
          <input
            id={field}
            inputMode={field === 'cacheHit' ? 'decimal' : 'numeric'}
            autoComplete="off"
            value={state[stateKey]}
            aria-invalid={problemHere !== undefined}
            aria-describedby={problemHere === undefined ? undefined : `${field}-error`}
            onInput={(e) => update({ [stateKey]: e.currentTarget.value })}
          />
          {extra?.suffix === undefined ? null : <span class="suffix">{extra.suffix}</span>}
        </div>
        {problemHere === undefined ? null : (
          <p id={`${field}-error`} class="error" role="alert">
            {problemHere === 'percent' ? t.fieldPercent : t.fieldWholeNumber}
          </p>
        )}
      </div>
    );
  };

  const onWhen = (value: string) => {
    const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(value);
    if (match === null) return;
    const instant = instantOfWallClock(epochDayOf(match[1] as string), Number(match[2]) * 60 + Number(match[3]), localZone);
    update({ at: new Date(instant).toISOString().replace(':00.000Z', 'Z') });
  };

  return (
    <div class="page">
      <header class="top">
        <div>
          <h1>{t.title}</h1>
          <p class="tagline">{t.tagline}</p>
        </div>
        <div class="settings">
          <label>
            <span>{t.language}</span>
            <select id="language" value={lang} onChange={(e) => update({ lang: e.currentTarget.value as Language })}>
              <option value="en">English</option>
              <option value="zh">简体中文</option>
            </select>
          </label>
          <label>
            <span>{t.theme}</span>
            <select id="theme" value={state.theme ?? 'auto'} onChange={(e) => update({ theme: e.currentTarget.value === 'auto' ? null : (e.currentTarget.value as ThemeChoice) })}>
              <option value="auto">{t.themeAuto}</option>
              <option value="light">{t.themeLight}</option>
              <option value="dark">{t.themeDark}</option>
            </select>
          </label>
        </div>
      </header>
      <main>
        <div class="layout">
          <form class="card inputs" onSubmit={(e) => e.preventDefault()} aria-label={t.title}>
            <div class="field wide">
              <label for="model">{t.model}</label>
              <ModelSelect t={t} listings={listings} value={model} at={atMs} onChange={(m) => update({ model: m })} {...(modelError === null ? {} : { describedBy: 'model-error' })} />
              {modelError === null ? null : (
                <p id="model-error" class="error" role="alert">
                  {modelError}
                </p>
              )}
            </div>
            <div class="field wide">
              <label for="when">{t.when}</label>
              <div class="control when">
                <input
                  id="when"
                  type="datetime-local"
                  value={toDateTimeLocal(atMs, localZone)}
                  aria-describedby={whenError === null ? 'when-zones' : 'when-zones when-error'}
                  aria-invalid={whenError !== null}
                  onChange={(e) => onWhen(e.currentTarget.value)}
                />
                <button
                  type="button"
                  onClick={() => {
                    setNow(Date.now());
                    update({ at: null });
                  }}
                >
                  {t.now}
                </button>
              </div>
              <p id="when-zones" class="hint" data-testid="when-zones">
                {t.local} ({localZone}) · {t.utc} {formatInZone(atMs, 'UTC')} · {t.beijing} {formatInZone(atMs, BEIJING_ZONE)}
              </p>
              {whenError === null ? null : (
                <p id="when-error" class="error" role="alert">
                  {whenError}
                </p>
              )}
            </div>
            <PromptField t={t} counter={counter} onCount={(n) => update({ inputTokens: String(n) }, { replace: true })} />
            {numberField('inputTokens', t.inputTokens)}
            {numberField('cacheHit', t.cacheHit, { suffix: '%' })}
            {numberField('outputTokens', t.outputTokens)}
            {numberField('requestsPerDay', t.requestsPerDay)}
            <div class="field">
              <label for="currency">{t.currency}</label>
              <select id="currency" value={currency} onChange={(e) => update({ currency: e.currentTarget.value as Currency })}>
                <option value="USD">USD ($)</option>
                <option value="CNY">CNY (¥)</option>
              </select>
            </div>
          </form>
          <div class="side">
            <ResultPanel t={t} cost={cost} problem={problem} currency={currency} nextChange={next} formatWhen={formatWhen} />
            {warnings.length === 0 ? null : (
              <section class="card warn" aria-labelledby="warnings-title">
                <h2 id="warnings-title">{t.warningsTitle}</h2>
                <ul data-testid="warnings">
                  {warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              </section>
            )}
            {price === null ? null : <PriceTable t={t} period={price.period} provenance={price.provenance} currency={currency} dataChecked={getBundledTariff().checked} />}
          </div>
        </div>
        <CompareModels t={t} rows={comparison} currency={currency} selected={listing?.billsAs ?? model} formatWhen={formatWhen} />
        <WeekHeatmapView
          t={t}
          model={model}
          heatmap={heatmap}
          zone={state.zone}
          onZone={(zone) => update({ zone })}
          currency={currency}
          cheapestText={cheapest === undefined ? null : t.cheapestTime(formatWhen(cheapest.segment.from.getTime()), formatMoney(cheapest.perRequest, currency))}
        />
        <PowerModes t={t} counter={counter} model={model} at={atMs} currency={currency} onUseTokens={(n) => update({ inputTokens: String(n) })} />
      </main>
      <footer class="foot">
        <p>{t.privacyNote}</p>
        <p class="muted">{t.footer}</p>
      </footer>
    </div>
  );
}

function describeProblems(t: Messages, errors: Partial<Record<WorkloadField, FieldProblem>>): string {
  const labels: Record<WorkloadField, string> = { inputTokens: t.inputTokens, cacheHit: t.cacheHit, outputTokens: t.outputTokens, requestsPerDay: t.requestsPerDay };
  return (Object.keys(errors) as WorkloadField[]).map((field) => `${labels[field]}: ${errors[field] === 'percent' ? t.fieldPercent : t.fieldWholeNumber}`).join(' ');
}
