import type { Currency } from '@seekcost/pricing';
import { useRef, useState } from 'preact/hooks';
import type { Messages } from '../i18n/messages.ts';
import { formatMoney } from '../logic/formatMoney.ts';
import { parseJsonField } from '../logic/parseJsonField.ts';
import { priceApiResponse } from '../logic/priceApiResponse.ts';
import { formatInZone } from '../logic/zoneClock.ts';
import type { TokenCounter } from '../tokens/tokenCounter.ts';

/**
 * Props of {@link PowerModes}.
 *
 * @example
 * ```ts
 * { t: MESSAGES.en, counter, model: 'deepseek-chat', at, currency: 'USD', onUseTokens }
 * ```
 */
export interface PowerModesProps {
  readonly t: Messages;
  readonly counter: TokenCounter;
  readonly model: string;
  readonly at: number;
  readonly currency: Currency;
  readonly onUseTokens: (tokens: number) => void;
}

type BodyState = { readonly kind: 'empty' } | { readonly kind: 'error'; readonly message: string } | { readonly kind: 'counting' } | { readonly kind: 'done'; readonly tokens: number };

/**
 * The two power-user modes: a chat request body (JSON) -> its predicted prompt tokens, and an API
 * response or `usage` object (JSON, OpenAI or Anthropic format) -> exactly what it cost. Bad JSON
 * gets a message at the field (`aria-invalid`, described by the message), never a blank page.
 *
 * @example
 * ```tsx
 * <PowerModes t={MESSAGES.en} counter={counter} model="deepseek-chat" at={at} currency="USD" onUseTokens={setInput} />
 * ```
 */
export function PowerModes({ t, counter, model, at, currency, onUseTokens }: PowerModesProps) {
  const [body, setBody] = useState<BodyState>({ kind: 'empty' });
  const [responseText, setResponseText] = useState('');
  const bodyJob = useRef(0);

  const onBody = (event: Event) => {
    const text = (event.currentTarget as HTMLTextAreaElement).value;
    const job = ++bodyJob.current;
    if (text.trim() === '') return setBody({ kind: 'empty' });
    const parsed = parseJsonField(text);
    if (!parsed.ok) return setBody({ kind: 'error', message: t.badJson(parsed.reason) });
    if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) return setBody({ kind: 'error', message: t.notAnObject });
    setBody({ kind: 'counting' });
    counter.promptTokens(parsed.value, at).then(
      (tokens) => {
        if (job === bodyJob.current) setBody({ kind: 'done', tokens });
      },
      (error: unknown) => {
        if (job !== bodyJob.current || (error instanceof Error && error.message === 'superseded')) return;
        setBody({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      },
    );
  };

  let responseResult = null;
  let responseError: string | null = null;
  if (responseText.trim() !== '') {
    const parsed = parseJsonField(responseText);
    if (!parsed.ok) responseError = t.badJson(parsed.reason);
    else {
      const priced = priceApiResponse(parsed.value, model, at, currency);
      if (priced.ok) responseResult = priced;
      else responseError = priced.error === 'not-an-object' ? t.notAnObject : priced.error.message;
    }
  }

  return (
    <section class="card" aria-labelledby="power-title">
      <h2 id="power-title">{t.powerTitle}</h2>
      <div class="power">
        <div class="field">
          <label for="request-body">{t.requestBody}</label>
          <textarea
            id="request-body"
            rows={5}
            spellcheck={false}
            autoComplete="off"
            aria-invalid={body.kind === 'error'}
            aria-describedby="request-body-hint request-body-result"
            onInput={onBody}
          />
          <p id="request-body-hint" class="hint">
            {t.requestBodyHint}
          </p>
          <div id="request-body-result" aria-live="polite">
            {body.kind === 'error' ? (
              <p class="error" role="alert" data-testid="request-body-error">
                {body.message}
              </p>
            ) : body.kind === 'counting' ? (
              <p class="hint">{t.exactCounting}</p>
            ) : body.kind === 'done' ? (
              <p data-testid="predicted-prompt-tokens">
                {t.predictedPromptTokens(body.tokens.toLocaleString('en-US'))}{' '}
                <button type="button" onClick={() => onUseTokens(body.tokens)}>
                  {t.useForInput}
                </button>
              </p>
            ) : null}
          </div>
        </div>
        <div class="field">
          <label for="api-response">{t.apiResponse}</label>
          <textarea
            id="api-response"
            rows={5}
            spellcheck={false}
            autoComplete="off"
            aria-invalid={responseError !== null}
            aria-describedby="api-response-hint api-response-result"
            onInput={(e) => setResponseText(e.currentTarget.value)}
          />
          <p id="api-response-hint" class="hint">
            {t.apiResponseHint}
          </p>
          <div id="api-response-result" aria-live="polite">
            {responseError !== null ? (
              <p class="error" role="alert" data-testid="api-response-error">
                {responseError}
              </p>
            ) : responseResult !== null ? (
              <div data-testid="api-response-cost">
                <p>
                  {t.responseCost}: <strong data-testid="api-response-total">{formatMoney(responseResult.quote.total, currency)}</strong>
                </p>
                <p class="hint">
                  {t.pricedAs(responseResult.quote.provenance.model, `${formatInZone(responseResult.at, 'UTC')} UTC`, t.tierNames[responseResult.quote.provenance.tier])}
                  {' · '}
                  {responseResult.quote.lines
                    .map((l) => `${l.component === 'output' ? t.output : l.component === 'input-cache-hit' ? t.cacheHitInput : t.cacheMissInput}: ${l.tokens.toLocaleString('en-US')} = ${formatMoney(l.amount, currency)}`)
                    .join(' · ')}
                </p>
                {responseResult.quote.warnings.length === 0 ? null : (
                  <ul class="warnings small">
                    {responseResult.quote.warnings.map((w) => (
                      <li key={w.code}>{t.warningNames[w.code] === undefined ? w.message : `${t.warningNames[w.code]}：${w.message}`}</li>
                    ))}
                  </ul>
                )}
              </div>
            ) : null}
          </div>
        </div>
      </div>
    </section>
  );
}
