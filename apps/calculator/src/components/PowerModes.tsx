import type { Currency } from '@seekcost/pricing';
import type { JSX } from 'preact';
import type { Language, Messages } from '../i18n/messages.ts';
import type { TokenCounter } from '../tokens/tokenCounter.ts';
import { ApiResponseField } from './ApiResponseField.tsx';
import { RequestBodyField } from './RequestBodyField.tsx';

/**
 * Props of {@link PowerModes}.
 *
 * @example
 * ```ts
 * { t: MESSAGES.en, lang: 'en', counter, model: 'deepseek-chat', at, currency: 'USD', formatWhen, onUseTokens }
 * ```
 */
export interface PowerModesProps {
  readonly t: Messages;
  readonly lang: Language;
  readonly counter: TokenCounter;
  readonly model: string;
  readonly at: number;
  readonly currency: Currency;
  readonly formatWhen: (epochMs: number) => string;
  readonly onUseTokens: (tokens: number) => void;
}

/**
 * The two power-user modes side by side: a chat request body -> its predicted prompt tokens
 * ({@link RequestBodyField}), and an API response or usage object -> exactly what it cost
 * ({@link ApiResponseField}).
 *
 * @example
 * ```tsx
 * <PowerModes t={MESSAGES.en} lang="en" counter={counter} model="deepseek-chat" at={at} currency="USD" formatWhen={fmt} onUseTokens={setInput} />
 * ```
 */
export function PowerModes({ t, lang, counter, model, at, currency, formatWhen, onUseTokens }: PowerModesProps): JSX.Element {
  return (
    <section class="card" aria-labelledby="power-title">
      <h2 id="power-title">{t.powerTitle}</h2>
      <div class="power">
        <RequestBodyField t={t} lang={lang} counter={counter} at={at} formatWhen={formatWhen} onUseTokens={onUseTokens} />
        <ApiResponseField t={t} lang={lang} model={model} at={at} currency={currency} formatWhen={formatWhen} />
      </div>
    </section>
  );
}
