import { resolvePrice } from '@seekcost/pricing';
import { describe, expect, it } from 'vitest';
import { describeTierCondition, type TierCondition } from '../../src/i18n/describeTierCondition.ts';

const AT = Date.parse('2026-09-01T02:00:00Z');

function conditionsAt(model: string, at: number): TierCondition[] {
  return resolvePrice({ model, at, currency: 'USD' }).period.tiers.flatMap((tier) => (tier.condition === undefined ? [] : [tier.condition]));
}

describe('describeTierCondition', () => {
  it('reads the V4 peak windows on the Beijing clock in Chinese, and in UTC with Beijing beside it in English', () => {
    const peak = {
      windows: [
        [60, 240],
        [360, 600],
      ],
      timeZone: 'UTC',
      weekdays: { days: new Set([1, 2, 3, 4, 5]), timeZone: 'Asia/Shanghai' },
      exceptCalendar: undefined,
    } as const;
    expect(describeTierCondition(peak as unknown as TierCondition, 'zh', AT)).toBe('北京时间 09:00–12:00、14:00–18:00，周一至周五');
    expect(describeTierCondition(peak as unknown as TierCondition, 'en', AT)).toBe(
      '01:00–04:00, 06:00–10:00 UTC (Beijing 09:00–12:00, 14:00–18:00), Mon–Fri Beijing time',
    );
  });

  it('wraps windows past midnight when converting, and names the holiday calendar', () => {
    const offPeak = {
      windows: [[990, 30]],
      timeZone: 'UTC',
      weekdays: { days: new Set([6, 7]), timeZone: 'UTC' },
      exceptCalendar: { id: 'cn-public-holidays' },
    };
    expect(describeTierCondition(offPeak as unknown as TierCondition, 'zh', AT)).toBe('北京时间 00:30–08:30，周六、周日（UTC），法定节假日除外');
    expect(describeTierCondition(offPeak as unknown as TierCondition, 'en', AT)).toBe(
      '16:30–00:30 UTC (Beijing 00:30–08:30), Sat Sun (UTC), except Chinese public holidays',
    );
    const beijing = { windows: [[0, 510]], timeZone: 'Asia/Shanghai', weekdays: undefined, exceptCalendar: { id: 'other-calendar' } };
    expect(describeTierCondition(beijing as unknown as TierCondition, 'en', AT)).toBe('00:00–08:30 Beijing, except other-calendar');
  });

  it('describes every conditional tier of the bundled data in Chinese without a UTC clock', () => {
    const seen = [...conditionsAt('deepseek-v4-flash', AT), ...conditionsAt('deepseek-chat', Date.parse('2025-03-01T12:00:00Z'))];
    expect(seen.length).toBeGreaterThan(0);
    for (const condition of seen) {
      const text = describeTierCondition(condition, 'zh', AT);
      expect(text).toMatch(/^北京时间 \d{2}:\d{2}–\d{2}:\d{2}/);
      expect(text).not.toContain(' UTC');
    }
  });
});
