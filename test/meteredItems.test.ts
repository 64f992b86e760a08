import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Decimal,
  estimateCost,
  getBundledTariff,
  InvalidUsageError,
  MeteredItemNotAvailableError,
  MeteredPriceNotPublishedError,
  priceMetered,
  priceRequest,
  resolveMeteredPrice,
  resolvePrice,
  tariffSegments,
  UnknownMeteredItemError,
  type Currency,
  type MeteredVia,
} from '@seekcost/pricing';
import { CANCELLED_PRO_REROUTE, METERED, UNPRICED_ITEMS, VERSIONS, type MeteredEra } from './deepseekFacts.ts';

// Charges that are not tokens, against the hand-written facts in deepseekFacts.ts: every period edge
// to the millisecond, in both ways of calling an item, in CNY and (where any figure exists) USD.

const iso = (ms: number) => new Date(ms).toISOString();
const waysOf = (era: MeteredEra): MeteredVia[] => (era.way === 'both' ? ['tool-call', 'api'] : [era.way]);
/** The era the facts give for an item, way and instant, or undefined where it has no price. */
function factAt(item: MeteredEra['item'], via: MeteredVia, ms: number): MeteredEra | undefined {
  return METERED.find((e) => e.item === item && waysOf(e).includes(via) && ms >= Date.parse(e.from) && (e.to === null || ms < Date.parse(e.to)));
}

function expectFact(item: MeteredEra['item'], via: MeteredVia, ms: number): void {
  const era = factAt(item, via, ms);
  for (const currency of ['CNY', 'USD'] as const satisfies readonly Currency[]) {
    const ask = () => resolveMeteredPrice({ item, via, at: ms, currency, acceptSecondaryPrices: true });
    if (era === undefined) {
      expect(ask, `${item} ${via} ${iso(ms)}`).toThrow(MeteredItemNotAvailableError);
      continue;
    }
    const expected = currency === 'CNY' ? { price: era.CNY, published: true } : era.USD;
    if (expected === null) {
      expect(ask, `${item} ${via} ${currency} ${iso(ms)}`).toThrow(MeteredPriceNotPublishedError);
      continue;
    }
    const r = ask();
    expect({
      at: iso(ms),
      via,
      currency,
      period: r.provenance.periodId,
      price: r.price.price.toString(),
      unitSize: r.price.unitSize,
      published: r.provenance.published,
    }).toEqual({
      at: iso(ms),
      via,
      currency,
      period: era.period,
      price: expected.price,
      unitSize: era.unitSize,
      published: expected.published,
    });
  }
}

describe.each(METERED.map((era) => [era.period, era] as const))('metered period %s', (_, era) => {
  const fromMs = Date.parse(era.from);
  const toMs = era.to === null ? Date.parse('2026-12-03T00:00Z') : Date.parse(era.to);
  for (const via of waysOf(era)) {
    it(`${via}: 1 ms before its start belongs to what came before`, () => expectFact(era.item, via, fromMs - 1));
    it(`${via}: starts exactly at ${era.from}`, () => expectFact(era.item, via, fromMs));
    it(`${via}: holds mid-period and 1 ms before its end`, () => {
      expectFact(era.item, via, Math.floor((fromMs + toMs) / 2));
      expectFact(era.item, via, toMs - 1);
    });
    if (era.to !== null) it(`${via}: hands over at ${era.to}`, () => expectFact(era.item, via, toMs));
  }
});

describe('server-side Search goes from free to billed at 2026-10-31T16:00Z (2026-11-01 00:00 Beijing)', () => {
  it.each([
    ['2026-10-31T15:59:59.999Z', '0', 'search/tool-call/2026-08-12'],
    ['2026-10-31T16:00:00.000Z', '0.015', 'search/2026-10-31'],
  ])('3 server-side searches at %s cost CNY %s', (at, amount, period) => {
    const line = priceMetered({ counts: { search: 3 }, at, currency: 'CNY' }).lines[0];
    expect([line?.amount.toString(), line?.provenance.periodId, line?.provenance.via]).toEqual([amount, period, 'tool-call']);
  });

  it('stand-alone Search API calls were billed before that instant', () => {
    expect(priceMetered({ counts: { search: 3 }, at: '2026-10-31T15:59:59.999Z', via: 'api', currency: 'CNY' }).total.toString()).toBe('0.015');
  });
});

