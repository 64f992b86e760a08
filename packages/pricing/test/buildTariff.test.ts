import { describe, expect, it } from 'vitest';
import { buildTariff } from '../src/buildTariff.ts';
import { deepseekTariffDocument } from '../src/generated/deepseekTariff.ts';
import { compileTariff, parseTariffJson, PriceDataError, priceRequest, type PriceDataIssue } from '../src/index.ts';

// Price data: every instant and date goes through the strict parsers (issue 8, section 4), and a
// price too precise to hold names its own path (issue 8, "Smaller").

type Doc = typeof deepseekTariffDocument;
const fresh = (): Doc => JSON.parse(JSON.stringify(deepseekTariffDocument)) as Doc;
const PRO = 'deepseek-v4-pro';
const HOLIDAYS = 'cn-public-holidays';

function issuesOf(compile: () => unknown): readonly PriceDataIssue[] {
  try {
    compile();
  } catch (error) {
    expect(error).toBeInstanceOf(PriceDataError);
    return (error as PriceDataError).issues;
  }
  throw new Error('expected the price data to be refused');
}

/** The issues, from both compileTariff (zod, then integrity) and buildTariff (integrity only). */
function bothIssues(doc: Doc): { zod: readonly PriceDataIssue[]; build: readonly PriceDataIssue[] } {
  return { zod: issuesOf(() => compileTariff(doc)), build: issuesOf(() => buildTariff(doc)) };
}

describe('price data: impossible dates are refused at their path, never rolled over', () => {
  it('a period boundary on 2026-09-31 (Date would make it October 1)', () => {
    const doc = fresh();
    const periods = doc.models[PRO]?.periods as { from: string; to: string | null }[];
    (periods[4] as { to: string | null }).to = '2026-09-31T00:00Z';
    (periods[5] as { from: string }).from = '2026-09-31T00:00Z';
    const reason = '"2026-09-31T00:00Z" names a date that does not exist (2026-09-31)';
    const expected = [
      { path: `models.${PRO}.periods.4.to`, reason },
      { path: `models.${PRO}.periods.5.from`, reason },
    ];
    const { zod, build } = bothIssues(doc);
    expect(zod).toEqual(expected);
    expect(build).toEqual(expected);
  });

  it('a holiday on 2026-02-30 (Date would make it March 2)', () => {
    const doc = fresh();
    const dates = doc.calendars[HOLIDAYS]?.dates as { from: string; to: string }[];
    (dates[1] as { to: string }).to = '2026-02-30';
    const expected = [{ path: `calendars.${HOLIDAYS}.dates.1.to`, reason: '"2026-02-30" names a date that does not exist' }];
    const { zod, build } = bothIssues(doc);
    expect(zod).toEqual(expected);
    expect(build).toEqual(expected);
  });

  it('coversFrom 0024-01-01 (Date would make it 1924)', () => {
    const doc = fresh();
    (doc.calendars[HOLIDAYS] as { coversFrom: string }).coversFrom = '0024-01-01';
    const expected = [{ path: `calendars.${HOLIDAYS}.coversFrom`, reason: '"0024-01-01" is out of range: dates run from 1970-01-01 to 9999-12-31' }];
    const { zod, build } = bothIssues(doc);
    expect(zod).toEqual(expected);
    expect(build).toEqual(expected);
  });

  it('route boundaries, retirement instants, make-up workdays and checked dates', () => {
    const doc = fresh();
    const chat = doc.ids['deepseek-chat'] as { routes: { to: string | null }[]; retiredAt?: string };
    (chat.routes[1] as { to: string | null }).to = '2026-02-29T15:59Z';
    chat.retiredAt = '2026-02-29T15:59Z';
    (doc.calendars[HOLIDAYS] as { makeUpWorkdays?: string[] }).makeUpWorkdays = ['2026-01-04', '2026-04-31'];
    (doc as { checked: string }).checked = '2026-11-31';
    (doc.models[PRO]!.periods[0] as { source: { checked: string } }).source.checked = '1969-12-31';
    const zodPaths = issuesOf(() => compileTariff(doc)).map((i) => i.path);
    expect(zodPaths).toEqual([
      'checked',
      `calendars.${HOLIDAYS}.makeUpWorkdays.1`,
      `models.${PRO}.periods.0.source.checked`,
      'ids.deepseek-chat.routes.1.to',
      'ids.deepseek-chat.retiredAt',
    ]);
    // buildTariff reads no `checked` date, but every instant and calendar date it computes with.
    expect(issuesOf(() => buildTariff(doc)).map((i) => i.path)).toEqual([
      `calendars.${HOLIDAYS}.makeUpWorkdays.1`,
      'ids.deepseek-chat.routes.1.to',
      'ids.deepseek-chat.retiredAt',
    ]);
  });

  it('the bundled data itself compiles', () => {
    expect(compileTariff(fresh()).ids.size).toBe(7);
  });
});

