import { describe, expect, it } from 'vitest';
import { clockInTime, clockOutTime } from './tap-time';

const shift = {
  clockInAt: '2026-11-24T01:10:00.000Z',
  clockInClientAt: '2026-11-24T01:00:00.000Z',
  clockInSource: 'online' as const,
  clockOutAt: '2026-11-24T10:10:00.000Z',
  clockOutClientAt: '2026-11-24T10:00:00.000Z',
  clockOutSource: 'online' as const,
};

describe('when the person tapped', () => {
  it("takes the server's time for a tap sent at once", () => {
    expect(clockInTime(shift)).toBe('2026-11-24T01:10:00.000Z');
    expect(clockOutTime(shift)).toBe('2026-11-24T10:10:00.000Z');
  });

  it("takes the phone's time for a tap kept offline", () => {
    const offline = {
      ...shift,
      clockInSource: 'offline' as const,
      clockOutSource: 'offline' as const,
    };
    expect(clockInTime(offline)).toBe('2026-11-24T01:00:00.000Z');
    expect(clockOutTime(offline)).toBe('2026-11-24T10:00:00.000Z');
  });

  it("falls back to the server's time when the phone's is missing, and has no clock-out for an open shift", () => {
    const open = {
      ...shift,
      clockInSource: 'offline' as const,
      clockInClientAt: null,
      clockOutAt: null,
      clockOutClientAt: null,
      clockOutSource: null,
    };
    expect(clockInTime(open)).toBe('2026-11-24T01:10:00.000Z');
    expect(clockOutTime(open)).toBeNull();
  });
});
