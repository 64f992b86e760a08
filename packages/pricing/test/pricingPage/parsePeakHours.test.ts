import { describe, expect, it } from 'vitest';
import { parsePeakHours } from '../../src/pricingPage/parsePeakHours.ts';

describe('parsePeakHours', () => {
  it('reads the English UTC sentence, every day', () => {
    expect(
      parsePeakHours('(1) Off-peak rates are half of the peak rates. Peak hours are 01:00 - 04:00 and 06:00 - 10:00 UTC (all other hours are off-peak).'),
    ).toEqual({
      windowsUtc: [
        [60, 240],
        [360, 600],
      ],
      timeZone: 'UTC',
      days: 'every-day',
      excludesHolidays: false,
      offPeakIsHalf: true,
    });
  });
  it('moves Beijing hours to UTC and reads the weekday and holiday rule', () => {
    expect(
      parsePeakHours(
        '(2) 空闲时段价格为高峰时段价格的一半。北京时间周一至周五(不含中国法定节假日)9:00 - 12:00、14:00 - 18:00 为高峰时段;其余时段,包括周末及中国法定节假日全天均为空闲时段。',
      ),
    ).toEqual({
      windowsUtc: [
        [60, 240],
        [360, 600],
      ],
      timeZone: 'Asia/Shanghai',
      days: 'monday-to-friday',
      excludesHolidays: true,
      offPeakIsHalf: true,
    });
  });
  it('wraps windows that cross midnight UTC', () => {
    expect(parsePeakHours('高峰时段为北京时间 07:00 - 09:00')?.windowsUtc).toEqual([[1380, 60]]);
  });
  it('reads nothing without hours, with impossible hours, or without a zone', () => {
    expect(parsePeakHours('Peak hours are announced later.')).toBeUndefined();
    expect(parsePeakHours('Peak hours are 01:75 - 04:00 UTC')).toBeUndefined();
    expect(parsePeakHours('Peak hours are 01:00 - 04:00')).toBeUndefined();
  });
});
