import type { Currency } from '@seekcost/pricing';
import type { Messages } from '../i18n/messages.ts';
import type { ModelComparison } from '../logic/compareModels.ts';
import { formatMoney } from '../logic/formatMoney.ts';

/**
 * Props of {@link CompareModels}.
 *
 * @example
 * ```ts
 * { t: MESSAGES.en, rows, currency: 'USD', selected: 'deepseek-v4-pro', formatWhen }
 * ```
 */
export interface CompareModelsProps {
  readonly t: Messages;
  readonly rows: readonly ModelComparison[];
  readonly currency: Currency;
  readonly selected: string;
  readonly formatWhen: (epochMs: number) => string;
}

/**
 * Every current model side by side for the same workload: a bar chart (decorative; the table holds
 * the same numbers for screen readers) and a table of the cost now and at the cheapest hour.
 *
 * @example
 * ```tsx
 * <CompareModels t={MESSAGES.en} rows={compareModels(at, workload, 'USD')} currency="USD" selected="deepseek-v4-pro" formatWhen={fmt} />
 * ```
 */
export function CompareModels({ t, rows, currency, selected, formatWhen }: CompareModelsProps) {
  if (rows.length === 0) return null;
  let max = rows[0]?.now;
  for (const row of rows) if (max === undefined || row.now.gt(max)) max = row.now;
  const width = (value: ModelComparison['now']) => (max === undefined || max.isZero() ? 0 : Math.max(1, value.div(max).times(100).toNumber()));
  return (
    <section class="card" aria-labelledby="compare-title">
      <h2 id="compare-title">{t.compareTitle}</h2>
      <div class="bars" aria-hidden="true">
        {rows.map((row) => (
          <div class={row.id === selected ? 'bar-row selected' : 'bar-row'} key={row.id}>
            <span class="bar-label">{row.id}</span>
            <span class="bar-track">
              <span class="bar now" style={{ width: `${width(row.now)}%` }} />
              <span class="bar cheap" style={{ width: `${width(row.cheapest)}%` }} />
            </span>
          </div>
        ))}
        <p class="legend">
          <span class="swatch now" /> {t.compareNow} <span class="swatch cheap" /> {t.compareCheapest}
        </p>
      </div>
      {/* Focusable so keyboard users can scroll it where the screen is narrower than the table. */}
      <div class="scroll" tabIndex={0} role="region" aria-labelledby="compare-caption">
        <table class="compare">
          <caption id="compare-caption" class="sr-only">
            {t.compareCaption}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t.model}</th>
              <th scope="col" class="num">
                {t.compareNow}
              </th>
              <th scope="col" class="num">
                {t.compareCheapest}
              </th>
              <th scope="col" class="hide-phone">
                {t.cheapestAt}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-model={row.id} class={row.id === selected ? 'selected' : undefined}>
                <th scope="row">
                  {row.id}
                  <span class="muted small hide-phone"> {row.displayName}</span>
                </th>
                <td class="num">
                  {formatMoney(row.now, currency)}{' '}
                  <span class="muted small tier-note">{t.tierNames[row.tierNow as keyof Messages['tierNames']] ?? row.tierNow}</span>
                </td>
                <td class="num">
                  {formatMoney(row.cheapest, currency)}
                  {/* On a phone the "cheapest from" column folds into this cell, so the table fits the screen. */}
                  <span class="phone-only muted small">{formatWhen(row.cheapestFrom.getTime())}</span>
                </td>
                <td class="hide-phone">{formatWhen(row.cheapestFrom.getTime())}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
