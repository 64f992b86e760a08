import type { JSX } from 'preact';
import { CompareModels } from './components/CompareModels.tsx';
import { MeteredPriceTable } from './components/MeteredPriceTable.tsx';
import { PageHeader } from './components/PageHeader.tsx';
import { PowerModes } from './components/PowerModes.tsx';
import { PriceTable } from './components/PriceTable.tsx';
import { ResultPanel } from './components/ResultPanel.tsx';
import { WarningsCard } from './components/WarningsCard.tsx';
import { WeekHeatmapView } from './components/WeekHeatmapView.tsx';
import { WorkloadForm } from './components/WorkloadForm.tsx';
import type { TokenCounter } from './tokens/tokenCounter.ts';
import { useCalculatorView } from './view/useCalculatorView.ts';

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
 * The calculator page: layout only. The view model comes from {@link useCalculatorView} (all
 * pricing from @seekcost/pricing, all counting from @seekcost/tokenizer-estimate through
 * `counter`), and every input writes to the URL state through its `update`.
 *
 * @example
 * ```tsx
 * render(<App counter={createBrowserTokenCounter()} />, document.getElementById('app')!);
 * ```
 */
export function App({ counter, languages }: AppProps): JSX.Element {
  const { view, update, setWhen, resetToNow } = useCalculatorView(languages ?? (typeof navigator === 'undefined' ? [] : navigator.languages));
  const { t, currency } = view;
  return (
    <div class="page">
      <PageHeader t={t} lang={view.lang} theme={view.state.theme} onLanguage={(lang) => update({ lang })} onTheme={(theme) => update({ theme })} />
      <main>
        <div class="layout">
          <WorkloadForm view={view} counter={counter} update={update} setWhen={setWhen} resetToNow={resetToNow} />
          <div class="side">
            <ResultPanel t={t} cost={view.cost} problem={view.problem} currency={currency} nextChange={view.nextChange} formatWhen={view.formatWhen} />
            <WarningsCard t={t} warnings={view.warnings} />
            {view.price === null ? null : (
              <PriceTable
                t={t}
                lang={view.lang}
                at={view.at}
                period={view.price.period}
                provenance={view.price.provenance}
                currency={currency}
                dataChecked={view.dataChecked}
              />
            )}
            <MeteredPriceTable t={t} rows={view.meteredPrices} currency={currency} />
          </div>
        </div>
        <CompareModels t={t} rows={view.comparison} currency={currency} selected={view.compareSelected} formatWhen={view.formatWhen} />
        <WeekHeatmapView
          t={t}
          model={view.model}
          heatmap={view.heatmap}
          zone={view.state.zone}
          onZone={(zone) => update({ zone })}
          currency={currency}
          cheapestText={view.cheapestText}
        />
        <PowerModes
          t={t}
          lang={view.lang}
          counter={counter}
          model={view.model}
          at={view.at}
          currency={currency}
          formatWhen={view.formatWhen}
          onUseTokens={(n) => update({ inputTokens: String(n) })}
        />
      </main>
      <footer class="foot">
        <p>{t.privacyNote}</p>
        <p class="muted">{t.footer}</p>
      </footer>
    </div>
  );
}
