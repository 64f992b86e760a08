import type { Currency } from '@seekcost/pricing';
import type { Messages } from '../i18n/messages.ts';
import { formatMoney } from '../logic/formatMoney.ts';
import type { MeteredPriceRow } from '../logic/meteredPriceRows.ts';

/**
 * Props of {@link MeteredPriceTable}.
 *
 * @example
 * ```ts
 * { t: MESSAGES.en, rows: meteredPriceRows(at, 'USD'), currency: 'USD' }
 * ```
 */
export interface MeteredPriceTableProps {
  readonly t: Messages;
  readonly rows: readonly MeteredPriceRow[];
  readonly currency: Currency;
}

/**
 * The per-call prices in force (web search, page fetch, OCR pages, TTS characters, ASR): each
 * price per its unit size with its confidence; a third-party figure is marked as not published by
 * DeepSeek, a currency with no figure says so, and a list price with a pending discount says that.
 * Nothing is shown before any per-call item existed.
 *
 * @example
 * ```tsx
 * <MeteredPriceTable t={MESSAGES.en} rows={meteredPriceRows(Date.parse('2026-11-20T00:00:00Z'), 'USD')} currency="USD" />
 * ```
 */
export function MeteredPriceTable({ t, rows, currency }: MeteredPriceTableProps) {
  if (rows.every((row) => row.status === 'not-yet')) return null;
  return (
    <section class="card" aria-labelledby="metered-prices-title">
      <h2 id="metered-prices-title">{t.meteredPricesTitle}</h2>
      <div class="scroll">
        <table class="metered-prices">
          <caption class="sr-only">{t.meteredPricesCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.lineItem}</th>
              <th scope="col">{t.price}</th>
              <th scope="col">{t.confidence}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.item} data-metered-price={row.item}>
                <th scope="row">{t.meteredNames[row.item]}</th>
                {row.status === 'priced' ? (
                  <>
                    <td>
                      {t.meteredUnitPrice(formatMoney(row.price, currency), row.unitSize.toLocaleString('en-US'), t.meteredUnits[row.unit] ?? row.unit)}
                      {row.published ? null : <div class="muted small">{t.thirdPartyPrice}</div>}
                      {row.discountPending ? <div class="muted small">{t.discountPending}</div> : null}
                    </td>
                    <td>{t.confidenceNames[row.confidence] ?? row.confidence}</td>
                  </>
                ) : (
                  <>
                    <td>{row.status === 'not-published' ? t.notPublished : row.status === 'unpriced' ? t.noPublishedPrice : t.notPricedThen}</td>
                    <td>—</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
