import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { describeError } from '../i18n/describeError.ts';
import type { Language, Messages } from '../i18n/messages.ts';
import { parseJsonField } from '../logic/parseJsonField.ts';
import type { TokenCounter } from '../tokens/tokenCounter.ts';
import type { PromptPrediction } from '../tokens/workerProtocol.ts';
import { PromptBreakdown } from './PromptBreakdown.tsx';

/**
 * Props of {@link RequestBodyField}.
 *
 * @example
 * ```ts
 * { t: MESSAGES.en, lang: 'en', counter, at, formatWhen, onUseTokens }
 * ```
 */
export interface RequestBodyFieldProps {
  readonly t: Messages;
  readonly lang: Language;
  readonly counter: TokenCounter;
  /** The instant whose chat template applies. */
  readonly at: number;
  readonly formatWhen: (epochMs: number) => string;
  readonly onUseTokens: (tokens: number) => void;
}

type BodyState =
  | { readonly kind: 'empty' }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'counting' }
  | { readonly kind: 'done'; readonly prediction: PromptPrediction };

/**
 * A chat request body (JSON) -> its predicted prompt tokens, counted in the worker; the count can be
 * used as the form's input tokens. Bad JSON or a malformed body gets a message at the field in the
 * page's language. The per-part breakdown sits under the count, saying which parts are estimated.
 *
 * @example
 * ```tsx
 * <RequestBodyField t={MESSAGES.en} lang="en" counter={counter} at={at} formatWhen={fmt} onUseTokens={setInput} />
 * ```
 */
export function RequestBodyField({ t, lang, counter, at, formatWhen, onUseTokens }: RequestBodyFieldProps): JSX.Element {
  const [body, setBody] = useState<BodyState>({ kind: 'empty' });
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
      (prediction) => {
        if (job === bodyJob.current) setBody({ kind: 'done', prediction });
      },
      (error: unknown) => {
        if (job !== bodyJob.current || (error instanceof Error && error.message === 'superseded')) return;
        setBody({ kind: 'error', message: describeError(error, lang, formatWhen) });
      },
    );
  };

  return (
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
          <>
            <p data-testid="predicted-prompt-tokens">
              {t.predictedPromptTokens(body.prediction.tokens.toLocaleString('en-US'))}{' '}
              <button type="button" onClick={() => onUseTokens(body.prediction.tokens)}>
                {t.useForInput}
              </button>
            </p>
            <PromptBreakdown t={t} prediction={body.prediction} />
          </>
        ) : null}
      </div>
    </div>
  );
}
