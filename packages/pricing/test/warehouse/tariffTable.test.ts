import { describe, expect, it } from 'vitest';
import { compileTariff, getBundledTariff, resolvePrice } from '@seekcost/pricing';
import { tariffTable } from '@seekcost/pricing/warehouse';

describe('tariffTable', () => {
  const table = tariffTable();

  it('gives every id, per currency, default rows that tile its priced life with no gap or overlap', () => {
    const tariff = getBundledTariff();
    for (const [idName, id] of tariff.ids) {
      for (const currency of tariff.currencies) {
        const defaults = table.rows.filter((r) => r.model === idName && r.currency === currency && r.isDefault);
        expect(defaults.length).toBeGreaterThan(0);
        const first = id.routes[0];
        const last = id.routes[id.routes.length - 1];
        expect(defaults[0]?.validFrom).toBe(new Date(first?.fromMs ?? 0).toISOString());
        defaults.slice(1).forEach((row, i) => expect(row.validFrom).toBe(defaults[i]?.validTo));
        const end = defaults[defaults.length - 1]?.validTo;
        expect(end).toBe(last?.toMs === Infinity ? null : new Date(last?.toMs ?? 0).toISOString());
      }
    }
  });

  it('clips an alias at its retirement and names the model it billed as', () => {
    const chat = table.rows.filter((r) => r.model === 'deepseek-chat' && r.currency === 'USD' && r.isDefault);
    expect(chat.at(-1)).toMatchObject({ resolvedModel: 'deepseek-v4-flash', mode: 'non-thinking', validTo: '2026-07-24T15:59:00.000Z' });
  });

  it('agrees with resolvePrice on the unit prices of each default row at its start', () => {
    for (const row of table.rows.filter((r) => r.isDefault && r.windowStartMinute === null)) {
      const price = resolvePrice({ model: row.model, at: row.validFrom, currency: row.currency });
      if (price.provenance.tier !== row.tier) continue; // a conditional tier holds at that instant
      expect([price.rates.units.cacheHit, price.rates.units.cacheMiss, price.rates.units.output]).toEqual([
        row.cacheHitUnits,
        row.cacheMissUnits,
        row.outputUnits,
      ]);
      expect(price.provenance.periodId).toBe(row.periodId);
    }
  });

  it('lists each holiday day and stores condition zones as fixed offsets', () => {
    expect(table.holidays.filter((h) => h.calendar === 'cn-public-holidays').map((h) => h.day)).toContain('2026-10-07');
    const peak = table.rows.find((r) => r.model === 'deepseek-flash' && r.tier === 'peak');
    expect(peak).toMatchObject({
      windowTimeZone: 'UTC',
      windowOffsetMinutes: 0,
      weekdays: '1,2,3,4,5',
      weekdayMask: 31,
      weekdayOffsetMinutes: 480,
      holidayCalendar: 'cn-public-holidays',
      holidayOffsetMinutes: 480,
    });
  });

  it('refuses a condition zone whose UTC offset changes while the row is in force', () => {
    const document = structuredClone(getBundledTariff().document);
    const period = document.models['deepseek-flash']?.periods[0];
    const when = period?.tiers[0]?.when;
    if (when === undefined) throw new Error('fixture: deepseek-flash has no conditional tier');
    (when as { timeZone: string }).timeZone = 'America/New_York';
    expect(() => tariffTable({ tariff: compileTariff(document), model: 'deepseek-flash' })).toThrow(
      /America\/New_York changes its UTC offset during deepseek-flash\/2026-09-10/,
    );
  });
});
