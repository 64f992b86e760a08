import { Decimal } from '@seekcost/pricing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../src/logic/formatMoney.ts';
import { heatmapRange, weekHeatmap } from '../src/logic/weekHeatmap.ts';
import { costSchedule } from '../src/logic/costSchedule.ts';
import { nextTierChange } from '../src/logic/nextTierChange.ts';
import { parseJsonField } from '../src/logic/parseJsonField.ts';
import { parseWorkload } from '../src/logic/parseWorkload.ts';
import { priceApiResponse } from '../src/logic/priceApiResponse.ts';
import { toDateTimeLocal } from '../src/logic/toDateTimeLocal.ts';
import { DAY_MS, HOUR_MS, LOOK_AHEAD_MS } from '../src/logic/timeUnits.ts';
import { formatInZone, instantOfWallClock } from '../src/logic/zoneClock.ts';
import { DEFAULT_STATE, type CalculatorState } from '../src/state/calculatorState.ts';
import { readUrlState } from '../src/state/readUrlState.ts';
import { writeUrlState } from '../src/state/writeUrlState.ts';

const WORKLOAD = { inputTokens: 10_000, cacheHitShare: '0.4', outputTokens: 1_000, requestsPerDay: 1_000 };

describe('URL state', () => {
  it('round-trips every state through the query string', () => {
    const field = fc.string({ maxLength: 12 });
    const state = fc.record<CalculatorState>({
      model: fc.option(fc.constantFrom('deepseek-chat', 'deepseek-v4-pro', 'x y&z=1'), { nil: null }),
      at: fc.option(fc.constantFrom('2025-03-01T12:00Z', '2026-09-01T02:00:00.000Z'), { nil: null }),
      inputTokens: field,
      cacheHit: field,
      outputTokens: field,
      requestsPerDay: field,
      searchesPerRequest: field,
      fetchesPerRequest: field,
      ocrPagesPerRequest: field,
      ttsCharactersPerRequest: field,
      currency: fc.constantFrom('USD', 'CNY', null),
      lang: fc.constantFrom('en', 'zh', null),
      zone: fc.constantFrom('local', 'utc', 'beijing'),
      theme: fc.constantFrom('light', 'dark', null),
    });
    fc.assert(
      fc.property(state, (s) => {
        expect(readUrlState(writeUrlState(s))).toEqual(s);
      }),
    );
  });

  it('keeps links short: the default state has an empty query', () => {
    expect(writeUrlState(DEFAULT_STATE)).toBe('');
    expect(writeUrlState({ ...DEFAULT_STATE, model: 'deepseek-chat', inputTokens: '6000' })).toBe('?model=deepseek-chat&in=6000');
  });

  it('ignores malformed values instead of breaking the page', () => {
    const state = readUrlState('?at=yesterday&cur=EUR&lang=fr&zone=mars&theme=pink');
    expect(state).toEqual(DEFAULT_STATE);
  });

  it('keeps the per-call counts in the link under short keys, and only when not zero', () => {
    const state = { ...DEFAULT_STATE, searchesPerRequest: '3', fetchesPerRequest: '1', ocrPagesPerRequest: '12', ttsCharactersPerRequest: '5400' };
    expect(writeUrlState(state)).toBe('?search=3&fetch=1&ocr=12&tts=5400');
    expect(readUrlState('?search=3&fetch=1&ocr=12&tts=5400')).toEqual(state);
    expect(writeUrlState({ ...DEFAULT_STATE, searchesPerRequest: '0' })).toBe('');
  });

  it('keeps hostile per-call values as text, capped, so the form flags them: never NaN, never a guess', () => {
    const state = readUrlState(`?search=NaN&fetch=-1&ocr=1e3&tts=${'9'.repeat(100)}`);
    expect(state.searchesPerRequest).toBe('NaN');
    expect(state.ttsCharactersPerRequest).toBe('9'.repeat(64));
    expect(parseWorkload(state)).toEqual({
      ok: false,
      errors: {
        searchesPerRequest: 'wholeNumber',
        fetchesPerRequest: 'wholeNumber',
        ocrPagesPerRequest: 'wholeNumber',
        ttsCharactersPerRequest: 'wholeNumber',
      },
    });
    expect(parseWorkload(readUrlState('?search=%3Cscript%3E&fetch=Infinity&ocr=0x10&tts=1.5'))).toEqual({
      ok: false,
      errors: {
        searchesPerRequest: 'wholeNumber',
        fetchesPerRequest: 'wholeNumber',
        ocrPagesPerRequest: 'wholeNumber',
        ttsCharactersPerRequest: 'wholeNumber',
      },
    });
  });
});

