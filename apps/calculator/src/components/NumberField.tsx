import type { JSX } from 'preact';

/**
 * Props of {@link NumberField}.
 *
 * @example
 * ```ts
 * { id: 'cacheHit', label: 'Cache hit', value: '40', suffix: '%', inputMode: 'decimal', error: null, onInput }
 * ```
 */
export interface NumberFieldProps {
  readonly id: string;
  readonly label: string;
  /** The text as typed (kept as is so a half-typed value is shown back and flagged, never rewritten). */
  readonly value: string;
  readonly suffix?: string;
  readonly inputMode: 'numeric' | 'decimal';
  /** What is wrong with the value, shown under the field; null when it is fine. */
  readonly error: string | null;
  readonly onInput: (value: string) => void;
}

/**
 * A labelled text field for a number, with an optional unit after it and its error tied to it
 * (`aria-invalid`, `aria-describedby`).
 *
 * @example
 * ```tsx
 * <NumberField id="outputTokens" label="Output tokens" value="1000" inputMode="numeric" error={null} onInput={setOutput} />
 * ```
 */
export function NumberField({ id, label, value, suffix, inputMode, error, onInput }: NumberFieldProps): JSX.Element {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <div class={suffix === undefined ? 'control' : 'control with-suffix'}>
        <input
          id={id}
          inputMode={inputMode}
          autoComplete="off"
          value={value}
          aria-invalid={error !== null}
          aria-describedby={error === null ? undefined : `${id}-error`}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
        {suffix === undefined ? null : <span class="suffix">{suffix}</span>}
      </div>
      {error === null ? null : (
        <p id={`${id}-error`} class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
