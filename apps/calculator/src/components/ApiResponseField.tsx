import type { Currency } from '@seekcost/pricing';
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { describeError } from '../i18n/describeError.ts';
import type { Language, Messages } from '../i18n/messages.ts';
import { formatMoney } from '../logic/formatMoney.ts';
import { parseJsonField } from '../logic/parseJsonField.ts';
import { priceApiResponse, type ResponsePricing } from '../logic/priceApiResponse.ts';
import { formatInZone } from '../logic/zoneClock.ts';

/**
 * Props of {@link ApiResponseField}.
 *
 * @example
 * ```ts
 * { t: MESSAGES.en, lang: 'en', model: 'deepseek-chat', at, currency: 'USD', formatWhen }
 * ```
 */
export interface ApiResponseFieldProps {
  readonly t: Messages;
  readonly lang: Language;
  /** The form's model and instant, used for a bare usage object (a response carries its own). */
  readonly model: string;
  readonly at: number;
  readonly currency: Currency;
  readonly formatWhen: (epochMs: number) => string;
}

/**
 * An API response or `usage` object (JSON, OpenAI or Anthropic format) -> exactly what it cost, line
 * by line. Bad JSON or unpriceable usage gets a message at the field (`aria-invalid`, described by
 * the message) in the page's language, never a blank page.
 *
 * @example
 * ```tsx
 * <ApiResponseField t={MESSAGES.en} lang="en" model="deepseek-chat" at={at} currency="USD" formatWhen={fmt} />
 * ```
 */
export function ApiResponseField({ t, lang, model, at, currency, formatWhen }: ApiResponseFieldProps): JSX.Element {
  const [responseText, setResponseText] = useState('');
  let priced: Extract<ResponsePricing, { ok: true }> | null = null;
  let error: string | null = null;
  if (responseText.trim() !== '') {
    const parsed = parseJsonField(responseText);
    if (!parsed.ok) error = t.badJson(parsed.reason);
    else {
      const result = priceApiResponse(parsed.value, model, at, currency);
      if (result.ok) priced = result;
      else error = result.error === 'not-an-object' ? t.notAnObject : describeError(result.error, lang, formatWhen);
    }
  }
  const componentName = (component: string) => (component === 'output' ? t.output : component === 'input-cache-hit' ? t.cacheHitInput : t.cacheMissInput);

  return (
    <div class="field">
      <label for="api-response">{t.apiResponse}</label>
      <textarea
        id="api-response"
        rows={5}
        spellcheck={false}
        autoComplete="off"
        aria-invalid={error !== null}
        aria-describedby="api-response-hint api-response-result"
        onInput={(e) => setResponseText(e.currentTarget.value)}
      />
      <p id="api-response-hint" class="hint">
        {t.apiResponseHint}
      </p>
      <div id="api-response-result" aria-live="polite">
        {error !== null ? (
          <p class="error" role="alert" data-testid="api-response-error">
            {error}
          </p>
        ) : priced !== null ? (
          <div data-testid="api-response-cost">
            <p>
              {t.responseCost}: <strong data-testid="api-response-total">{formatMoney(priced.quote.total, currency)}</strong>
            </p>
            <p class="hint">
              {t.pricedAs(priced.quote.provenance.model, `${formatInZone(priced.at, 'UTC')} UTC`, t.tierNames[priced.quote.provenance.tier])}
              {' · '}
              {priced.quote.lines
                .map((l) => `${componentName(l.component)}: ${l.tokens.toLocaleString('en-US')} = ${formatMoney(l.amount, currency)}`)
                .join(' · ')}
            </p>
            {priced.quote.warnings.length === 0 ? null : (
              <ul class="warnings small">
                {priced.quote.warnings.map((w) => (
                  <li key={w.code}>{t.warningNames[w.code] === undefined ? w.message : `${t.warningNames[w.code]}：${w.message}`}</li>
                ))}
              </ul>
            )}
          </div>
        ) : null}
      </div>
    </div>
  );
}
