import { describe, expect, it } from 'vitest';
import { getBundledTariff } from '@seekcost/pricing';
import { comparePricingPage, parsePricingPage } from '@seekcost/pricing/pricingPage';
import { compareModel } from '../../src/pricingPage/comparePricingPage.ts';

const tariff = getBundledTariff();
const at = (iso: string) => Date.parse(iso);
const V41 = [
  '| MODEL | deepseek-flash | deepseek-v4-pro |',
  '| MODEL VERSION | DeepSeek-V4.1-Flash-1017 | DeepSeek-V4-Pro-0813 |',
  '| CONTEXT LENGTH | 1M |',
  '| MAX OUTPUT | MAXIMUM: 384K |',
  '| PRICING | 1M INPUT TOKENS (CACHE HIT) | OFF-PEAK | 0.02元 | 0.15元 |',
  '| PEAK | 0.04元 | 0.30元 |',
  '| 1M INPUT TOKENS (CACHE MISS) | OFF-PEAK | 1元 | 4.5元 |',
  '| PEAK | 2元 | 9.0元 |',
  '| 1M OUTPUT TOKENS | OFF-PEAK | 4元 | 13.5元 |',
  '| PEAK | 8元 | 27.0元 |',
];
const RULE = '北京时间周一至周五(不含中国法定节假日)9:00 - 12:00、14:00 - 18:00 为高峰时段;空闲时段价格为高峰时段价格的一半。';

describe('comparePricingPage', () => {
  it('agrees with the V4.1 page in November, and names each mismatch in September', () => {
    const page = parsePricingPage([...V41, RULE].join('\n'));
    expect(comparePricingPage(page, at('2026-11-20T00:00:00Z'), tariff)).toEqual([]);
    expect(comparePricingPage(page, at('2026-09-20T00:00:00Z'), tariff).map((d) => [d.path, d.dataSays])).toEqual([
      ['models.deepseek-flash.versions', 'DeepSeek-V4.1-Flash'],
    ]);
  });
  it('compares the day rule and the windows of the peak tier', () => {
    const everyDay = parsePricingPage([...V41, '高峰时段为北京时间 9:00 - 12:00、15:00 - 18:00(其余为空闲时段)。'].join('\n'));
    expect(comparePricingPage(everyDay, at('2026-11-20T00:00:00Z'), tariff).map((d) => [d.path, d.dataSays])).toEqual([
      ['models.deepseek-flash.periods[deepseek-flash/2026-09-10].tiers.peak.when.windows', '01:00-04:00 UTC, 06:00-10:00 UTC'],
      ['models.deepseek-flash.periods[deepseek-flash/2026-09-10].tiers.peak.when.weekdays', 'monday-to-friday'],
      ['models.deepseek-flash.periods[deepseek-flash/2026-09-10].tiers.peak.when.exceptDates', 'cn-public-holidays'],
      ['models.deepseek-v4-pro.periods[deepseek-v4-pro/2026-09-10].tiers.peak.when.windows', '01:00-04:00 UTC, 06:00-10:00 UTC'],
      ['models.deepseek-v4-pro.periods[deepseek-v4-pro/2026-09-10].tiers.peak.when.weekdays', 'monday-to-friday'],
      ['models.deepseek-v4-pro.periods[deepseek-v4-pro/2026-09-10].tiers.peak.when.exceptDates', 'cn-public-holidays'],
    ]);
  });
  it('compares per-call prices by way of calling, the free-tool-call rule and legacy routes', () => {
    const page = parsePricingPage(
      [
        ...V41,
        RULE,
        '(1) 模型名请使用 deepseek-flash。旧模型名 deepseek-v4-flash、deepseek-v4-flash-vision-exp 仍可调用。',
        '无论是直接调用 Search 与 Fetch API,还是模型通过联网工具等工具使用,都按此价格计费。',
        '| 项目 | 计费单位 | 价格 |',
        '| 搜索(文字、图片) | 每 1,000 次 | 5元 |',
      ].join('\n'),
    );
    expect(comparePricingPage(page, at('2026-11-20T00:00:00Z'), tariff)).toEqual([]);
    expect(comparePricingPage(page, at('2026-10-20T00:00:00Z'), tariff).map((d) => [d.path, d.dataSays])).toEqual([
      ['meteredItems.search.periods[search/tool-call/2026-08-12].prices.CNY.price', '0 (via tool-call)'],
    ]);
    expect(comparePricingPage(page, at('2026-09-01T00:00:00Z'), tariff).map((d) => d.path)).toContain('ids.deepseek-v4-flash.routes');
  });
});

describe('compareModel', () => {
  it('reports a model the data does not price at that instant, with the reason', () => {
    const [flash] = parsePricingPage(V41.join('\n')).models;
    expect(compareModel(flash!, undefined, at('2026-08-01T00:00:00Z'), tariff, true).map((d) => [d.path, d.dataSays])).toEqual([
      ['ids.deepseek-flash', "model: 'deepseek-flash' has no price at 2026-08-01T00:00:00.000Z; it is priced from 2026-09-10T04:00:00.000Z to now"],
    ]);
  });
});
