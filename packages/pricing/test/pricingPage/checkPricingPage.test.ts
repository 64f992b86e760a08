import { describe, expect, it } from 'vitest';
import { checkPricingPage, parsePricingPage } from '@seekcost/pricing/pricingPage';

const PRO = [
  '| MODEL | deepseek-v4-pro |',
  '| MODEL VERSION | DeepSeek-V4-Pro |',
  '| CONTEXT LENGTH | 1M |',
  '| MAX OUTPUT | MAXIMUM: 384K |',
  '| PRICING | 1M INPUT TOKENS (CACHE HIT) | $0.003625 |',
  '| 1M INPUT TOKENS (CACHE MISS) | $0.435 |',
  '| 1M OUTPUT TOKENS | $0.87 |',
];

describe('checkPricingPage', () => {
  it('passes a page that agrees, at one instant', () => {
    const result = checkPricingPage(parsePricingPage(PRO.join('\n')), { at: '2026-08-05T00:00:00Z' });
    expect(result).toEqual({ ok: true, differences: [], knownConflicts: [], unreadable: [], notCompared: [], comparedAt: ['2026-08-05T00:00:00.000Z'] });
  });
  it('fails an unreadable page even when nothing differs', () => {
    const result = checkPricingPage(parsePricingPage(PRO.slice(0, 4).join('\n')), { at: '2026-08-05T00:00:00Z' });
    expect([result.ok, result.differences.length, result.unreadable.map((u) => u.table)]).toEqual([false, 0, ['model details']]);
  });
  it('reports each difference once, at the first instant it appears', () => {
    const result = checkPricingPage(parsePricingPage(PRO.join('\n')), { from: '2026-08-05T00:00:00Z', to: '2026-08-18T00:00:00Z' });
    expect(result.differences.map((d) => [d.at, d.path.split('.').at(-1)])).toEqual([
      ['2026-08-13T00:00:00.000Z', 'versions'],
      ['2026-08-16T16:00:00.000Z', 'cacheHit'],
      ['2026-08-16T16:00:00.000Z', 'cacheMiss'],
      ['2026-08-16T16:00:00.000Z', 'output'],
    ]);
  });
  it('checks an announced table at its effective instant, where a period must start exactly', () => {
    const announced = [
      ...PRO.map((l) => l.replace('DeepSeek-V4-Pro |', 'DeepSeek-V4-Pro-0813 |')),
      '(1) Peak hours are 01:00 - 04:00 and 06:00 - 10:00 UTC. The new prices take effect at 16:00 UTC on August 16, 2026, as follows:',
      '| MODEL | 1M INPUT TOKENS (CACHE HIT) | 1M INPUT TOKENS (CACHE MISS) | 1M OUTPUT TOKENS |',
      '| deepseek-v4-pro | OFF-PEAK | $0.022 | $0.66 | $1.98 |',
      '| PEAK | $0.044 | $1.32 | $3.96 |',
    ];
    expect(checkPricingPage(parsePricingPage(announced.join('\n')), { at: '2026-08-14T00:00:00Z' }).ok).toBe(true);
    const late = announced.map((l) => l.replace('16:00 UTC on August 16', '16:01 UTC on August 16'));
    expect(checkPricingPage(parsePricingPage(late.join('\n')), { at: '2026-08-14T00:00:00Z' }).differences.map((d) => [d.at, d.path, d.dataSays])).toEqual([
      ['2026-08-16T16:01:00.000Z', 'models.deepseek-v4-pro.periods[deepseek-v4-pro/2026-08-16].from', '2026-08-16T16:00:00.000Z'],
    ]);
  });
  it('refuses an ambiguous or empty instant range with a typed error naming the field', () => {
    const page = parsePricingPage(PRO.join('\n'));
    expect(() => checkPricingPage(page, { at: '2026-08-05T00:00:00Z', from: '2026-08-01T00:00:00Z' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'at' }),
    );
    expect(() => checkPricingPage(page, { from: '2026-08-05T00:00:00Z' })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'from' }));
    expect(() => checkPricingPage(page, { from: '2026-08-05T00:00:00Z', to: '2026-08-05T00:00:00Z' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', field: 'to' }),
    );
    expect(() => checkPricingPage(page, { at: 'yesterday' })).toThrow(expect.objectContaining({ code: 'INVALID_INSTANT' }));
  });
});
