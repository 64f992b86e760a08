import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zoneOffsetChanges } from '../../src/ledger/zoneOffsetChanges.ts';
import { zoneOffsetMinutes } from '../../src/zonedTime.ts';

const DAY_MS = 86_400_000;

describe('zoneOffsetChanges', () => {
  it('finds daylight-saving changes to the millisecond, and none on ordinary days or in UTC', () => {
    const day = (iso: string) => Date.parse(iso) / DAY_MS;
    expect(zoneOffsetChanges('America/New_York', day('2026-03-08T00:00:00Z'))).toEqual([-300, Date.parse('2026-03-08T07:00:00Z'), -240]);
    expect(zoneOffsetChanges('Australia/Lord_Howe', day('2026-04-04T00:00:00Z'))).toEqual([660, Date.parse('2026-04-04T15:00:00Z'), 630]);
    expect(zoneOffsetChanges('Asia/Shanghai', day('2026-05-01T00:00:00Z'))).toEqual([480]);
    expect(zoneOffsetChanges('UTC', day('2026-05-01T00:00:00Z'))).toEqual([0]);
  });

  it('gives the offset in force at every instant of the day (property, against zoneOffsetMinutes)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2024-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') }),
        fc.constantFrom('America/New_York', 'Australia/Lord_Howe', 'Europe/London', 'Asia/Kolkata'),
        (at, zone) => {
          const changes = zoneOffsetChanges(zone, Math.floor(at / DAY_MS));
          let offset = changes[0];
          for (let i = 1; i < changes.length && (changes[i] as number) <= at; i += 2) offset = changes[i + 1];
          expect(offset).toBe(zoneOffsetMinutes(at, zone));
        },
      ),
      { numRuns: 500 },
    );
  });
});
