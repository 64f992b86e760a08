import type { JSX } from 'preact';
import type { Messages } from '../i18n/messages.ts';

/**
 * Props of {@link WhenField}.
 *
 * @example
 * ```ts
 * { t: MESSAGES.en, value: '2026-09-01T04:00', zones: 'Local (Europe/Berlin) · UTC 2026-09-01 02:00 · Beijing 2026-09-01 10:00', error: null, onChange, onNow }
 * ```
 */
export interface WhenFieldProps {
  readonly t: Messages;
  /** The instant on the browser's clock, as a datetime-local value. */
  readonly value: string;
  /** The same instant on the local, UTC and Beijing clocks. */
  readonly zones: string;
  readonly error: string | null;
  readonly onChange: (value: string) => void;
  readonly onNow: () => void;
}

/**
 * The "When" field: a local date and time, a "Now" button, the instant in UTC and Beijing time
 * under it, and a pricing error about the instant (before the price history...) tied to it.
 *
 * @example
 * ```tsx
 * <WhenField t={MESSAGES.en} value="2026-09-01T04:00" zones="…" error={null} onChange={setWhen} onNow={resetToNow} />
 * ```
 */
export function WhenField({ t, value, zones, error, onChange, onNow }: WhenFieldProps): JSX.Element {
  return (
    <div class="field wide">
      <label for="when">{t.when}</label>
      <div class="control when">
        <input
          id="when"
          type="datetime-local"
          value={value}
          aria-describedby={error === null ? 'when-zones' : 'when-zones when-error'}
          aria-invalid={error !== null}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
        <button type="button" onClick={onNow}>
          {t.now}
        </button>
      </div>
      <p id="when-zones" class="hint" data-testid="when-zones">
        {zones}
      </p>
      {error === null ? null : (
        <p id="when-error" class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
