import type { Currency } from '@seekcost/pricing';
import { isoDateOfEpochDay } from '@seekcost/pricing';
import type { Messages } from '../i18n/messages.ts';
import { formatMoney } from '../logic/formatMoney.ts';
import type { WeekHeatmap } from '../logic/weekHeatmap.ts';
import type { ZoneChoice } from '../state/calculatorState.ts';

/**
 * Props of {@link WeekHeatmapView}.
 *
 * @example
 * ```ts
 * { t: MESSAGES.en, model: 'deepseek-v4-pro', heatmap, zone: 'utc', onZone, currency: 'USD', cheapestText: null }
 * ```
 */
export interface WeekHeatmapViewProps {
  readonly t: Messages;
  readonly model: string;
  readonly heatmap: WeekHeatmap | null;
  readonly zone: ZoneChoice;
  readonly onZone: (zone: ZoneChoice) => void;
  readonly currency: Currency;
  /** "Cheapest time to run" text, or null when the model has no price in the coming week. */
  readonly cheapestText: string | null;
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/**
 * The chosen model's price over a week as a 7 x 24 grid (rows: days, columns: hours) on a local,
 * UTC or Beijing clock, with the cheapest hours marked and the cheapest time to run spelled out.
 *
 * @example
 * ```tsx
 * <WeekHeatmapView t={MESSAGES.en} model="deepseek-v4-pro" heatmap={map} zone="utc" onZone={setZone} currency="USD" cheapestText="..." />
 * ```
 */
export function WeekHeatmapView({ t, model, heatmap, zone, onZone, currency, cheapestText }: WeekHeatmapViewProps) {
  const zones: readonly [ZoneChoice, string][] = [
    ['local', t.local],
    ['utc', t.utc],
    ['beijing', t.beijing],
  ];
  return (
    <section class="card" aria-labelledby="heatmap-title">
      <h2 id="heatmap-title">{t.heatmapTitle}</h2>
      <fieldset class="segmented">
        <legend>{t.zoneSwitch}</legend>
        {zones.map(([value, label]) => (
          <label key={value}>
            <input type="radio" name="zone" value={value} checked={zone === value} onChange={() => onZone(value)} />
            <span>{label}</span>
          </label>
        ))}
      </fieldset>
      {cheapestText === null ? null : (
        <p class="cheapest" data-testid="cheapest-time">
          {cheapestText}
        </p>
      )}
      {heatmap === null ? null : (
        // Focusable so keyboard users can scroll it where the screen is narrower than the grid.
        <div class="scroll" tabIndex={0} role="region" aria-labelledby="heatmap-caption">
          <table class="heatmap">
            <caption id="heatmap-caption">{t.heatmapCaption(model)}</caption>
            <thead>
              <tr>
                <th scope="col" class="day">
                  <span class="sr-only">{t.day}</span>
                </th>
                {HOURS.map((h) => (
                  <th scope="col" key={h}>
                    {/* Every third hour is labelled (every sixth on a phone, where cells are too narrow); the rest are for screen readers. */}
                    <span class={h % 6 === 0 ? undefined : h % 3 === 0 ? 'phone-sr' : 'sr-only'}>{String(h).padStart(2, '0')}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {heatmap.days.map((day) => (
                <tr key={day.epochDay}>
                  <th scope="row" class="day">
                    {t.weekdays[day.isoWeekday - 1]} <span class="muted small phone-sr">{isoDateOfEpochDay(day.epochDay).slice(5)}</span>
                  </th>
                  {day.cells.map((cell, h) => {
                    const label =
                      cell.perRequest === null
                        ? t.unavailable
                        : `${formatMoney(cell.perRequest, currency)} ${cell.tier === null ? '' : t.tierNames[cell.tier]}${cell.cheapest ? ` (${t.cheapestMark})` : ''}`;
                    return (
                      <td
                        key={h}
                        class={cell.perRequest === null ? 'cell none' : cell.cheapest ? 'cell cheapest' : 'cell'}
                        style={cell.perRequest === null ? undefined : { '--level': cell.level.toFixed(3) }}
                        title={`${String(h).padStart(2, '0')}:00 ${label}`}
                      >
                        <span class="sr-only">{label}</span>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
