import { describe, expect, it } from 'vitest';
import { diffTariffDocuments } from '../src/diffTariffDocuments.ts';
import { getBundledTariff, type TariffDocument } from '../src/index.ts';

const doc = getBundledTariff().document;
const copy = (change: (d: TariffDocument) => void): TariffDocument => {
  const d = structuredClone(doc) as TariffDocument;
  change(d);
  return d;
};

describe('diffTariffDocuments', () => {
  it('is empty for equal documents and names every changed field by path', () => {
    expect(diffTariffDocuments(doc, structuredClone(doc))).toEqual([]);
    const after = copy((d) => {
      d.checked = '2027-01-01';
      d.calendars['cn-public-holidays']!.dates[0]!.name = 'New Year';
      d.models['deepseek-v4-pro']!.periods[0]!.source.checked = '2027-01-02';
    });
    expect(diffTariffDocuments(doc, after).map((c) => c.summary)).toEqual([
      'checked: "2026-12-03" -> "2027-01-01"',
      'calendars.cn-public-holidays.dates[0].name: "New Year\'s Day" -> "New Year"',
      'models.deepseek-v4-pro.periods[deepseek-v4-pro/2026-04-24].source.checked: "2026-11-22" -> "2027-01-02"',
    ]);
  });

  it('summarises re-pricing, moved periods, routes and calendars once, without repeating their fields', () => {
    const after = copy((d) => {
      d.models['deepseek-flash']!.periods[0]!.tiers[1]!.prices.USD!.output = '0.70';
      d.ids['deepseek-coder']!.routes[0]!.mode = 'thinking';
      d.calendars['cn-public-holidays']!.makeUpWorkdays = [];
    });
    expect(diffTariffDocuments(doc, after).map((c) => `${c.kind} ${c.subject}`)).toEqual([
      'repriced deepseek-flash/2026-09-10',
      'id-changed deepseek-coder',
      'calendar-changed cn-public-holidays',
    ]);
  });

  it('compares ids, models and calendars of any name as own keys (__proto__, constructor)', () => {
    const hostile = JSON.parse(JSON.stringify(doc).replace('"ids":{', '"ids":{"__proto__":{"routes":[]},"constructor":{"routes":[]},')) as TariffDocument;
    expect(Object.hasOwn(hostile.ids, '__proto__')).toBe(true);
    const changes = diffTariffDocuments(doc, hostile).map((c) => c.summary);
    expect(changes).toEqual(['id __proto__: added', 'id constructor: added']);
    expect(diffTariffDocuments(hostile, doc).map((c) => c.summary)).toEqual(['id __proto__: removed', 'id constructor: removed']);
  });
});
