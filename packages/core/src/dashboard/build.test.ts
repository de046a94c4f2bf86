import { describe, expect, it } from 'vitest';
import { hoursOfQuarterHours } from './build.js';

const bucketOf = (iso: string) => Date.parse(iso) / 1000 / 900;

describe('clock-ins by local hour', () => {
  it('puts each UTC quarter hour in the local hour of the company zone, half-hour zones too', () => {
    const buckets = [
      { bucket: bucketOf('2026-11-24T01:45:00Z'), count: 3 },
      { bucket: bucketOf('2026-11-24T02:00:00Z'), count: 2 },
      { bucket: bucketOf('2026-11-24T02:15:00Z'), count: 1 },
    ];
    const jakarta = hoursOfQuarterHours(buckets, 'Asia/Jakarta');
    expect(jakarta[8]).toBe(3);
    expect(jakarta[9]).toBe(3);
    expect(jakarta.reduce((sum, count) => sum + count, 0)).toBe(6);
    const kolkata = hoursOfQuarterHours(buckets, 'Asia/Kolkata');
    expect(kolkata[7]).toBe(6);
    expect(kolkata[8]).toBe(0);
  });
});
