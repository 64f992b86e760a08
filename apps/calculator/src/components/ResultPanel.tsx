import type { Currency } from '@seekcost/pricing';
import type { Messages } from '../i18n/messages.ts';
import type { WorkloadCost } from '../logic/estimateWorkload.ts';
import { formatMoney } from '../logic/formatMoney.ts';
import type { NextChange } from '../logic/nextTierChange.ts';

/**
 * Props of {@link ResultPanel}.
 *
 * @example
 * ```ts
 * { t: MESSAGES.en, cost, problem: null, currency: 'CNY', nextChange: { kind: 'none' }, formatWhen }
 * ```
 */
export interface ResultPanelProps {
  readonly t: Messages;
  readonly cost: WorkloadCost | null;
  /** Why there is no cost (a field problem or a pricing error), shown in place of the total. */
  readonly problem: string | null;
  readonly currency: Currency;
  readonly nextChange: NextChange;
  readonly formatWhen: (epochMs: number) => string;
}

/**
 * The answer: one request line by line (cache-hit input, cache-miss input, output, then each
 * per-call charge: searches, fetched pages, OCR pages, TTS characters), its total in a live
 * `role="status"` element, the cost per day and per 30 days (and each per-call charge's share of
 * them), and the tier in force with when it next changes.
 *
 * @example
 * ```tsx
 * <ResultPanel t={MESSAGES.en} cost={cost} problem={null} currency="USD" nextChange={{ kind: 'none' }} formatWhen={(ms) => new Date(ms).toISOString()} />
 * ```
 */
export function ResultPanel({ t, cost, problem, currency, nextChange, formatWhen }: ResultPanelProps) {
  const names = { 'input-cache-hit': t.cacheHitInput, 'input-cache-miss': t.cacheMissInput, output: t.output } as const;
  // A problem hides the cost even when one is at hand: the two never show together.
  const shown = problem === null ? cost : null;
  return (
    <section class="card result" aria-labelledby="result-title">
      <h2 id="result-title">{t.costPerRequest}</h2>
      <p role="status" aria-live="polite" aria-atomic="true" class={problem === null ? 'total' : 'total problem'} data-testid="total">
        {shown !== null ? t.totalPerRequest(formatMoney(shown.estimate.perRequest, currency)) : (problem ?? '')}
      </p>
      {shown === null ? null : (
        <>
          <div class="scroll">
            <table class="lines">
              <ColumnHeads rowHead={t.lineItem} columns={[t.tokens, t.pricePer1M, t.amount]} />
              <tbody>
                {shown.estimate.lines.map((line) => (
                  <tr key={line.component} data-line={line.component}>
                    <th scope="row">{names[line.component]}</th>
                    <td class="num">{formatTokens(line.tokens.toString())}</td>
                    <td class="num">{formatMoney(line.unitPrice, currency)}</td>
                    <td class="num">{formatMoney(line.amount, currency)}</td>
                  </tr>
                ))}
                {shown.estimate.meteredLines.map((line) => {
                  const unit = t.meteredUnits[line.unit] ?? line.unit;
                  return (
                    <tr key={line.item} data-line={line.item}>
                      <th scope="row">{t.meteredNames[line.item]}</th>
                      <td class="num wrap">{t.meteredCount(formatTokens(String(line.count)), unit)}</td>
                      <td class="num wrap">{t.meteredUnitPrice(formatMoney(line.unitPrice, currency), formatTokens(String(line.unitSize)), unit)}</td>
                      <td class="num">{formatMoney(line.amount, currency)}</td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t.total}</th>
                  <td />
                  <td />
                  <td class="num">{formatMoney(shown.estimate.perRequest, currency)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          <dl class="totals">
            <div>
              <dt>{t.perDay}</dt>
              <dd data-testid="per-day">{formatMoney(shown.perDay, currency)}</dd>
            </div>
            <div>
              <dt>{t.per30Days}</dt>
              <dd data-testid="per-30-days">{formatMoney(shown.per30Days, currency)}</dd>
            </div>
            <div>
              <dt>{t.tierInForce}</dt>
              <dd data-testid="tier">
                <span class={`tier tier-${shown.estimate.provenance.tier}`}>{t.tierNames[shown.estimate.provenance.tier]}</span>{' '}
                <span class="muted">{describeNext(t, nextChange, formatWhen)}</span>
              </dd>
            </div>
          </dl>
          {shown.metered.length === 0 ? null : (
            <div class="scroll">
              <table class="lines metered">
                <caption>{t.meteredTitle}</caption>
                <ColumnHeads rowHead={t.lineItem} columns={[t.perDay, t.per30Days]} />
                <tbody>
                  {shown.metered.map((m) => (
                    <tr key={m.item} data-metered={m.item}>
                      <th scope="row">{t.meteredNames[m.item]}</th>
                      <td class="num">{formatMoney(m.perDay, currency)}</td>
                      <td class="num">{formatMoney(m.per30Days, currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** The header row shared by both tables: a row-head column named only for screen readers, then numeric columns. */
function ColumnHeads({ rowHead, columns }: { readonly rowHead: string; readonly columns: readonly string[] }) {
  return (
    <thead>
      <tr>
        <th scope="col">
          <span class="sr-only">{rowHead}</span>
        </th>
        {columns.map((label) => (
          <th key={label} scope="col" class="num">
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

function describeNext(t: Messages, next: NextChange, formatWhen: (epochMs: number) => string): string {
  if (next.kind === 'tier') return t.nextChange(t.tierNames[next.tier], formatWhen(next.at.getTime()));
  if (next.kind === 'ends') return t.untilRetired(formatWhen(next.at.getTime()));
  return t.noChangeThisWeek;
}

function formatTokens(text: string): string {
  const [whole = '0', fraction] = text.split('.');
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction === undefined ? '' : `.${fraction}`);
}