describe('parseWorkload', () => {
  it('reads whole numbers with separators and a percentage as an exact share', () => {
    expect(parseWorkload({ inputTokens: '10,000', cacheHit: '33.3%', outputTokens: ' 1 000 ', requestsPerDay: '0' })).toEqual({
      ok: true,
      workload: { inputTokens: 10_000, cacheHitShare: '0.333', outputTokens: 1_000, requestsPerDay: 0 },
    });
  });

  it('reads per-call counts: only non-zero ones reach the workload, an emptied one counts as none', () => {
    const tokens = { inputTokens: '0', cacheHit: '0', outputTokens: '0', requestsPerDay: '10' };
    expect(parseWorkload({ ...tokens, searchesPerRequest: '3', fetchesPerRequest: ' ', ocrPagesPerRequest: '0', ttsCharactersPerRequest: '5,400' })).toEqual({
      ok: true,
      workload: { inputTokens: 0, cacheHitShare: '0', outputTokens: 0, requestsPerDay: 10, metered: { search: 3, ttsCharacters: 5400 } },
    });
    expect(parseWorkload({ ...tokens, searchesPerRequest: '0' })).toEqual({
      ok: true,
      workload: { inputTokens: 0, cacheHitShare: '0', outputTokens: 0, requestsPerDay: 10 },
    });
    expect(parseWorkload({ ...tokens, fetchesPerRequest: '9007199254740992' })).toEqual({ ok: false, errors: { fetchesPerRequest: 'wholeNumber' } });
  });

  it('names each bad field', () => {
    expect(parseWorkload({ inputTokens: '-1', cacheHit: '100.5', outputTokens: '1.5', requestsPerDay: '' })).toEqual({
      ok: false,
      errors: { inputTokens: 'wholeNumber', cacheHit: 'percent', outputTokens: 'wholeNumber', requestsPerDay: 'wholeNumber' },
    });
  });
});

describe('formatMoney', () => {
  it('shows exact amounts in full, at least two decimals, and marks rounding past eight', () => {
    expect(formatMoney(new Decimal('0.004016'), 'USD')).toBe('$0.004016');
    expect(formatMoney(new Decimal('120.48'), 'CNY')).toBe('¥120.48');
    expect(formatMoney(new Decimal('4.5'), 'USD')).toBe('$4.50');
    expect(formatMoney(new Decimal('1234567'), 'USD')).toBe('$1,234,567.00');
    expect(formatMoney(new Decimal('0.000000125'), 'USD')).toBe('≈$0.00000012');
  });
});

describe('time zones', () => {
  it('formats and inverts wall clocks independently of the host zone', () => {
    const at = Date.parse('2025-03-01T12:00:00Z');
    expect(formatInZone(at, 'UTC')).toBe('2025-03-01 12:00');
    expect(formatInZone(at, 'Asia/Shanghai')).toBe('2025-03-01 20:00');
    expect(formatInZone(at, 'America/New_York')).toBe('2025-03-01 07:00');
    expect(toDateTimeLocal(at, 'Asia/Shanghai')).toBe('2025-03-01T20:00');
    const day = Math.floor(at / DAY_MS);
    expect(instantOfWallClock(day, 20 * 60, 'Asia/Shanghai')).toBe(at);
    expect(instantOfWallClock(day, 7 * 60, 'America/New_York')).toBe(at);
  });

  it('inverts every hour of a daylight-saving year in Berlin', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2026-01-01T00:00:00Z') / HOUR_MS, max: Date.parse('2027-01-01T00:00:00Z') / HOUR_MS }), (hour) => {
        const at = hour * HOUR_MS;
        const [date, clock] = formatInZone(at, 'Europe/Berlin').split(' ') as [string, string];
        const day = Date.parse(`${date}T00:00:00Z`) / DAY_MS;
        const [h, m] = clock.split(':').map(Number) as [number, number];
        // The autumn hour that repeats maps to its first occurrence, so compare wall clocks.
        expect(formatInZone(instantOfWallClock(day, h * 60 + m, 'Europe/Berlin'), 'Europe/Berlin')).toBe(`${date} ${clock}`);
      }),
    );
  });
});

