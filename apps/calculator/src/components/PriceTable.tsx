import type { CompiledPeriod, Currency, Provenance } from '@seekcost/pricing';
import { describeTierCondition } from '../i18n/describeTierCondition.ts';
import type { Language, Messages } from '../i18n/messages.ts';
import { formatMoney } from '../logic/formatMoney.ts';

/**
 * Props of {@link PriceTable}.
 *
 * @example
 * ```ts
 * { t: MESSAGES.en, lang: 'en', at, period: price.period, provenance: price.provenance, currency: 'USD', dataChecked: '2026-11-22' }
 * ```
 */
export interface PriceTableProps {
  readonly t: Messages;
  readonly lang: Language;
  /** The instant priced: tier windows are converted to Beijing time with the offsets in force then. */
  readonly at: number;
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
 * <PriceTable t={MESSAGES.en} lang="en" at={at} period={price.period} provenance={price.provenance} currency="USD" dataChecked="2026-11-22" />
 * ```
 */
export function PriceTable({ t, lang, at, period, provenance, currency, dataChecked }: PriceTableProps) {
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
              <th scope="col" class="num">
                {t.cacheHit}
              </th>
              <th scope="col" class="num">
                {t.cacheMiss}
              </th>
              <th scope="col" class="num">
                {t.output}
              </th>
            </tr>
          </thead>
          <tbody>
            {period.tiers.map((tier) => {
              const rates = tier.prices[currency];
              return (
                <tr key={tier.name} class={tier.name === provenance.tier ? 'selected' : undefined}>
                  <th scope="row">
                    {t.tierNames[tier.name]}
                    {tier.condition === undefined ? null : <div class="muted small condition">{describeTierCondition(tier.condition, lang, at)}</div>}
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
