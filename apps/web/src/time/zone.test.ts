import { describe, expect, it } from 'vitest';
import { instantToZoned, localDateIn, zonedToInstant } from './zone';

describe('wall-clock times in a zone', () => {
  const instant = '2026-11-24T01:05:00.000Z'; // 08:05 in Jakarta

  it('converts between wall-clock times in a zone and instants, across a DST change', () => {
    expect(zonedToInstant('2026-11-24T08:05', 'Asia/Jakarta').toISOString()).toBe(instant);
    expect(instantToZoned(instant, 'Asia/Jakarta')).toBe('2026-11-24T08:05');
    expect(zonedToInstant('2026-07-01T09:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-07-01T07:00:00.000Z',
    );
    expect(zonedToInstant('2026-01-01T09:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-01-01T08:00:00.000Z',
    );
    expect(localDateIn(new Date('2026-11-24T18:00:00Z'), 'Asia/Jakarta')).toBe('2026-11-25');
  });
});
