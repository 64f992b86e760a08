import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTariff, PriceDataError, parseTariffJson, type TariffDocument } from '@seekcost/pricing';

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
    expect(issuesOf(doc)).toContainEqual({ path: 'models.deepseek-v4-pro.periods.2.from', reason: 'overlaps the previous period, which ends at 2026-04-26T12:15:00.000Z' });
  });

  it('reject a gap between periods', () => {
    const doc = fresh();
    doc.models['deepseek-chat']!.periods[3]!.from = '2025-02-26T17:00Z';
    expect(issuesOf(doc)).toContainEqual({ path: 'models.deepseek-chat.periods.3.from', reason: 'leaves a gap after the previous period, which ends at 2025-02-26T16:30:00.000Z' });
  });

  it('reject windows that overlap (so the tiers would not tile the day)', () => {
    const doc = fresh();
    doc.models['deepseek-flash']!.periods[0]!.tiers[0]!.when!.windows = [{ start: '01:00', end: '04:00' }, { start: '03:00', end: '05:00' }];
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
    const doc = fresh() as unknown as { models: Record<string, { periods: { from: unknown; tiers: { tier: unknown; prices: { USD: { output: unknown } } }[] }[] }> };
    const period = doc.models['deepseek-v4-pro']!.periods[0]!;
    period.tiers[0]!.prices.USD.output = 3.48;
    period.from = '2026-04-24';
    period.tiers[0]!.tier = 'happy-hour';
    const paths = issuesOf(doc).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['models.deepseek-v4-pro.periods.0.tiers.0.prices.USD.output', 'models.deepseek-v4-pro.periods.0.from', 'models.deepseek-v4-pro.periods.0.tiers.0.tier']),
    );
  });

  it('reject a route to a missing model, a dangling holiday calendar and a retirement that does not end the routes', () => {
    const doc = fresh();
    doc.ids['deepseek-v4-pro']!.routes[0]!.model = 'deepseek-v5';
    doc.models['deepseek-flash']!.periods[0]!.tiers[0]!.when!.exceptDates = 'us-holidays';
    doc.ids['deepseek-chat']!.retiredAt = '2026-07-25T00:00Z';
    const paths = issuesOf(doc).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['ids.deepseek-v4-pro.routes.0.model', 'models.deepseek-flash.periods.0.tiers.0.when.exceptDates', 'ids.deepseek-chat.retiredAt']));
  });

  it('reject tiers that publish different currencies', () => {
    const doc = fresh();
    delete doc.models['deepseek-v4-pro']!.periods[3]!.tiers[0]!.prices.CNY;
    expect(issuesOf(doc).map((i) => i.path)).toContain('models.deepseek-v4-pro.periods.3.tiers.0.prices');
  });

  it('parseTariffJson reports JSON syntax errors as PriceDataError', () => {
    expect(() => parseTariffJson('{"formatVersion": 1,')).toThrow(PriceDataError);
    expect(() => parseTariffJson('{"formatVersion": 1,')).toThrow(/is not valid JSON/);
  });
});
