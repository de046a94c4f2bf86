import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overrideWindow } from './planning-cache.js';
import { datesAround } from './rules.js';

/** The zones a site may be in, the day line's two sides and a zone with DST among them. */
const ZONES = [
  'Asia/Jakarta',
  'Asia/Makassar',
  'Asia/Jayapura',
  'Pacific/Kiritimati', // UTC+14
  'Etc/GMT+12', // UTC−12
  'America/New_York', // DST
  'Europe/London',
  'UTC',
];
/** How long a load is held (PlanningCache's default time to live), ms. */
const HELD_MS = 5_000;

const covers = (window: { from: string; to: string }, dates: readonly string[]) =>
  dates.every((date) => window.from <= date && date <= window.to);

describe('the roster overrides a planning cache load holds cover every clock-in it serves', () => {
  it.each([
    ['a WIB midnight', '2026-03-31T17:00:00.000Z', 'Asia/Jakarta'],
    [
      'the year turning in UTC+14 just after a load',
      '2026-12-31T09:59:58.000Z',
      'Pacific/Kiritimati',
    ],
    ['the year turning in UTC−12', '2027-01-01T11:59:59.000Z', 'Etc/GMT+12'],
    ['a month end in WIT', '2026-02-28T14:59:59.000Z', 'Asia/Jayapura'],
    ['the DST change in New York', '2026-03-08T06:59:59.000Z', 'America/New_York'],
    ['UTC midnight itself', '2026-11-30T23:59:59.999Z', 'UTC'],
  ])('at %s', (_edge, loadedAt, zone) => {
    const load = Date.parse(loadedAt);
    const window = overrideWindow(load);
    for (const tapAfterLoad of [0, 1, HELD_MS])
      expect(covers(window, datesAround(new Date(load + tapAfterLoad), zone))).toBe(true);
  });

  it('for any load instant, any tap made while it is held, in any zone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2090-12-31') }),
        fc.integer({ min: 0, max: HELD_MS }),
        fc.constantFrom(...ZONES),
        (load, after, zone) =>
          covers(overrideWindow(load), datesAround(new Date(load + after), zone)),
      ),
      { numRuns: 2_000 },
    );
  });

  it('is six dates: three back, the load’s UTC date, two ahead', () => {
    expect(overrideWindow(Date.parse('2026-03-01T00:00:00Z'))).toEqual({
      from: '2026-02-26',
      to: '2026-03-03',
    });
  });
});
