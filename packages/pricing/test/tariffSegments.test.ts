import { describe, expect, it } from 'vitest';
import { InvalidArgumentError, RetiredModelError, tariffSegments } from '../src/index.ts';

const brief = (s: { from: Date; to: Date; tier: string; periodId: string }) => `${s.from.toISOString()} ${s.tier} ${s.periodId}`;

describe('tariffSegments', () => {
  it('splits a weekday into its peak and off-peak stretches', () => {
    const day = tariffSegments({ model: 'deepseek-v4-pro', from: '2026-09-01T00:00:00Z', to: '2026-09-02T00:00:00Z' });
    expect(day.map((s) => [s.from.toISOString().slice(11, 16), s.to.toISOString().slice(11, 16), s.tier, s.rates.output.toString()])).toEqual([
      ['00:00', '01:00', 'off-peak', '1.98'],
      ['01:00', '04:00', 'peak', '3.96'],
      ['04:00', '06:00', 'off-peak', '1.98'],
      ['06:00', '10:00', 'peak', '3.96'],
      ['10:00', '00:00', 'off-peak', '1.98'],
    ]);
  });

  it('keeps weekends and holidays off-peak, and crosses period changes', () => {
    const segments = tariffSegments({ model: 'deepseek-v4-flash', from: '2026-09-09T00:00:00Z', to: '2026-09-14T00:00:00Z' });
    expect(segments.map(brief)).toEqual([
      '2026-09-09T00:00:00.000Z off-peak deepseek-v4-flash/2026-08-22',
      '2026-09-09T01:00:00.000Z peak deepseek-v4-flash/2026-08-22',
      '2026-09-09T04:00:00.000Z off-peak deepseek-v4-flash/2026-08-22',
      '2026-09-09T06:00:00.000Z peak deepseek-v4-flash/2026-08-22',
      '2026-09-09T10:00:00.000Z off-peak deepseek-v4-flash/2026-08-22',
      '2026-09-10T01:00:00.000Z peak deepseek-v4-flash/2026-08-22',
      '2026-09-10T04:00:00.000Z off-peak deepseek-flash/2026-09-10',
      '2026-09-10T06:00:00.000Z peak deepseek-flash/2026-09-10',
      '2026-09-10T10:00:00.000Z off-peak deepseek-flash/2026-09-10',
      '2026-09-11T01:00:00.000Z peak deepseek-flash/2026-09-10',
      '2026-09-11T04:00:00.000Z off-peak deepseek-flash/2026-09-10',
      '2026-09-11T06:00:00.000Z peak deepseek-flash/2026-09-10',
      '2026-09-11T10:00:00.000Z off-peak deepseek-flash/2026-09-10',
    ]);
    expect(segments.at(-1)?.to.toISOString()).toBe('2026-09-14T00:00:00.000Z');
  });

  it('shows the 2025 discount window wrapping midnight', () => {
    const segments = tariffSegments({ model: 'deepseek-chat', from: '2025-03-10T12:00:00Z', to: '2025-03-11T12:00:00Z', currency: 'CNY' });
    expect(segments.map((s) => `${s.from.toISOString().slice(11, 16)} ${s.tier} ${s.rates.cacheMiss.toString()}`)).toEqual([
      '12:00 standard 2',
      '16:30 discount 1',
      '00:30 standard 2',
    ]);
  });

  it('ends at a retirement, and refuses to start after it', () => {
    const segments = tariffSegments({ model: 'deepseek-chat', from: '2026-07-24T00:00:00Z', to: '2026-07-25T00:00:00Z' });
    expect(segments.at(-1)?.to.toISOString()).toBe('2026-07-24T15:59:00.000Z');
    expect(() => tariffSegments({ model: 'deepseek-chat', from: '2026-07-25T00:00:00Z', to: '2026-07-26T00:00:00Z' })).toThrow(RetiredModelError);
  });

  it('rejects an empty or reversed range, and one with too many segments', () => {
    expect(() => tariffSegments({ model: 'deepseek-chat', from: '2025-03-10T12:00:00Z', to: '2025-03-10T12:00:00Z' })).toThrow(InvalidArgumentError);
    expect(() => tariffSegments({ model: 'deepseek-v4-pro', from: '2026-09-01T00:00:00Z', to: '2026-10-01T00:00:00Z', maxSegments: 10 })).toThrow(
      /more than 10 segments/,
    );
  });
});

describe('tariffSegments: hostile options give typed errors naming the field', () => {
  const ok = { model: 'deepseek-v4-pro', from: '2026-09-01T00:00:00Z', to: '2026-09-02T00:00:00Z' };
  it.each([
    [{ from: '2026-09-31T00:00:00Z' }, 'from: "2026-09-31T00:00:00Z" names a date that does not exist (2026-09-31)'],
    [{ to: 1e16 }, 'to: 10000000000000000 is out of range'],
    [{ currency: 'toString' }, `currency: must be 'USD' or 'CNY', got "toString"`],
    [{ model: Object.create(null) }, 'model: must be a string, got an object'],
    [{ maxSegments: Number.NaN }, 'maxSegments: must be a whole number of at least 1, got NaN'],
    [{ maxSegments: 0 }, 'maxSegments: must be a whole number of at least 1, got 0'],
  ])('%o', (options, message) => {
    expect(() => tariffSegments({ ...ok, ...options } as never)).toThrow(message);
  });
});
