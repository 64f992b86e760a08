import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readUrlState } from '../../src/state/readUrlState.ts';
import { createViewDeriver, type CalculatorView, type ViewInputs } from '../../src/view/createViewDeriver.ts';

const inputs = (query: string, overrides: Partial<ViewInputs> = {}): ViewInputs => ({
  state: readUrlState(query),
  now: Date.parse('2026-09-01T02:00:00Z'),
  localZone: 'Europe/Berlin',
  languages: ['en-US'],
  ...overrides,
});

const CHAT_2025 = '?model=deepseek-chat&at=2025-03-01T12:00Z&in=6000&hit=0&out=800';

describe('createViewDeriver (the view model, without a DOM)', () => {
  it('prices the workload and lays out every panel for deepseek-chat on 2025-03-01', () => {
    const view = createViewDeriver()(inputs(CHAT_2025));
    expect(view.lang).toBe('en');
    expect(view.currency).toBe('USD');
    expect(view.at).toBe(Date.parse('2025-03-01T12:00:00Z'));
    expect(view.whenValue).toBe('2025-03-01T13:00');
    expect(view.whenZones).toBe('Local (Europe/Berlin) · UTC 2025-03-01 12:00 · Beijing 2025-03-01 20:00');
    expect(view.cost?.estimate.perRequest.toString()).toBe('0.0025');
    expect(view.cost?.perDay.toString()).toBe('2.5');
    expect(view.cost?.per30Days.toString()).toBe('75');
    expect([view.problem, view.modelError, view.whenError]).toEqual([null, null, null]);
    expect(view.heatmap?.days.length).toBe(7);
    expect(view.price?.provenance.model).toBe('deepseek-chat');
    expect(view.comparison.map((row) => row.id)).toContain('deepseek-chat');
    expect(view.formatWhen(Date.parse('2025-03-01T12:00:00Z'))).toBe('2025-03-01 13:00 Local');
  });

  it('defaults to the first current model at "now", and to Chinese and yuan for a Chinese browser', () => {
    const view = createViewDeriver()(inputs('', { languages: ['zh-CN'] }));
    expect(view.model).toBe('deepseek-v4-flash');
    expect(view.lang).toBe('zh');
    expect(view.currency).toBe('CNY');
    expect(view.t.title).toBe('DeepSeek API 费用计算器');
  });

  it('puts a model error at the Model field and an instant error at the When field, in the page language', () => {
    const retired = createViewDeriver()(inputs('?model=deepseek-chat&at=2026-09-01T02:00Z&zone=beijing&lang=zh'));
    expect(retired.cost).toBeNull();
    expect(retired.modelError).toBe("模型：'deepseek-chat' 已于 2026-07-24 23:59 北京时间 下线；2026-09-01 10:00 北京时间 没有价格");
    expect(retired.problem).toBe(retired.modelError);
    expect(retired.whenError).toBeNull();
    expect([retired.heatmap, retired.price, retired.cheapestText]).toEqual([null, null, null]);

    const early = createViewDeriver()(inputs('?model=deepseek-chat&at=2020-01-01T00:00Z&zone=utc'));
    expect(early.whenError).toBe('at: 2020-01-01T00:00:00.000Z is before the price history, which starts at 2024-08-02T00:00:00.000Z');
    expect(early.modelError).toBeNull();
  });

  it('names bad fields instead of pricing them', () => {
    const view = createViewDeriver()(inputs('?model=deepseek-chat&at=2025-03-01T12:00Z&hit=120&out=1.5'));
    expect(view.fieldErrors).toEqual({ cacheHit: 'percent', outputTokens: 'wholeNumber' });
    expect(view.problem).toBe('Cache hit: Enter a percentage from 0 to 100. Output tokens: Enter a whole number of 0 or more.');
    expect(view.cost).toBeNull();
    expect(view.comparison).toEqual([]);
  });

  it('prices per-call counts exactly and lists per-call prices, in yuan by default for Chinese', () => {
    const view = createViewDeriver()({ ...inputs('?model=deepseek-flash&at=2026-11-20T12:00Z&in=0&out=0&rpd=1000&search=3&tts=5400'), languages: ['zh-CN'] });
    expect(view.currency).toBe('CNY');
    expect(view.cost?.metered.map((m) => [m.item, m.perRequest.toString(), m.perDay.toString(), m.per30Days.toString()])).toEqual([
      ['search', '0.015', '15', '450'],
      ['ttsCharacters', '1.62', '1620', '48600'],
    ]);
    expect(view.cost?.estimate.perRequest.toString()).toBe('1.635');
    expect(view.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^折扣待定：ttsCharacters: /)]));
    expect(view.meteredPrices.map((r) => `${r.item}:${r.status}`)).toEqual([
      'search:priced',
      'fetch:priced',
      'ocrPages:priced',
      'ttsCharacters:priced',
      'asr:unpriced',
    ]);
  });

  it('recomputes only what a change touches: a new clock redraws the heatmap, not the comparison', () => {
    const derive = createViewDeriver();
    const utc = derive(inputs(`${CHAT_2025}&zone=utc`));
    const beijing = derive(inputs(`${CHAT_2025}&zone=beijing`));
    expect(beijing.comparison).toBe(utc.comparison);
    expect(beijing.cost).toBe(utc.cost);
    expect(beijing.heatmap).not.toBe(utc.heatmap);
    expect(beijing.cheapestText).toMatch(/北京|Beijing/);
  });

  it('gives the same view as a fresh derivation after any sequence of edits (property)', () => {
    const summary = (v: CalculatorView) => ({
      problem: v.problem,
      perRequest: v.cost?.estimate.perRequest.toString() ?? null,
      perDay: v.cost?.perDay.toString() ?? null,
      next: v.nextChange.kind,
      cheapest: v.cheapestText,
      heat: v.heatmap?.days.map((d) => d.cells.map((c) => c.perRequest?.toString() ?? '-').join(',')) ?? null,
      compare: v.comparison.map((r) => `${r.id}:${r.now.toString()}:${r.cheapest.toString()}`),
      warnings: v.warnings,
      price: v.price?.period.id ?? null,
      metered: v.cost?.metered.map((m) => `${m.item}:${m.perRequest.toString()}:${m.per30Days.toString()}`) ?? null,
      meteredPrices: v.meteredPrices.map((r) => (r.status === 'priced' ? `${r.item}:${r.price.toString()}:${r.confidence}` : `${r.item}:${r.status}`)),
    });
    const query = fc.record({
      model: fc.constantFrom('deepseek-chat', 'deepseek-v4-flash', 'deepseek-flash', 'deepseek-v4-pro', 'nope'),
      at: fc.constantFrom('2025-03-01T12:00Z', '2026-09-01T02:00Z', '2026-07-24T15:00Z', '2026-11-20T12:00Z'),
      search: fc.constantFrom('0', '3', 'x'),
      in: fc.constantFrom('6000', '10000', 'x'),
      rpd: fc.constantFrom('1', '1000'),
      zone: fc.constantFrom('utc', 'beijing', 'local'),
      cur: fc.constantFrom('USD', 'CNY'),
    });
    fc.assert(
      fc.property(fc.array(query, { minLength: 1, maxLength: 4 }), (queries) => {
        const derive = createViewDeriver();
        for (const q of queries) {
          const input = inputs(`?${new URLSearchParams(q).toString()}`);
          expect(summary(derive(input))).toEqual(summary(createViewDeriver()(input)));
        }
      }),
      { numRuns: 20 },
    );
  });
});
