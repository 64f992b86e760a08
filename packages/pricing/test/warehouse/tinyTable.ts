import type { TariffTable, TariffTableRow } from '@seekcost/pricing/warehouse';

// A two-row tariff small enough to read whole: the full SQL of each dialect is checked against the
// files in expected/ (reviewed by hand; the same SQL runs on DuckDB, PGlite and chDB in the engine tests).
// After an intended change to the SQL, rewrite them with warehouseSql(TINY_TABLE, { dialect, usageTable:
// 'api_calls', metered: true }) (BigQuery: prefix 'billing.seekcost_'), as warehouseSql.test.ts calls it, and review the diff.

const offPeak: TariffTableRow = {
  model: 'deepseek-flash', resolvedModel: 'deepseek-flash', mode: null, periodId: 'deepseek-flash/2026-09-10',
  validFrom: '2026-09-10T04:00:00.000Z', validTo: null, tier: 'off-peak', tierRank: 1, isDefault: true,
  windowStartMinute: null, windowEndMinute: null, windowTimeZone: null, windowOffsetMinutes: null,
  weekdays: null, weekdayMask: null, weekdayTimeZone: null, weekdayOffsetMinutes: null, holidayCalendar: null, holidayOffsetMinutes: null,
  currency: 'USD', cacheHitPrice: '0.014', cacheMissPrice: '0.14', outputPrice: '0.28', cacheHitUnits: 14000, cacheMissUnits: 140000, outputUnits: 280000,
  scale: 6, source: 'https://api-docs.deepseek.com/quick_start/pricing', confidence: 'official',
};

/** The tiny table: an off-peak default and a weekday peak window that holidays switch off. */
export const TINY_TABLE: TariffTable = {
  rows: [
    {
      ...offPeak, tier: 'peak', tierRank: 0, isDefault: false,
      windowStartMinute: 60, windowEndMinute: 240, windowTimeZone: 'UTC', windowOffsetMinutes: 0,
      weekdays: '1,2,3,4,5', weekdayMask: 31, weekdayTimeZone: 'Asia/Shanghai', weekdayOffsetMinutes: 480,
      holidayCalendar: 'cn-public-holidays', holidayOffsetMinutes: 480,
      cacheHitPrice: '0.028', cacheMissPrice: '0.28', outputPrice: '0.56', cacheHitUnits: 28000, cacheMissUnits: 280000, outputUnits: 560000,
    },
    offPeak,
  ],
  metered: [
    {
      item: 'search', via: 'tool-call', periodId: 'search/2026-10-31', discountId: null, validFrom: '2026-10-31T16:00:00.000Z', validTo: null,
      unit: 'request', unitSize: 1000, currency: 'CNY', price: '5', units: 5, exponent: 3, published: true, confidence: 'official',
      source: 'https://api-docs.deepseek.com/zh-cn/quick_start/pricing',
    },
    {
      item: 'ocrPages', via: 'tool-call', periodId: 'ocrPages/2026-11-13', discountId: null, validFrom: '2026-11-12T16:00:00.000Z', validTo: null,
      unit: 'page', unitSize: 1000, currency: 'CNY', price: '1.5', units: 15, exponent: 4, published: true, confidence: 'official',
      source: 'https://api-docs.deepseek.com/zh-cn/news/news261113',
    },
  ],
  holidays: [
    { calendar: 'cn-public-holidays', day: '2026-10-01', name: 'National Day' },
    { calendar: 'cn-public-holidays', day: '2027-01-01', name: "New Year's Day" },
  ],
  calendars: [{ id: 'cn-public-holidays', timeZone: 'Asia/Shanghai', coversFrom: '2026-01-01', coversTo: '2027-12-31' }],
  scale: 6,
  checked: '2026-11-22',
};
