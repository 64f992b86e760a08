import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantOfDateTimeLocal } from '../../src/logic/instantOfDateTimeLocal.ts';
import { toDateTimeLocal } from '../../src/logic/toDateTimeLocal.ts';
import { MINUTE_MS } from '../../src/logic/timeUnits.ts';

describe('instantOfDateTimeLocal', () => {
  it('reads a datetime-local value on the given clock', () => {
    expect(instantOfDateTimeLocal('2026-09-01T04:00', 'Europe/Berlin')).toBe('2026-09-01T02:00Z');
    expect(instantOfDateTimeLocal('2026-09-01T10:00', 'Asia/Shanghai')).toBe('2026-09-01T02:00Z');
    expect(instantOfDateTimeLocal('2025-03-01T12:00:30', 'UTC')).toBe('2025-03-01T12:00Z');
  });

  it('refuses empty, partial and rolled-over values instead of picking another instant', () => {
    for (const value of ['', '2026-09-01', '2026-09-01T4:00', '2026-02-30T10:00', '2026-09-01T24:00', '2026-09-01T10:60', 'x2026-09-01T10:00']) {
      expect(instantOfDateTimeLocal(value, 'UTC'), value).toBeNull();
    }
  });

  it('inverts toDateTimeLocal for every minute in Shanghai (no daylight saving there)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2024-01-01T00:00:00Z') / MINUTE_MS, max: Date.parse('2028-01-01T00:00:00Z') / MINUTE_MS }), (minute) => {
        const at = minute * MINUTE_MS;
        expect(Date.parse(instantOfDateTimeLocal(toDateTimeLocal(at, 'Asia/Shanghai'), 'Asia/Shanghai') ?? '')).toBe(at);
      }),
    );
  });
});
