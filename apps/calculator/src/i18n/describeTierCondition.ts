import { zoneOffsetMinutes, type CompiledPeriod } from '@seekcost/pricing';
import { DAY_MINUTES } from '../logic/timeUnits.ts';
import { BEIJING_ZONE } from '../logic/zoneClock.ts';
import { MESSAGES, type Language } from './messages.ts';

/**
 * A tier's condition as the price data compiles it (windows, zone, weekdays, holiday calendar).
 *
 * @example
 * ```ts
 * const condition: TierCondition | undefined = resolvePrice({ model, at }).period.tiers[0]?.condition;
 * ```
 */
export type TierCondition = NonNullable<CompiledPeriod['tiers'][number]['condition']>;

/** Names of the holiday calendars the price data refers to; an unknown id is shown as it is. */
const CALENDARS: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  en: { 'cn-public-holidays': 'Chinese public holidays' },
  zh: { 'cn-public-holidays': '法定节假日' },
};

/**
 * When a conditional tier applies, in the page's language. DeepSeek publishes its windows in
 * Beijing time, so Chinese pages read them on that clock alone ("北京时间 09:00–12:00"); English pages
 * keep the zone the data states and add Beijing time beside it when that differs. Offsets are taken
 * at `at` (the instant being priced), which stays right for any zone with daylight saving.
 *
 * @example
 * ```ts
 * const peak = { windows: [[60, 240], [360, 600]], timeZone: 'UTC', weekdays: { days: new Set([1, 2, 3, 4, 5]), timeZone: 'Asia/Shanghai' }, exceptCalendar: undefined };
 * describeTierCondition(peak, 'zh', Date.parse('2026-09-01T02:00:00Z')); // '北京时间 09:00–12:00、14:00–18:00，周一至周五'
 * describeTierCondition(peak, 'en', Date.parse('2026-09-01T02:00:00Z'));
 * // '01:00–04:00, 06:00–10:00 UTC (Beijing 09:00–12:00, 14:00–18:00), Mon–Fri Beijing time'
 * ```
 */
export function describeTierCondition(condition: TierCondition, lang: Language, at: number): string {
  const t = MESSAGES[lang];
  const zh = lang === 'zh';
  const shift = zoneOffsetMinutes(at, BEIJING_ZONE) - zoneOffsetMinutes(at, condition.timeZone);
  const windowList = (delta: number) => condition.windows.map(([start, end]) => `${clock(start + delta)}–${clock(end + delta)}`).join(zh ? '、' : ', ');
  const inBeijing = condition.timeZone === BEIJING_ZONE || shift === 0;
  const parts: string[] = [];
  if (zh) parts.push(`北京时间 ${windowList(shift)}`);
  else if (inBeijing) parts.push(`${windowList(0)} ${t.beijing}`);
  else parts.push(`${windowList(0)} ${condition.timeZone} (${t.beijing} ${windowList(shift)})`);
  const weekdays = condition.weekdays;
  if (weekdays !== undefined) {
    const days = dayRuns(
      [...weekdays.days].sort((a, b) => a - b),
      t.weekdays,
      zh ? '至' : '–',
    );
    const weekdaysInBeijing = weekdays.timeZone === BEIJING_ZONE;
    if (zh) parts.push(weekdaysInBeijing ? days : `${days}（${weekdays.timeZone}）`);
    else parts.push(weekdaysInBeijing ? `${days} Beijing time` : `${days} (${weekdays.timeZone})`);
  }
  const calendar = condition.exceptCalendar;
  if (calendar !== undefined) {
    const name = CALENDARS[lang][calendar.id] ?? calendar.id;
    parts.push(zh ? `${name}除外` : `except ${name}`);
  }
  return parts.join(zh ? '，' : ', ');
}

function clock(minute: number): string {
  const m = ((minute % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** ISO weekdays as names, with runs of three or more joined ("Mon–Fri"). */
function dayRuns(days: readonly number[], names: readonly string[], joiner: string): string {
  const name = (d: number) => names[d - 1] ?? String(d);
  const runs: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && (days[j + 1] as number) === (days[j] as number) + 1) j++;
    const first = days[i] as number;
    const last = days[j] as number;
    if (j - i >= 2) runs.push(`${name(first)}${joiner}${name(last)}`);
    else for (let k = i; k <= j; k++) runs.push(name(days[k] as number));
    i = j + 1;
  }
  return runs.join(joiner === '至' ? '、' : ' ');
}
