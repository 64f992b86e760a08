import { describe, expect, it } from 'vitest';
import { parseModelTable } from '../../src/pricingPage/parseModelTable.ts';
import { rows } from './rows.ts';

const HEAD = [
  '| MODEL | | deepseek-v4-flash | deepseek-v4-pro |',
  '| MODEL VERSION | | DeepSeek-V4-Flash-0731 | DeepSeek-V4-Pro-0813 |',
  '| CONTEXT LENGTH | | 1M | |',
  '| MAX OUTPUT | | MAXIMUM: 384K | |',
];

describe('parseModelTable', () => {
  it('reads the five-column peak/off-peak layout, kinds carried to the PEAK row', () => {
    const { models, unreadable } = parseModelTable(
      rows(
        ...HEAD,
        '| PRICING(1) | 1M INPUT TOKENS (CACHE HIT) | OFF-PEAK | $0.007 | $0.022 |',
        '| PEAK | $0.014 | $0.044 |',
        '| 1M INPUT TOKENS (CACHE MISS) | OFF-PEAK | $0.22 | $0.66 |',
        '| PEAK | $0.44 | $1.32 |',
        '| 1M OUTPUT TOKENS | OFF-PEAK | $0.66 | $1.98 |',
        '| PEAK | $1.32 | $3.96 |',
      ),
      false,
    );
    expect(unreadable).toEqual([]);
    expect(models.map((m) => [m.id, m.version?.value, m.contextTokens?.value, m.maxOutputTokens?.value])).toEqual([
      ['deepseek-v4-flash', 'DeepSeek-V4-Flash-0731', 1_048_576, 393_216],
      ['deepseek-v4-pro', 'DeepSeek-V4-Pro-0813', 1_048_576, 393_216],
    ]);
    expect(models[1]?.prices.map((p) => `${p.kind}/${p.tier}/${p.currency} ${p.amount}`)).toEqual([
      'cacheHit/off-peak/USD 0.022',
      'cacheHit/peak/USD 0.044',
      'cacheMiss/off-peak/USD 0.66',
      'cacheMiss/peak/USD 1.32',
      'output/off-peak/USD 1.98',
      'output/peak/USD 3.96',
    ]);
  });
  it('reads the Chinese flattened layout with trailing empty cells', () => {
    const { models, unreadable } = parseModelTable(
      rows(
        '| 模型 | deepseek-flash(1) | deepseek-v4-pro | ||',
        '| 模型版本 | DeepSeek-V4.1-Flash-1017 | DeepSeek-V4-Pro-0813 | ||',
        '| 上下文长度 | 1M | |||',
        '| 输出长度 | 最大 384K | |||',
        '| 价格(2) | 百万tokens输入 (缓存命中) | 0.02元 | 0.15元 |',
        '| 百万tokens输入 (缓存未命中) | 1元 | 4.5元 | |',
        '| 百万tokens输出 | 4元 | 13.5元 | |',
      ),
      false,
    );
    expect(unreadable).toEqual([]);
    expect(models[0]?.prices.map((p) => `${p.kind}/${p.tier}/${p.currency} ${p.amount}`)).toEqual([
      'cacheHit/standard/CNY 0.02',
      'cacheMiss/standard/CNY 1',
      'output/standard/CNY 4',
    ]);
  });
  it('fails a changed layout: one price for two models, a price in an unknown format, an unknown label', () => {
    const { unreadable } = parseModelTable(
      rows(
        ...HEAD,
        '| PRICING | 1M INPUT TOKENS (CACHE HIT) | $0.0028 |',
        '| 1M INPUT TOKENS (CACHE MISS) | USD 0.14 | USD 0.435 |',
        '| 1M OUTPUT TOKENS | PER REQUEST | $0.28 | $0.87 |',
      ),
      false,
    );
    expect(unreadable.map((u) => [u.table, u.line, u.reason.split(':')[0]])).toEqual([
      ['model details', 5, '1 prices for 2 models'],
      ['model details', 6, 'a price cell in an unknown format'],
      ['model details', 7, 'a price label that is not a token kind or tier'],
      ['model details', 1, 'no readable cacheHit price, cacheMiss price, output price for deepseek-v4-flash'],
      ['model details', 1, 'no readable cacheHit price, cacheMiss price, output price for deepseek-v4-pro'],
    ]);
  });
  it('fails a table without a MODEL row', () => {
    expect(parseModelTable(rows('| NAME | deepseek-v4-pro |'), false).unreadable[0]?.reason).toBe('no MODEL row naming deepseek model ids');
  });
  it('does not ask a truncated table for the rows it lost', () => {
    expect(parseModelTable(rows(...HEAD), true)).toMatchObject({ unreadable: [] });
    expect(parseModelTable(rows(...HEAD), false).unreadable).toHaveLength(2);
  });
});