describe('priceRequest with metered counts', () => {
  const usage = { inputTokens: 12_000, cacheHitInputTokens: 4_000, outputTokens: 900 };
  const at = '2026-11-20T12:00:00Z';

  it('3 searches on 2026-11-20 add exactly CNY 0.015', () => {
    const tokensOnly = priceRequest({ model: 'deepseek-flash', usage, at, currency: 'CNY' });
    const withSearch = priceRequest({ model: 'deepseek-flash', usage, at, currency: 'CNY', metered: { search: 3 } });
    expect(withSearch.total.minus(tokensOnly.total).toString()).toBe('0.015');
    expect(withSearch.meteredLines.map((l) => [l.item, l.count, l.unit, l.unitSize, l.unitPrice.toString(), l.amount.toString()])).toEqual([
      ['search', 3, 'request', 1000, '5', '0.015'],
    ]);
    expect(withSearch.meteredLines[0]?.provenance).toMatchObject({
      item: 'search',
      via: 'tool-call',
      periodId: 'search/2026-10-31',
      currency: 'CNY',
      published: true,
      confidence: 'official',
    });
    expect(tokensOnly.meteredLines).toEqual([]);
  });

  it('one line per item, in the order given, each exact', () => {
    const quote = priceRequest({ model: 'deepseek-flash', usage, at, currency: 'CNY', metered: { search: 3, fetch: 1, ocrPages: 12, ttsCharacters: 5400 } });
    expect(quote.meteredLines.map((l) => [l.item, l.amount.toString()])).toEqual([
      ['search', '0.015'],
      ['fetch', '0.005'],
      ['ocrPages', '0.018'],
      ['ttsCharacters', '1.62'],
    ]);
  });

  it('TTS is charged at its list price, marked unconfirmed while the published discount is unknown', () => {
    const quote = priceRequest({ model: 'deepseek-flash', usage, at, currency: 'CNY', metered: { ttsCharacters: 10_000 } });
    expect(quote.meteredLines[0]?.amount.toString()).toBe('3');
    expect(quote.meteredLines[0]?.provenance.confidence).toBe('unconfirmed');
    expect(quote.warnings.map((w) => w.code)).toContain('pending-discount');
  });

  it('USD search needs the caller to accept the third-party figure, and then says it is not published', () => {
    expect(() => priceRequest({ model: 'deepseek-flash', usage, at, metered: { search: 3 } })).toThrow(MeteredPriceNotPublishedError);
    const quote = priceRequest({ model: 'deepseek-flash', usage, at, metered: { search: 3 }, acceptSecondaryPrices: true });
    expect(quote.meteredLines[0]?.amount.toString()).toBe('0.00225');
    expect(quote.meteredLines[0]?.provenance).toMatchObject({ published: false, confidence: 'secondary' });
    expect(quote.warnings.map((w) => w.code)).toContain('secondary-price');
  });

  it('an item with no USD figure at all stays an error even when secondary prices are accepted', () => {
    try {
      priceRequest({ model: 'deepseek-flash', usage, at, metered: { ocrPages: 1 }, acceptSecondaryPrices: true });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MeteredPriceNotPublishedError);
      expect((error as MeteredPriceNotPublishedError).field).toBe('metered.ocrPages');
      expect((error as MeteredPriceNotPublishedError).secondaryAvailable).toBe(false);
    }
  });

  it.each([
    [{ serch: 1 }, UnknownMeteredItemError, 'metered.serch', 'UNKNOWN_METERED_ITEM'],
    [JSON.parse('{"__proto__": 1}') as object, UnknownMeteredItemError, 'metered["__proto__"]', 'UNKNOWN_METERED_ITEM'],
    [{ 'search\u001b[2J': 1 }, UnknownMeteredItemError, 'metered["search\\u001b[2J"]', 'UNKNOWN_METERED_ITEM'],
    [{ search: -1 }, InvalidUsageError, 'metered.search', 'INVALID_USAGE'],
    [{ search: 1.5 }, InvalidUsageError, 'metered.search', 'INVALID_USAGE'],
    [{ search: Number.NaN }, InvalidUsageError, 'metered.search', 'INVALID_USAGE'],
    [{ search: '3' }, InvalidUsageError, 'metered.search', 'INVALID_USAGE'],
    [{ fetch: 2 ** 53 }, InvalidUsageError, 'metered.fetch', 'INVALID_USAGE'],
    [{ asr: 1 }, MeteredItemNotAvailableError, 'metered.asr', 'UNPRICED_METERED_ITEM'],
  ])('%o is a typed error naming the field', (metered, type, field, code) => {
    try {
      priceRequest({ model: 'deepseek-flash', usage, at, currency: 'CNY', metered: metered as never });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(type);
      expect({ field: (error as { field: string }).field, code: (error as { code: string }).code }).toEqual({ field, code });
      expect((error as Error).message).not.toMatch(/\u001b/); // never a raw control character to a terminal
    }
  });

  it('an item before it existed is an error naming the field and the first priced instant', () => {
    try {
      priceRequest({ model: 'deepseek-flash', usage, at: '2026-11-12T15:59:59.999Z', currency: 'CNY', metered: { ocrPages: 1 } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MeteredItemNotAvailableError);
      expect((error as MeteredItemNotAvailableError).field).toBe('metered.ocrPages');
      expect((error as MeteredItemNotAvailableError).availableFrom?.toISOString()).toBe('2026-11-12T16:00:00.000Z');
    }
  });

  it('ASR is never priced, not even as 0; a zero count of anything adds no line', () => {
    for (const item of UNPRICED_ITEMS) expect(() => resolveMeteredPrice({ item, at, currency: 'CNY' })).toThrow(MeteredItemNotAvailableError);
    expect(priceRequest({ model: 'deepseek-flash', usage, at, currency: 'CNY', metered: { asr: 0, ocrPages: 0 } }).meteredLines).toEqual([]);
  });

  it('property: the total is exactly the sum of the token lines and the metered lines', () => {
    const count = fc.integer({ min: 0, max: 10_000_000 });
    fc.assert(
      fc.property(
        fc.record({ cacheHitInputTokens: count, cacheMissInputTokens: count, outputTokens: count }),
        fc.record({ search: count, fetch: count, ocrPages: count, ttsCharacters: count }, { requiredKeys: [] }),
        fc.integer({ min: Date.parse('2026-11-12T16:00Z'), max: Date.parse('2027-03-01T00:00Z') }),
        fc.constantFrom('CNY', 'USD'),
        (tokens, metered, atMs, currency) => {
          const usable =
            currency === 'USD'
              ? { ...(metered.search === undefined ? {} : { search: metered.search }), ...(metered.fetch === undefined ? {} : { fetch: metered.fetch }) }
              : metered;
          const quote = priceRequest({ model: 'deepseek-flash', usage: tokens, at: atMs, currency, metered: usable, acceptSecondaryPrices: true });
          const sum = [...quote.lines.map((l) => l.amount), ...quote.meteredLines.map((l) => l.amount)].reduce((a, b) => a.plus(b), new Decimal(0));
          expect(quote.total.equals(sum)).toBe(true);
          expect(quote.meteredLines.length).toBe(Object.values(usable).filter((n) => n > 0).length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('deepseek-v4-flash-vision-exp', () => {
  const usage = { inputTokens: 10_000, cacheHitInputTokens: 4_000, outputTokens: 1_000 };
  it.each([
    // 2026-08-25 is a Tuesday: peak at 02:00 UTC, V4-Flash prices; 2026-11-25 is a Wednesday: V4.1 Flash.
    ['2026-08-25T02:00:00Z', 'deepseek-v4-flash', 'USD', ['0.014', '0.44', '1.32'], '0.004016'],
    ['2026-08-25T12:00:00Z', 'deepseek-v4-flash', 'CNY', ['0.05', '1.5', '4.5'], '0.0137'],
    ['2026-11-25T02:00:00Z', 'deepseek-flash', 'USD', ['0.006', '0.3', '1.2'], '0.003024'],
    ['2026-11-25T12:00:00Z', 'deepseek-flash', 'CNY', ['0.02', '1', '4'], '0.01008'],
  ] as const)('at %s bills as %s in %s at Flash prices', (at, billsAs, currency, rates, total) => {
    const quote = priceRequest({ model: 'deepseek-v4-flash-vision-exp', usage, at, currency });
    const flash = priceRequest({ model: 'deepseek-v4-flash', usage, at, currency });
    expect(quote.provenance.model).toBe(billsAs);
    expect(quote.lines.map((l) => l.unitPrice.toString())).toEqual(rates);
    expect(quote.total.toString()).toBe(total);
    expect(quote.total.equals(flash.total)).toBe(true);
  });
});

describe('confidence updates, versions and the cancelled reroute', () => {
  it("row 13's prices are official away from the cutover; the cutover itself is secondary", () => {
    expect(resolvePrice({ model: 'deepseek-flash', at: '2026-11-25T12:00:00Z' }).provenance.confidence).toBe('official');
    expect(resolvePrice({ model: 'deepseek-flash', at: '2026-09-10T04:00:00Z' }).provenance.confidence).toBe('secondary');
  });

  it('the weekday-rule cutover 2026-08-22T16:00Z is secondary', () => {
    const price = resolvePrice({ model: 'deepseek-v4-pro', at: '2026-08-22T16:00:00.000Z' });
    expect([price.provenance.periodId, price.provenance.confidence]).toEqual(['deepseek-v4-pro/2026-08-22', 'secondary']);
    expect(price.warnings.map((w) => w.code)).toEqual(['uncertain-cutover']);
  });

  it('model versions are recorded under their ids', () => {
    const models = getBundledTariff().models;
    for (const [id, names] of Object.entries(VERSIONS))
      expect(
        models.get(id)?.versions.map((v) => v.name),
        id,
      ).toEqual(names);
  });

  it('the announced V4-Pro reroute is recorded and never priced', () => {
    const announcement = getBundledTariff().unappliedAnnouncements.find((a) => a.wouldHaveApplied === CANCELLED_PRO_REROUTE);
    expect(announcement?.withdrawn).toBe('2026-09-11');
    const after = resolvePrice({ model: 'deepseek-v4-pro', at: '2026-09-15T02:00:00Z' });
    expect([after.provenance.model, after.rates.cacheMiss.toString()]).toEqual(['deepseek-v4-pro', '1.32']);
  });
});

describe('estimateCost, resolvePrice and tariffSegments carry metered items', () => {
  it('estimateCost adds per-request metered lines and multiplies by the request count', () => {
    const e = estimateCost({
      model: 'deepseek-flash',
      at: '2026-11-20T12:00:00Z',
      inputTokens: 1000,
      outputTokens: 100,
      metered: { search: 2, fetch: 1 },
      requests: 1000,
      currency: 'CNY',
    });
    expect(e.meteredLines.map((l) => l.amount.toString())).toEqual(['0.01', '0.005']);
    expect(e.perRequest.toString()).toBe('0.0164'); // off-peak: 1000 x 1/M + 100 x 4/M + 0.01 + 0.005
    expect(e.total.toString()).toBe('16.4');
  });

  it('resolvePrice resolves asked-for items at the same instant', () => {
    const p = resolvePrice({ model: 'deepseek-flash', at: '2026-11-20T12:00:00Z', currency: 'CNY', meteredItems: ['search', 'ttsCharacters'] });
    expect([...(p.metered?.entries() ?? [])].map(([item, r]) => [item, r.price.price.toString(), r.price.unitSize])).toEqual([
      ['search', '5', 1000],
      ['ttsCharacters', '3', 10000],
    ]);
    expect(resolvePrice({ model: 'deepseek-flash', at: '2026-11-20T12:00:00Z' }).metered).toBeUndefined();
  });

  it('tariffSegments split at metered edges and leave out items with no price yet', () => {
    const segments = tariffSegments({
      model: 'deepseek-flash',
      from: '2026-11-12T15:00:00Z',
      to: '2026-11-12T17:00:00Z',
      currency: 'CNY',
      meteredItems: ['search', 'ocrPages'],
    });
    expect(segments.map((s) => [iso(s.from.getTime()), Object.keys(s.metered ?? {})])).toEqual([
      ['2026-11-12T15:00:00.000Z', ['search']],
      ['2026-11-12T16:00:00.000Z', ['search', 'ocrPages']],
    ]);
  });
});
