import type { JSX } from 'preact';
import type { Messages } from '../i18n/messages.ts';

/**
 * Props of {@link WarningsCard}.
 *
 * @example
 * ```ts
 * { t: MESSAGES.en, warnings: ['deepseek-chat is retired on 2026-07-24 23:59 Beijing; requests after that are rejected'] }
 * ```
 */
export interface WarningsCardProps {
  readonly t: Messages;
  readonly warnings: readonly string[];
}

/**
 * The warnings of the current estimate (limits exceeded, uncertain cutover, retirement...); nothing
 * when there are none.
 *
 * @example
 * ```tsx
 * <WarningsCard t={MESSAGES.en} warnings={view.warnings} />
 * ```
 */
export function WarningsCard({ t, warnings }: WarningsCardProps): JSX.Element | null {
  if (warnings.length === 0) return null;
  return (
    <section class="card warn" aria-labelledby="warnings-title">
      <h2 id="warnings-title">{t.warningsTitle}</h2>
      <ul data-testid="warnings">
        {warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </section>
  );
}
