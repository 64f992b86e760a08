import { describe, expect, it } from 'vitest';
import { epochDayOf, isoDateOfEpochDay, zonedTime, zoneOffsetMinutes } from '../src/index.ts';

describe('zonedTime', () => {
  it('reads Beijing wall time', () => {
    expect(zonedTime(Date.parse('2026-08-21T16:00:00.000Z'), 'Asia/Shanghai')).toEqual({
      epochDay: epochDayOf('2026-08-22'),
      minuteOfDay: 0,
      isoWeekday: 6,
      offsetMinutes: 480,
    });
    expect(zonedTime(Date.parse('2026-08-21T15:59:59.999Z'), 'Asia/Shanghai')).toMatchObject({ minuteOfDay: 1439, isoWeekday: 5 });
  });

  it('follows daylight saving in zones that have it', () => {
    expect(zoneOffsetMinutes(Date.parse('2026-03-29T00:59:59.999Z'), 'Europe/Berlin')).toBe(60);
    expect(zoneOffsetMinutes(Date.parse('2026-03-29T01:00:00.000Z'), 'Europe/Berlin')).toBe(120);
    expect(zonedTime(Date.parse('2026-03-29T01:00:00.000Z'), 'Europe/Berlin').minuteOfDay).toBe(180);
  });

  it('handles instants before 1970 and the day numbering round trip', () => {
    expect(zonedTime(Date.parse('1969-12-31T23:59:00Z'), 'UTC')).toEqual({ epochDay: -1, minuteOfDay: 1439, isoWeekday: 3, offsetMinutes: 0 });
    expect(isoDateOfEpochDay(epochDayOf('2026-10-01'))).toBe('2026-10-01');
  });
});
