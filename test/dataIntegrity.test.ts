import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compileTariff,
  PriceDataError,
  parseTariffJson,
  priceMetered,
  resolveMeteredPrice,
  resolvePrice,
  UnknownMeteredItemError,
  type TariffDocument,
} from '@seekcost/pricing';

// pricing-data/deepseek.json itself: valid, and the integrity checks reject every kind of damage
// (overlap, gap, windows that do not tile the day, missing sources) with the path of the bad field.

const DATA = resolve(import.meta.dirname, '../pricing-data/deepseek.json');
const text = readFileSync(DATA, 'utf8');
const fresh = (): TariffDocument => JSON.parse(text) as TariffDocument;

function issuesOf(doc: unknown): { path: string; reason: string }[] {
  try {
    compileTariff(doc);
  } catch (error) {
    if (error instanceof PriceDataError) return [...error.issues];
    throw error;
  }
  return [];
}

describe('pricing-data/deepseek.json', () => {
  it('compiles with no issue', () => expect(issuesOf(fresh())).toEqual([]));

  it('carries a source URL, a checked date and a confidence on every period', () => {
    for (const model of Object.values(fresh().models)) {
      for (const period of model.periods) {
        expect(period.source.url, period.id).toMatch(/^https:\/\//);
        expect(period.source.checked, period.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(['official', 'secondary', 'unconfirmed'], period.id).toContain(period.confidence);
      }
    }
  });

  it('stores every price as a decimal string in USD and CNY', () => {
    for (const model of Object.values(fresh().models)) {
      for (const period of model.periods) {
        for (const tier of period.tiers) {
          expect(Object.keys(tier.prices).sort(), period.id).toEqual(['CNY', 'USD']);
        }
      }
    }
    expect(text).not.toMatch(/"(cacheHit|cacheMiss|output)": \d/);
  });

  it('names its schema and format version', () => {
    expect(fresh().$schema).toBe('./schema/tariff.v2.schema.json');
    expect(fresh().formatVersion).toBe(2);
  });
});

describe('the integrity checks', () => {
  it('reject an overlap between periods', () => {
    const doc = fresh();
    doc.models['deepseek-v4-pro']!.periods[2]!.from = '2026-04-26T12:00Z';
    expect(issuesOf(doc)).toContainEqual({
      path: 'models.deepseek-v4-pro.periods.2.from',
      reason: 'overlaps the previous period, which ends at 2026-04-26T12:15:00.000Z',
    });
  });

  it('reject a gap between periods', () => {
    const doc = fresh();
    doc.models['deepseek-chat']!.periods[3]!.from = '2025-02-26T17:00Z';
    expect(issuesOf(doc)).toContainEqual({
      path: 'models.deepseek-chat.periods.3.from',
      reason: 'leaves a gap after the previous period, which ends at 2025-02-26T16:30:00.000Z',
    });
  });

  it('reject windows that overlap (so the tiers would not tile the day)', () => {
    const doc = fresh();
    doc.models['deepseek-flash']!.periods[0]!.tiers[0]!.when!.windows = [
      { start: '01:00', end: '04:00' },
      { start: '03:00', end: '05:00' },
    ];
    expect(issuesOf(doc).map((i) => i.path)).toContain('models.deepseek-flash.periods.0.tiers.0.when.windows.1');
  });

  it('reject an empty window and a default tier with a condition', () => {
    const doc = fresh();
    const tiers = doc.models['deepseek-flash']!.periods[0]!.tiers;
    tiers[0]!.when!.windows = [{ start: '01:00', end: '01:00' }];
    tiers[1]!.when = { windows: [{ start: '05:00', end: '06:00' }], timeZone: 'UTC' };
    const paths = issuesOf(doc).map((i) => i.path);
    expect(paths).toContain('models.deepseek-flash.periods.0.tiers.0.when.windows.0');
    expect(paths).toContain('models.deepseek-flash.periods.0.tiers.1.when');
  });

  it('reject a period without a source', () => {
    const doc = fresh() as unknown as { models: Record<string, { periods: Record<string, unknown>[] }> };
    delete doc.models['deepseek-chat']!.periods[0]!.source;
    expect(issuesOf(doc)).toContainEqual({ path: 'models.deepseek-chat.periods.0.source', reason: expect.stringMatching(/expected object/i) });
  });

  it('reject a float price, a day-granular instant and an unknown tier, naming each field', () => {
    const doc = fresh() as unknown as {
      models: Record<string, { periods: { from: unknown; tiers: { tier: unknown; prices: { USD: { output: unknown } } }[] }[] }>;
    };
    const period = doc.models['deepseek-v4-pro']!.periods[0]!;
    period.tiers[0]!.prices.USD.output = 3.48;
    period.from = '2026-04-24';
    period.tiers[0]!.tier = 'happy-hour';
    const paths = issuesOf(doc).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'models.deepseek-v4-pro.periods.0.tiers.0.prices.USD.output',
        'models.deepseek-v4-pro.periods.0.from',
        'models.deepseek-v4-pro.periods.0.tiers.0.tier',
      ]),
    );
  });

  it('reject a route to a missing model, a dangling holiday calendar and a retirement that does not end the routes', () => {
    const doc = fresh();
    doc.ids['deepseek-v4-pro']!.routes[0]!.model = 'deepseek-v5';
    doc.models['deepseek-flash']!.periods[0]!.tiers[0]!.when!.exceptDates = 'us-holidays';
    doc.ids['deepseek-chat']!.retiredAt = '2026-07-25T00:00Z';
    const paths = issuesOf(doc).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['ids.deepseek-v4-pro.routes.0.model', 'models.deepseek-flash.periods.0.tiers.0.when.exceptDates', 'ids.deepseek-chat.retiredAt']),
    );
  });

  it('reject tiers that publish different currencies', () => {
    const doc = fresh();
    delete doc.models['deepseek-v4-pro']!.periods[3]!.tiers[0]!.prices.CNY;
    expect(issuesOf(doc).map((i) => i.path)).toContain('models.deepseek-v4-pro.periods.3.tiers.0.prices');
  });

  it('reject metered periods that overlap or leave a gap for one way of calling, and a priced item without a unit size', () => {
    const doc = fresh();
    const search = doc.meteredItems.search!;
    search.periods[1]!.to = '2026-10-31T17:00Z';
    doc.meteredItems.fetch!.periods[2]!.from = '2026-11-01T00:00Z';
    delete doc.meteredItems.ocrPages!.unitSize;
    expect(issuesOf(doc)).toEqual(
      expect.arrayContaining([
        { path: 'meteredItems.search.periods.2.from', reason: "overlaps 'search/api/2026-10-01' for api calls, which ends at 2026-10-31T17:00:00.000Z" },
        {
          path: 'meteredItems.fetch.periods.2.from',
          reason: "leaves a gap for tool-call calls after 'fetch/tool-call/2026-08-12', which ends at 2026-10-31T16:00:00.000Z",
        },
        { path: 'meteredItems.ocrPages.unitSize', reason: 'an item with prices needs a unit and a unitSize' },
      ]),
    );
  });

  it('reject an unknown metered item, a unit size that is not a power of ten, a float price, and an item with neither prices nor an unpriced mark', () => {
    const doc = fresh() as unknown as { meteredItems: Record<string, Record<string, unknown> & { periods: { prices: { CNY: { price: unknown } } }[] }> };
    doc.meteredItems['imageGeneration'] = { ...doc.meteredItems['ocrPages']! };
    doc.meteredItems['ttsCharacters']!['unitSize'] = 3;
    doc.meteredItems['ocrPages']!.periods[0]!.prices.CNY.price = 1.5;
    const paths = issuesOf(doc).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['meteredItems.imageGeneration', 'meteredItems.ttsCharacters.unitSize', 'meteredItems.ocrPages.periods.0.prices.CNY.price']),
    );
    const noPrice = fresh();
    delete noPrice.meteredItems.asr!.unpriced;
    expect(issuesOf(noPrice).map((i) => i.path)).toEqual(['meteredItems.asr.periods']);
  });

  it('a TTS discount entered with its own source prices its dates and clears the pending-discount warning there', () => {
    const doc = fresh();
    const period = doc.meteredItems.ttsCharacters!.periods[0]!;
    period.discounts = [
      {
        id: 'tts-launch-50-off',
        from: '2026-11-12T16:00Z',
        to: '2026-12-31T16:00Z',
        prices: { CNY: { price: '1.5' } },
        source: { url: 'https://api-docs.deepseek.com/zh-cn/quick_start/pricing', checked: '2026-12-03' },
        confidence: 'official',
      },
    ];
    const tariff = compileTariff(doc);
    const during = resolveMeteredPrice({ item: 'ttsCharacters', at: '2026-12-31T15:59:59.999Z', currency: 'CNY', tariff });
    const after = resolveMeteredPrice({ item: 'ttsCharacters', at: '2026-12-31T16:00:00.000Z', currency: 'CNY', tariff });
    expect([during.price.price.toString(), during.provenance.discountId, during.warnings.map((w) => w.code)]).toEqual(['1.5', 'tts-launch-50-off', []]);
    expect([after.price.price.toString(), after.provenance.discountId, after.warnings.map((w) => w.code)]).toEqual(['3', undefined, ['pending-discount']]);
    period.discounts[0]!.to = '2027-01-01T00:00Z';
    period.to = '2026-12-31T16:00Z';
    expect(issuesOf(doc).map((i) => i.path)).toContain('meteredItems.ttsCharacters.periods.0.discounts.0.from');
  });

  it('reads a format-1 file by upgrading it in memory (no metered items), and names an unknown format version', () => {
    const v1 = fresh() as unknown as Record<string, unknown>;
    delete v1['meteredItems'];
    delete v1['unappliedAnnouncements'];
    v1['formatVersion'] = 1;
    v1['$schema'] = './schema/tariff.v1.schema.json';
    for (const model of Object.values(v1['models'] as Record<string, Record<string, unknown>>)) delete model['versions'];
    const tariff = parseTariffJson(JSON.stringify(v1));
    expect([tariff.formatVersion, tariff.meteredItems.size]).toEqual([1, 0]);
    expect(resolvePrice({ model: 'deepseek-flash', at: '2026-11-20T12:00:00Z', currency: 'CNY', tariff }).rates.cacheMiss.toString()).toBe('1');
    expect(() => priceMetered({ counts: { search: 1 }, at: '2026-11-20T12:00:00Z', currency: 'CNY', tariff })).toThrow(UnknownMeteredItemError);
    v1['meteredItems'] = {};
    expect(issuesOf(v1)).toEqual([{ path: 'meteredItems', reason: 'is not a field of the price-data format' }]);
    expect(issuesOf({ ...fresh(), formatVersion: 3 })).toEqual([
      { path: 'formatVersion', reason: 'must be 1 or 2 (this version of @seekcost/pricing reads formats 1 and 2), got 3' },
    ]);
  });

  it('parseTariffJson reports JSON syntax errors as PriceDataError', () => {
    expect(() => parseTariffJson('{"formatVersion": 1,')).toThrow(PriceDataError);
    expect(() => parseTariffJson('{"formatVersion": 1,')).toThrow(/is not valid JSON/);
  });
});
