import type { CompiledPeriod, Currency, Provenance } from '@seekcost/pricing';
import type { Messages } from '../i18n/messages.ts';
import { formatMoney } from '../logic/formatMoney.ts';

/**
 * Props of {@link PriceTable}.
 *
 * @example
 * ```ts
 * { t: MESSAGES.en, period: price.period, provenance: price.provenance, currency: 'USD', dataChecked: '2026-11-22' }
 * ```
 */
export interface PriceTableProps {
  readonly t: Messages;
  readonly period: CompiledPeriod;
  readonly provenance: Provenance;
  readonly currency: Currency;
  /** Date the bundled price data as a whole was last checked. */
  readonly dataChecked: string;
}

/**
 * The price table in force: every tier of the period with its unit prices per 1M tokens and when it
 * applies, the tier in force highlighted, and the source link, confidence and checked date.
 *
 * @example
 * ```tsx
 * const price = resolvePrice({ model, at, currency });
 * <PriceTable t={MESSAGES.en} period={price.period} provenance={price.provenance} currency="USD" dataChecked="2026-11-22" />
 * ```
 */
export function PriceTable({ t, period, provenance, currency, dataChecked }: PriceTableProps) {
  return (
    <section class="card" aria-labelledby="prices-title">
      <h2 id="prices-title">{t.priceTableTitle}</h2>
      <p class="muted small">
        {provenance.model} · {period.id}
      </p>
      <div class="scroll">
        <table class="prices">
          <thead>
            <tr>
              <th scope="col">{t.tier}</th>
              <th scope="col" class="num">{t.cacheHit}</th>
              <th scope="col" class="num">{t.cacheMiss}</th>
              <th scope="col" class="num">{t.output}</th>
            </tr>
          </thead>
          <tbody>
            {period.tiers.map((tier) => {
              const rates = tier.prices[currency];
              return (
                <tr key={tier.name} class={tier.name === provenance.tier ? 'selected' : undefined}>
                  <th scope="row">
                    {t.tierNames[tier.name]}
                    {tier.condition === undefined ? null : <div class="muted small condition">{describeCondition(t, tier.condition)}</div>}
                  </th>
                  <td class="num">{rates === undefined ? '—' : formatMoney(rates.cacheHit, currency)}</td>
                  <td class="num">{rates === undefined ? '—' : formatMoney(rates.cacheMiss, currency)}</td>
                  <td class="num">{rates === undefined ? '—' : formatMoney(rates.output, currency)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p class="small">
        {t.pricePer1M}. {t.source}:{' '}
        <a href={provenance.source.url} rel="noopener noreferrer" target="_blank">
          {provenance.source.url}
        </a>{' '}
        · {t.confidence}: <strong data-testid="confidence">{t.confidenceNames[provenance.confidence] ?? provenance.confidence}</strong> · {t.checked}:{' '}
        {provenance.source.checked} · {t.dataChecked(dataChecked)}
      </p>
    </section>
  );
}

function describeCondition(t: Messages, condition: NonNullable<CompiledPeriod['tiers'][number]['condition']>): string {
  const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const windows = condition.windows.map(([start, end]) => `${clock(start)}–${clock(end)}`).join(', ');
  const weekdays = condition.weekdays;
  const zone = weekdays === undefined || weekdays.timeZone === condition.timeZone ? '' : ` (${weekdays.timeZone})`;
  const days = weekdays === undefined ? '' : `, ${[...weekdays.days].sort().map((d) => t.weekdays[d - 1]).join(' ')}${zone}`;
  const holidays = condition.exceptCalendar === undefined ? '' : `, except ${condition.exceptCalendar.id}`;
  return `${windows} ${condition.timeZone}${days}${holidays}`;
}
