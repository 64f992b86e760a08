import { describe, expect, it } from 'vitest';
import { getBundledTariff } from '../src/index.ts';
import { tariffProbeInstants } from '../src/tariffProbeInstants.ts';

describe('tariffProbeInstants', () => {
  const tariff = getBundledTariff();
  const probes = tariffProbeInstants(tariff, tariff);
  const has = (iso: string, deltaMs = 0) => probes.includes(Date.parse(iso) + deltaMs);

  it('is sorted and distinct', () => {
    expect(probes.every((t, i) => i === 0 || (probes[i - 1] as number) < t)).toBe(true);
  });

  it('holds every period edge, window edge and holiday-zone midnight with its neighbours 1 ms either side', () => {
    for (const delta of [-1, 0, 1]) {
      expect(has('2026-09-10T04:00:00Z', delta)).toBe(true); // period edge
      expect(has('2026-09-10T04:00:00Z', 24 * 3_600_000 + delta)).toBe(true); // end of the uncertain-cutover band
      expect(has('2026-12-15T06:00:00Z', delta)).toBe(true); // window start (UTC) on an ordinary day
      expect(has('2026-09-30T16:00:00Z', delta)).toBe(true); // 2026-10-01 00:00 in Asia/Shanghai: National Day begins
      expect(has('2025-03-10T16:30:00Z', delta)).toBe(true); // the old 16:30 UTC discount window
      expect(has('2026-07-24T15:59:00Z', delta)).toBe(true); // retirement
    }
  });

  it('covers a week past the last edge of the data (holiday list ends 2026-12-31) on a 4-hour grid', () => {
    expect(has('2027-01-07T16:00:00Z')).toBe(true);
    expect(has('2027-01-05T08:00:00Z')).toBe(true);
    expect(probes.at(-1)).toBeLessThan(Date.parse('2027-01-10T00:00:00Z'));
    expect(probes[0]).toBeLessThan(Date.parse('2024-08-02T00:00:00Z'));
  });

  it('finds both instants of a wall time repeated when clocks go back, and the jump of a skipped one', () => {
    const other = { ...tariff, calendars: new Map([...tariff.calendars].map(([id, c]) => [id, { ...c, timeZone: 'America/New_York' }])) };
    const ny = tariffProbeInstants(tariff, other);
    // 2026-11-01 00:00 New York is 04:00Z (EDT); 2026-03-08 00:00 is 05:00Z (EST).
    expect(ny.includes(Date.parse('2026-11-01T04:00:00Z'))).toBe(true);
    expect(ny.includes(Date.parse('2026-03-08T05:00:00Z'))).toBe(true);
  });
});
