import type { PagePeakHours } from './pricingPageTypes.ts';

const RANGE = /(\d{1,2}):(\d{2})\s*[-–~～]\s*(\d{1,2}):(\d{2})/g;
// Beijing time is UTC+8 all year (no daylight saving since 1991).
const BEIJING_OFFSET_MINUTES = 480;
const DAY_MINUTES = 1440;

/**
 * The peak-hours sentence of the page, English or Chinese, read into UTC windows and a day rule.
 * Hours in Beijing time are moved to UTC; `Monday to Friday` / `周一至周五` and
 * `excluding Chinese public holidays` / `不含中国法定节假日` set the day rule, every day otherwise.
 * Undefined when the sentence holds no well-formed hour range.
 *
 * @example
 * ```ts
 * import { parsePeakHours } from '@seekcost/pricing';
 * parsePeakHours('Peak hours are 01:00 - 04:00 and 06:00 - 10:00 UTC (all other hours are off-peak).')?.windowsUtc; // => [[60, 240], [360, 600]]
 * const zh = parsePeakHours('北京时间周一至周五(不含中国法定节假日)9:00 - 12:00、14:00 - 18:00 为高峰时段');
 * [zh?.windowsUtc, zh?.days, zh?.excludesHolidays]; // => [[[60, 240], [360, 600]], 'monday-to-friday', true]
 * ```
 */
export function parsePeakHours(sentence: string): Omit<PagePeakHours, 'words' | 'line'> | undefined {
  const ranges = [...sentence.matchAll(RANGE)];
  const last = ranges.at(-1);
  if (last === undefined) return undefined;
  // The zone named right after the hours wins ("... 10:00 UTC, Monday to Friday (Beijing time)");
  // otherwise Beijing time anywhere in the sentence, otherwise UTC anywhere.
  const after = sentence.slice((last.index ?? 0) + last[0].length);
  const utcAfter = /^\s*\(?UTC\)?(?!\s*\+)/.test(after);
  const beijing = !utcAfter && /北京时间|Beijing Time/i.test(sentence);
  if (!utcAfter && !beijing && !/\bUTC\b(?!\s*\+)/.test(sentence)) return undefined;
  const shift = beijing ? BEIJING_OFFSET_MINUTES : 0;
  const windows: (readonly [number, number])[] = [];
  for (const m of ranges) {
    const [sh, sm, eh, em] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    if (sh > 24 || eh > 24 || sm > 59 || em > 59) return undefined;
    const start = (((sh * 60 + sm - shift) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
    const end = (((eh * 60 + em - shift) % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
    windows.push([start, end]);
  }
  return {
    windowsUtc: windows,
    timeZone: beijing ? 'Asia/Shanghai' : 'UTC',
    days: /周一至周五|Monday (?:to|through) Friday|weekdays/i.test(sentence) ? 'monday-to-friday' : 'every-day',
    excludesHolidays: /不含中国法定节假日|excluding (?:Chinese )?public holidays/i.test(sentence),
    offPeakIsHalf: /一半|half/i.test(sentence),
  };
}
