const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
// Beijing time has had no daylight saving since 1991, so a fixed offset is exact for these dates.
const BEIJING_OFFSET_HOURS = 8;
const ZH = /北京时间\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(\d{1,2}):(\d{2})/;
const EN = /(\d{1,2}):(\d{2})\s*UTC\s+on\s+([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4})/;

/**
 * The effective instant a pricing-page sentence names, in epoch milliseconds: English
 * `16:00 UTC on August 16, 2026` or Chinese `北京时间 2026 年 8 月 17 日 00:00`; undefined when the
 * sentence names none.
 *
 * @example
 * ```ts
 * import { parsePageInstant } from '@seekcost/pricing';
 * new Date(parsePageInstant('take effect at 16:00 UTC on August 16, 2026')!).toISOString(); // => '2026-08-16T16:00:00.000Z'
 * new Date(parsePageInstant('将于北京时间 2026 年 11 月 1 日 00:00 起')!).toISOString(); // => '2026-10-31T16:00:00.000Z'
 * parsePageInstant('soon'); // => undefined
 * ```
 */
export function parsePageInstant(sentence: string): number | undefined {
  const zh = ZH.exec(sentence);
  if (zh !== null) {
    const [, y, mo, d, h, mi] = zh.map(Number) as [number, number, number, number, number, number];
    return valid(y, mo, d, h, mi) ? Date.UTC(y, mo - 1, d, h - BEIJING_OFFSET_HOURS, mi) : undefined;
  }
  const en = EN.exec(sentence);
  if (en !== null) {
    const month = MONTHS.indexOf((en[3] ?? '').toLowerCase());
    if (month < 0) return undefined;
    const [h, mi, d, y] = [en[1], en[2], en[4], en[5]].map(Number) as [number, number, number, number];
    return valid(y, month + 1, d, h, mi) ? Date.UTC(y, month, d, h, mi) : undefined;
  }
  return undefined;
}

// Date.UTC rolls 31 February over into March; a date the page cannot mean is no instant.
function valid(year: number, month: number, day: number, hour: number, minute: number): boolean {
  if (month < 1 || month > 12 || hour > 23 || minute > 59) return false;
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day;
}
