import { describe, expect, it } from 'vitest';
import { parseScheduledTable } from '../../src/pricingPage/parseScheduledTable.ts';
import { rows } from './rows.ts';

describe('parseScheduledTable', () => {
  it('reads models as rows, a tier per row, kinds from the header', () => {
    const { models, unreadable } = parseScheduledTable(
      rows(
        '| 模型 | | 百万tokens输入（缓存命中） | 百万tokens输入（缓存未命中） | 百万tokens输出 |',
        '| deepseek-v4-flash | 空闲时段 | 0.05元 | 1.5元 | 4.5元 |',
        '| 高峰时段 | 0.10元 | 3.0元 | 9.0元 |',
      ),
    );
    expect(unreadable).toEqual([]);
    expect(models.map((m) => [m.id, m.prices.map((p) => `${p.kind}/${p.tier}/${p.amount}`)])).toEqual([
      [
        'deepseek-v4-flash',
        ['cacheHit/off-peak/0.05', 'cacheMiss/off-peak/1.5', 'output/off-peak/4.5', 'cacheHit/peak/0.10', 'cacheMiss/peak/3.0', 'output/peak/9.0'],
      ],
    ]);
  });
  it('fails rows it cannot read and headers that are not token kinds', () => {
    expect(parseScheduledTable(rows('| MODEL | 1M INPUT TOKENS (CACHE HIT) |', '| deepseek-v4-pro | LATE | $1 |')).unreadable.map((u) => u.line)).toEqual([2]);
    expect(parseScheduledTable(rows('| MODEL | PRICE |')).unreadable[0]?.reason).toBe('header is not MODEL followed by token kinds');
  });
});
