import { describe, expect, it } from 'vitest';
import { parsePageInstant } from '../../src/pricingPage/parsePageInstant.ts';

describe('parsePageInstant', () => {
  it('reads the English UTC sentence to the millisecond', () => {
    expect(parsePageInstant('The new prices take effect at 16:00 UTC on August 16, 2026, as follows:')).toBe(Date.parse('2026-08-16T16:00:00.000Z'));
  });
  it('reads Beijing time as UTC+8', () => {
    expect(parsePageInstant('新价格将于北京时间 2026 年 8 月 17 日 00:00 开始生效')).toBe(Date.parse('2026-08-16T16:00:00.000Z'));
    expect(parsePageInstant('并将于北京时间 2026 年 11 月 1 日 00:00 起按次收取调用费用')).toBe(Date.parse('2026-10-31T16:00:00.000Z'));
  });
  it('names no instant for impossible or missing dates', () => {
    expect(parsePageInstant('at 16:00 UTC on February 30, 2026')).toBeUndefined();
    expect(parsePageInstant('at 25:00 UTC on August 16, 2026')).toBeUndefined();
    expect(parsePageInstant('at 16:00 UTC on Smarch 16, 2026')).toBeUndefined();
    expect(parsePageInstant('北京时间 2026 年 13 月 1 日 00:00')).toBeUndefined();
    expect(parsePageInstant('具体时间以正式通知为准')).toBeUndefined();
  });
});