describe('schedule, next change and heatmap', () => {
  it('finds the next tier change of deepseek-v4-flash after 02:00 UTC on 2026-09-01', () => {
    const at = Date.parse('2026-09-01T02:00:00Z');
    const schedule = costSchedule('deepseek-v4-flash', at, at + LOOK_AHEAD_MS, WORKLOAD, 'USD');
    expect(schedule[0]?.perRequest.toString()).toBe('0.004016');
    expect(nextTierChange(schedule, at + LOOK_AHEAD_MS)).toEqual({ kind: 'tier', at: new Date('2026-09-01T04:00:00Z'), tier: 'off-peak' });
  });

  it('says when a model stops being priced (retirement) within the range', () => {
    const at = Date.parse('2026-07-22T00:00:00Z');
    const end = at + LOOK_AHEAD_MS;
    const schedule = costSchedule('deepseek-chat', at, end, WORKLOAD, 'USD');
    const next = nextTierChange(schedule.slice(-1), end);
    expect(next).toEqual({ kind: 'ends', at: new Date('2026-07-24T15:59:00Z') });
  });

  it('builds a 7 x 24 grid whose cells follow the price at the middle of each hour', () => {
    const [from, to] = heatmapRange(Date.parse('2026-09-01T02:00:00Z'), 'UTC');
    expect(new Date(from).toISOString()).toBe('2026-09-01T00:00:00.000Z');
    const map = weekHeatmap(costSchedule('deepseek-v4-flash', from, to, WORKLOAD, 'USD'), from, 'UTC', {
      from: Date.parse('2026-09-01T04:00:00Z'),
      to: Date.parse('2026-09-01T06:00:00Z'),
    });
    expect(map.days.map((d) => d.isoWeekday)).toEqual([2, 3, 4, 5, 6, 7, 1]);
    const tuesday = map.days[0]?.cells.map((c) => c.tier) ?? [];
    expect(tuesday.slice(0, 7)).toEqual(['off-peak', 'peak', 'peak', 'peak', 'off-peak', 'off-peak', 'peak']);
    expect(map.days[0]?.cells[2]?.perRequest?.toString()).toBe('0.004016');
    expect(map.days[0]?.cells[2]?.level).toBe(1);
    expect(map.days[0]?.cells.map((c) => c.cheapest).flatMap((marked, hour) => (marked ? [hour] : []))).toEqual([4, 5]);
    expect(map.days[1]?.cells.some((c) => c.cheapest)).toBe(false);
  });
});

describe('power-user parsing', () => {
  it('reports bad JSON with its reason', () => {
    const parsed = parseJsonField('{"a": }');
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.reason).not.toBe('');
  });

  it('prices a Responses-API object by its created_at and model', () => {
    const priced = priceApiResponse(
      {
        object: 'response',
        created_at: Date.parse('2025-03-01T12:00:00Z') / 1000,
        model: 'deepseek-chat',
        usage: { input_tokens: 6000, output_tokens: 800, input_tokens_details: { cached_tokens: 0 } },
      },
      'deepseek-v4-pro',
      0,
      'USD',
    );
    expect(priced.ok && priced.quote.total.toString()).toBe('0.0025');
    expect(priceApiResponse([1, 2], 'deepseek-chat', 0, 'USD')).toEqual({ ok: false, error: 'not-an-object' });
  });
});
