import type { ModelListing } from '@seekcost/pricing';
import type { Messages } from '../i18n/messages.ts';

/**
 * Props of {@link ModelSelect}.
 *
 * @example
 * ```ts
 * { t: MESSAGES.en, listings: listModels({ at }), value: 'deepseek-chat', at, onChange }
 * ```
 */
export interface ModelSelectProps {
  readonly t: Messages;
  readonly listings: readonly ModelListing[];
  readonly value: string;
  /** The instant the listing is for (retirements before it are labelled). */
  readonly at: number;
  readonly onChange: (model: string) => void;
  readonly describedBy?: string;
}

/**
 * The "Model" picker: current models first, aliases with the model they route to, then older or
 * unavailable ids in their own group (still selectable, to price the past).
 *
 * @example
 * ```tsx
 * <ModelSelect t={MESSAGES.en} listings={listModels({ at })} value="deepseek-chat" at={at} onChange={setModel} />
 * ```
 */
export function ModelSelect({ t, listings, value, at, onChange, describedBy }: ModelSelectProps) {
  const current = listings.filter((m) => m.available);
  const older = listings.filter((m) => !m.available);
  const known = listings.some((m) => m.id === value);
  return (
    <select id="model" value={value} aria-describedby={describedBy} onChange={(e) => onChange(e.currentTarget.value)}>
      <optgroup label={t.currentModels}>
        {current.map((m) => (
          <option key={m.id} value={m.id}>
            {m.isAlias && m.billsAs !== null ? `${m.id} → ${m.billsAs} (${t.aliasOf(m.billsAs)})` : `${m.id} · ${m.displayName}`}
          </option>
        ))}
      </optgroup>
      <optgroup label={t.olderModels}>
        {older.map((m) => (
          <option key={m.id} value={m.id}>
            {`${m.id} · ${m.retiredAt !== null && m.retiredAt.getTime() <= at ? t.retiredOn(m.retiredAt.toISOString().slice(0, 10)) : t.notPricedThen}`}
          </option>
        ))}
        {known ? null : <option value={value}>{value}</option>}
      </optgroup>
    </select>
  );
}
