import { describe, expect, it } from 'vitest';
import { costSchedule } from '../../src/logic/costSchedule.ts';
import type { Workload } from '../../src/logic/parseWorkload.ts';

const WORKLOAD: Workload = { inputTokens: 10_000, cacheHitShare: '0.4', outputTokens: 1_000, requestsPerDay: 1_000 };

describe('costSchedule with per-call items', () => {
  it('starts a new segment where server-side search becomes billed, 3 searches adding exactly CNY 0.015', () => {
    const from = Date.parse('2026-10-31T15:00:00Z');
    const to = Date.parse('2026-10-31T17:00:00Z');
    const tokens = costSchedule('deepseek-flash', from, to, WORKLOAD, 'CNY');
    const searches = costSchedule('deepseek-flash', from, to, { ...WORKLOAD, metered: { search: 3 } }, 'CNY');
    expect(searches.map((s) => s.segment.from.toISOString())).toEqual(['2026-10-31T15:00:00.000Z', '2026-10-31T16:00:00.000Z']);
    const tokenPrice = tokens[0]?.perRequest;
    expect(tokens).toHaveLength(1);
    expect(searches[0]?.perRequest.toString()).toBe(tokenPrice?.toString());
    expect(searches[1]?.perRequest.minus(tokenPrice ?? 0).toString()).toBe('0.015');
  });

  it('leaves out the stretch before a counted item existed instead of pricing it without the item', () => {
    const schedule = costSchedule(
      'deepseek-flash',
      Date.parse('2026-11-12T12:00:00Z'),
      Date.parse('2026-11-12T20:00:00Z'),
      { ...WORKLOAD, metered: { ocrPages: 10 } },
      'CNY',
    );
    expect(schedule[0]?.segment.from.toISOString()).toBe('2026-11-12T16:00:00.000Z');
  });
});
