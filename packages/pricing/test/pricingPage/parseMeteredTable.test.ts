import { describe, expect, it } from 'vitest';
import { parseMeteredTable } from '../../src/pricingPage/parseMeteredTable.ts';
import { rows } from './rows.ts';

describe('parseMeteredTable', () => {
  it('reads items, unit sizes and prices', () => {
    const { prices, unreadable } = parseMeteredTable(
      rows('| 项目 | 计费单位 | 价格 |', '|---|---|---|', '| 搜索(文字、图片) | 每 1,000 次 | 5元 |', '| 网页抓取 | 每 1,000 次成功请求 | 5元 |'),
      ['api', 'tool-call'],
      -1,
    );
    expect(unreadable).toEqual([]);
    expect(prices.map((p) => [p.item, p.via, p.unit, p.unitSize, p.currency, p.amount])).toEqual([
      ['search', ['api', 'tool-call'], 'request', 1000, 'CNY', '5'],
      ['fetch', ['api', 'tool-call'], 'request', 1000, 'CNY', '5'],
    ]);
  });
  it('reads a discount column, and says when its cell is empty', () => {
    const table = rows(
      '| API | 计费单位 | 刊例价 | 限时折扣价(5 折) |',
      '| 语音合成(TTS) | 每 10,000 字符 | 3元 | 1.5元 |',
      '| 语音合成(TTS) | 每 10,000 字符 | 3元 |',
    );
    const { prices, notCompared } = parseMeteredTable(table, ['api'], 3);
    expect(prices.map((p) => [p.item, p.unitSize, p.amount, p.discountAmount])).toEqual([
      ['ttsCharacters', 10000, '3', '1.5'],
      ['ttsCharacters', 10000, '3', undefined],
    ]);
    expect(notCompared.map((n) => n.line)).toEqual([3]);
  });
  it('fails an unknown item or price, unless the partial copy cut the row', () => {
    const table = rows('| 项目 | 计费单位 | 价格 |', '| 向量检索 | 每 1,000 次 | 5元 |', '| Search | 每 1,000 次 | 五元 |');
    expect(parseMeteredTable(table, ['api'], -1).unreadable.map((u) => u.line)).toEqual([2, 3]);
    expect(parseMeteredTable(table, ['api'], 3).notCompared.map((n) => n.line)).toEqual([3]);
    expect(parseMeteredTable(rows('| 项目 | 价格 |'), ['api'], -1).unreadable[0]?.reason).toBe('header has no billing-unit and price columns');
  });
});
