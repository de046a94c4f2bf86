import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { holidayOn, proposedNationalHolidays, type CalendarDay } from './rules.js';

describe('holidayOn', () => {
  type Day = CalendarDay & { name: string };
  const calendar: Day[] = [
    { date: '2026-08-17', siteId: null, name: 'Hari Kemerdekaan' },
    { date: '2026-08-17', siteId: 2, name: 'Makassar keeps its own' },
    { date: '2026-09-01', siteId: 2, name: 'Makassar anniversary' },
    { date: '2026-09-02', siteId: 3, name: 'Jayapura anniversary' },
    { date: '2026-12-25', siteId: null, name: 'Natal' },
  ];

  it.each([
    ['2026-08-17', 1, 'Hari Kemerdekaan'],
    ['2026-08-17', 2, 'Makassar keeps its own'],
    ['2026-08-17', null, 'Hari Kemerdekaan'],
    ['2026-09-01', 2, 'Makassar anniversary'],
    ['2026-09-01', 1, null],
    ['2026-09-01', null, null],
    ['2026-09-02', 2, null],
    ['2026-12-25', 3, 'Natal'],
    ['2026-12-24', null, null],
  ] as const)('on %s at site %s: %s', (date, siteId, name) => {
    expect(holidayOn(date, siteId, calendar)?.name ?? null).toBe(name);
  });

  it("prefers the site's own holiday whatever the order of the list", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(calendar, { minLength: calendar.length }), (shuffled) => {
        expect(holidayOn('2026-08-17', 2, shuffled)?.name).toBe('Makassar keeps its own');
        expect(holidayOn('2026-08-17', 7, shuffled)?.name).toBe('Hari Kemerdekaan');
      }),
    );
  });

  it('finds only holidays on the date asked, of that site or of every site', () => {
    const day = fc.record({
      date: fc.constantFrom('2026-01-01', '2026-01-02', '2026-01-03'),
      siteId: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
      name: fc.string(),
    });
    fc.assert(
      fc.property(
        fc.array(day),
        fc.constantFrom('2026-01-01', '2026-01-02'),
        fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
        (days, date, siteId) => {
          const found = holidayOn(date, siteId, days);
          const applies = days.filter(
            (holiday) =>
              holiday.date === date && (holiday.siteId === null || holiday.siteId === siteId),
          );
          expect(found === null).toBe(applies.length === 0);
          if (found) expect(applies).toContain(found);
        },
      ),
    );
  });
});

describe('proposedNationalHolidays', () => {
  it('proposes 2026 from the library, in Indonesian, by date', async () => {
    const proposed = await proposedNationalHolidays(2026);
    expect(proposed.every((holiday) => holiday.kind === 'national')).toBe(true);
    const byDate = Object.fromEntries(proposed.map((holiday) => [holiday.date, holiday.name]));
    expect(byDate).toMatchObject({
      '2026-01-01': 'Hari tahun baru',
      '2026-08-17': 'Hari Ulang Tahun Kemerdekaan Republik Indonesia',
      '2026-12-25': 'Hari Raya Natal',
      // What date-holidays 3.x computes for Idul Fitri 1447 H: 1 and 2 Syawal.
      '2026-03-20': 'Hari Raya Idul Fitri',
      '2026-03-21': 'Hari Raya Idul Fitri',
      // The library's Indonesian name for 27 Rajab is Maulid's; corrected.
      '2026-01-16': 'Isra Mikraj Nabi Muhammad',
      '2026-08-25': 'Maulid Nabi Muhammad',
    });
    const dates = proposed.map((holiday) => holiday.date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates.every((date) => date.startsWith('2026-'))).toBe(true);
  });

  it('makes one proposal of two holidays on one date, with both names', async () => {
    // In 2027 date-holidays puts Isra Mikraj (27 Rajab 1449 H) on Christmas Day.
    const christmas = (await proposedNationalHolidays(2027)).filter(
      (holiday) => holiday.date === '2027-12-25',
    );
    expect(christmas).toEqual([
      { date: '2027-12-25', name: 'Isra Mikraj Nabi Muhammad / Hari Raya Natal', kind: 'national' },
    ]);
  });

  it('hands each caller a copy of its own', async () => {
    const first = await proposedNationalHolidays(2026);
    first[0]!.name = 'changed';
    expect((await proposedNationalHolidays(2026))[0]!.name).toBe('Hari tahun baru');
  });

  it.each([1999, 2101, 2026.5, Number.NaN])('refuses the year %s', async (year) => {
    await expect(proposedNationalHolidays(year)).rejects.toThrow(RangeError);
  });
});
