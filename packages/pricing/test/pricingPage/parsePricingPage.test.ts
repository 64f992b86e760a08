import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePricingPage } from '@seekcost/pricing/pricingPage';

const MODEL_TABLE = [
  '| MODEL | deepseek-flash(1) | deepseek-v4-pro | ||',
  '| MODEL VERSION | DeepSeek-V4.1-Flash-1017 | DeepSeek-V4-Pro-0813 | ||',
  '| CONTEXT LENGTH | 1M | |||',
  '| MAX OUTPUT | MAXIMUM: 384K | |||',
  '| PRICING(2) | 1M INPUT TOKENS (CACHE HIT) | OFF-PEAK | $0.003 | $0.022 |',
  '| PEAK | $0.006 | $0.044 | ||',
  '| 1M INPUT TOKENS (CACHE MISS) | OFF-PEAK | $0.15 | $0.66 | |',
  '| PEAK | $0.3 | $1.32 | ||',
  '| 1M OUTPUT TOKENS | OFF-PEAK | $0.6 | $1.98 | |',
  '| PEAK | $1.2 | $3.96 | ||',
];
const PEAK =
  '(2) Off-peak rates are half of the peak rates. Peak hours are 01:00 - 04:00 and 06:00 - 10:00 UTC, Monday to Friday (Beijing time), excluding Chinese public holidays.';
const ALIAS =
  '(1) Use deepseek-flash as the model name. The legacy names deepseek-v4-flash and deepseek-v4-flash-vision-exp are still accepted, but are billed at the Flash price.';

describe('parsePricingPage', () => {
  it('reads a small whole English page', () => {
    const page = parsePricingPage(['Models & Pricing', ...MODEL_TABLE, ALIAS, PEAK].join('\n'));
    expect(page.unreadable).toEqual([]);
    expect(page.language).toBe('en');
    expect(page.partial).toBe(false);
    expect(page.models.map((m) => m.id)).toEqual(['deepseek-flash', 'deepseek-v4-pro']);
    expect(page.peakHours).toMatchObject({
      windowsUtc: [
        [60, 240],
        [360, 600],
      ],
      timeZone: 'UTC',
      days: 'monday-to-friday',
      excludesHolidays: true,
      offPeakIsHalf: true,
      line: 13,
    });
    expect(page.aliases.map((a) => [a.ids, a.target])).toEqual([[['deepseek-v4-flash', 'deepseek-v4-flash-vision-exp'], 'deepseek-flash']]);
  });
  it('reads an announced table with its effective instant, and the free-tool-call sentence', () => {
    const page = parsePricingPage(
      [
        ...MODEL_TABLE,
        PEAK,
        '(3) Peak hours are 01:00 - 04:00 UTC. The new prices take effect at 16:00 UTC on August 16, 2026, as follows:',
        '| MODEL | | 1M INPUT TOKENS (CACHE HIT) | 1M INPUT TOKENS (CACHE MISS) | 1M OUTPUT TOKENS |',
        '| deepseek-v4-pro | PEAK | $0.044 | $1.32 | $3.96 |',
        '这部分 Search/Fetch 接口调用目前未计费,并将于北京时间 2026 年 11 月 1 日 00:00 起按次收取调用费用。',
      ].join('\n'),
    );
    expect(page.unreadable).toEqual([]);
    expect(page.scheduled.map((s) => [s.effectiveAtMs, s.models.map((m) => m.prices.length)])).toEqual([[Date.parse('2026-08-16T16:00:00Z'), [3]]]);
    expect(page.toolCallBilling).toMatchObject({ items: ['search', 'fetch'], billedFromMs: Date.parse('2026-10-31T16:00:00Z') });
  });
  it('fails, naming the table, when the layout changed', () => {
    const moved = MODEL_TABLE.map((l) => l.replace(/\$(\d)/g, 'US$ $1'));
    expect(parsePricingPage([...moved, PEAK].join('\n')).unreadable.map((u) => u.table)).toContain('model details');
    expect(parsePricingPage('| Model | Price |\n| deepseek-v4-pro | cheap |').unreadable.map((u) => u.table)).toEqual(['unrecognized table', 'model details']);
    expect(parsePricingPage('No tables here.').unreadable).toEqual([{ table: 'model details', reason: 'no model table found', line: 0 }]);
    expect(parsePricingPage([...MODEL_TABLE].join('\n')).unreadable.map((u) => u.table)).toEqual(['peak-hours sentence']);
    expect(parsePricingPage([...MODEL_TABLE, "Peak hours are 1 to 4 o'clock: 01:00 - 04:00."].join('\n')).unreadable.map((u) => u.table)).toEqual([
      'peak-hours sentence',
      'peak-hours sentence',
    ]);
  });
  it('compares what a partial copy holds and lists what it cut off', () => {
    const page = parsePricingPage(
      [...MODEL_TABLE, '(1) Off-peak rates are half of the peak rates. Peak hours are 01:00', '', '[missing] — everything after "01:00".'].join('\n'),
    );
    expect(page.partial).toBe(true);
    expect(page.unreadable).toEqual([]);
    expect(page.models[1]?.prices).toHaveLength(6);
    expect(page.notCompared.map((n) => n.line)).toEqual([11]);
  });
  it('lists an undated announcement as not compared', () => {
    const page = parsePricingPage(
      [
        ...MODEL_TABLE.slice(0, 4),
        '| PRICING | 1M INPUT TOKENS (CACHE HIT) | $0.0028 | $0.003625 |',
        '| 1M INPUT TOKENS (CACHE MISS) | $0.14 | $0.435 |',
        '| 1M OUTPUT TOKENS | $0.28 | $0.87 |',
        '(2) The DeepSeek API service will soon adopt a peak/off-peak pricing policy. [Peak hours: 9:00–12:00 and 14:00–18:00 (Beijing Time, UTC+8) daily]',
      ].join('\n'),
    );
    expect(page.unreadable).toEqual([]);
    expect(page.peakHours).toBeUndefined();
    expect(page.notCompared.map((n) => n.line)).toEqual([8]);
  });
  it('treats hostile text as text: control characters, HTML, huge numbers, pipes', () => {
    const page = parsePricingPage(
      [
        '| MODEL | deepseek-v4-pro\u001b[2J | <script>alert(1)</script> |',
        '| PRICING | 1M OUTPUT TOKENS | $99999999999999999999999.000000000000000000001 |',
        '| 1M INPUT TOKENS (CACHE HIT) | $0.1\u202e |',
      ].join('\r\n'),
    );
    expect(page.models.map((m) => m.id)).toEqual([]);
    expect(page.unreadable.map((u) => u.table)).toEqual(['unrecognized table', 'model details']);
    const big = parsePricingPage(['| MODEL | deepseek-v4-pro |', '| PRICING | 1M OUTPUT TOKENS | $99999999999999999999999.000000000000000000001 |'].join('\n'));
    expect(big.models[0]?.prices[0]?.amount).toBe('99999999999999999999999.000000000000000000001');
  });
  it('never throws, and never reads a price from a cell it did not match exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constantFrom(...MODEL_TABLE, PEAK, ALIAS, '[missing]', '|', '||', '| 价格 | 元 |')), { maxLength: 20 }),
        (lines) => {
          const page = parsePricingPage(lines.join('\n'));
          for (const m of page.models) for (const p of m.prices) expect(p.amount).toMatch(/^\d+(\.\d+)?$/);
        },
      ),
    );
  });
});