describe('price data: a price too precise to hold exactly names its own path', () => {
  it('names the price that overflows and the price that set the number of decimals', () => {
    const doc = fresh();
    const usd = (doc.models[PRO]!.periods[5]!.tiers[0]!.prices as { USD: { cacheHit: string; output: string } }).USD;
    usd.cacheHit = '0.000000000001';
    usd.output = '10000';
    const base = `models.${PRO}.periods.5.tiers.0.prices.USD`;
    expect(bothIssues(doc).build).toEqual([
      { path: `${base}.output`, reason: `price 10000 at 12 decimals (set by ${base}.cacheHit) is too large to price exactly (above 2^53 units of 10^-12)` },
    ]);
    expect(issuesOf(() => compileTariff(doc))).toEqual(bothIssues(doc).build);
  });

  it('names the price itself when its own decimals are too many', () => {
    const doc = fresh();
    const usd = (doc.models[PRO]!.periods[5]!.tiers[0]!.prices as { USD: { cacheMiss: string } }).USD;
    usd.cacheMiss = '0.12345678901234567';
    const issues = issuesOf(() => compileTariff(doc));
    expect(issues).toContainEqual({
      path: `models.${PRO}.periods.5.tiers.0.prices.USD.cacheMiss`,
      reason: 'price 0.12345678901234567 has 17 decimals is too large to price exactly (above 2^53 units of 10^-17)',
    });
    expect(issues.every((i) => /^models\.[^.]+(\.[^.]+)*\.prices\.(USD|CNY)\.(cacheHit|cacheMiss|output)$/.test(i.path))).toBe(true);
  });
});

describe('price data: __proto__ keys are refused, not skipped', () => {
  const text = JSON.stringify(deepseekTariffDocument);

  it.each([
    ['a model id', text.replace('"models":{', '"models":{"__proto__":{"displayName":"x","generation":"x","periods":[]},'), 'models.__proto__'],
    ['a calendar id', text.replace('"calendars":{', '"calendars":{"__proto__":{},'), 'calendars.__proto__'],
    ['a model id, with a prototype-polluting payload', text.replace('"ids":{', '"ids":{"__proto__":{"polluted":true},'), 'ids.__proto__'],
    ['the document', text.replace('{', '{"__proto__":{"polluted":true},'), '__proto__'],
    ['a price', text.replace('"cacheHit":', '"__proto__":{"polluted":true},"cacheHit":'), 'models.deepseek-chat.periods.0.tiers.0.prices.USD.__proto__'],
  ])('in %s', (_, json, path) => {
    expect(json).toContain('"__proto__"');
    const issues = issuesOf(() => parseTariffJson(json));
    expect(issues).toEqual([{ path, reason: 'is a forbidden key (__proto__ is refused, never skipped: it could hide data or set a prototype)' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('ids named constructor, toString or hasOwnProperty are ordinary ids (looked up in Maps)', () => {
    const renamed = text
      .replaceAll('"deepseek-flash"', '"constructor"')
      .replaceAll('"deepseek-v4-pro"', '"toString"')
      .replaceAll(`"${HOLIDAYS}"`, '"hasOwnProperty"');
    const tariff = parseTariffJson(renamed);
    const usage = { inputTokens: 1_000_000, outputTokens: 1_000_000 };
    const at = '2026-10-13T02:00:00Z';
    expect(priceRequest({ model: 'constructor', usage, at, tariff }).total.toString()).toBe(
      priceRequest({ model: 'deepseek-flash', usage, at }).total.toString(),
    );
    expect(priceRequest({ model: 'toString', usage, at, tariff }).total.toString()).toBe(
      priceRequest({ model: 'deepseek-v4-pro', usage, at }).total.toString(),
    );
    // A holiday (2026-10-01) still reads from the renamed calendar: off-peak inside the peak window.
    expect(priceRequest({ model: 'toString', usage, at: '2026-10-01T02:00:00Z', tariff }).provenance.tier).toBe('off-peak');
    expect(() => priceRequest({ model: 'valueOf', usage, at, tariff })).toThrow("model: 'valueOf' is not a known DeepSeek model id");
  });
});
