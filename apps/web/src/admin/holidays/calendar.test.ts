import { describe, expect, it } from 'vitest';
import { monthWeeks } from './calendar';

describe('a month of the holiday calendar', () => {
  it('starts on Monday, padding the days of other months', () => {
    // 1 December 2026 is a Tuesday; the 31st a Thursday.
    const weeks = monthWeeks(2026, 12);
    expect(weeks).toHaveLength(5);
    expect(weeks[0]).toEqual([
      null,
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(weeks[4]).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      null,
      null,
      null,
    ]);
  });

  it('knows a leap February', () => {
    expect(monthWeeks(2028, 2).flat().filter(Boolean)).toHaveLength(29);
    expect(monthWeeks(2027, 2).flat().filter(Boolean)).toHaveLength(28);
  });
});
