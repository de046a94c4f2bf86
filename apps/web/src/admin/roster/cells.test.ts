import { describe, expect, it } from 'vitest';
import { addDays, cellValue, mondayOf, setDayInput, type RosterCell } from './cells';

const cell = (changes: Partial<RosterCell>): RosterCell => ({
  date: '2026-12-01',
  kind: 'work',
  shiftTypeId: 2,
  source: 'schedule',
  holidayName: null,
  start: null,
  end: null,
  ...changes,
});

describe('a roster cell', () => {
  it('follows the schedule unless the roster sets the day', () => {
    expect(cellValue(cell({}))).toBe('');
    expect(cellValue(cell({ kind: 'holiday', shiftTypeId: null, source: null }))).toBe('');
    expect(cellValue(cell({ source: 'override' }))).toBe('2');
    expect(cellValue(cell({ kind: 'off', shiftTypeId: null, source: 'override' }))).toBe('off');
  });

  it('sets a shift, a day off, or goes back to the schedule', () => {
    expect(setDayInput(7, '2026-12-01', '3')).toEqual({
      userId: 7,
      date: '2026-12-01',
      shiftTypeId: 3,
    });
    expect(setDayInput(7, '2026-12-01', 'off')).toEqual({
      userId: 7,
      date: '2026-12-01',
      shiftTypeId: null,
    });
    expect(setDayInput(7, '2026-12-01', '')).toEqual({
      userId: 7,
      date: '2026-12-01',
      shiftTypeId: null,
      clear: true,
    });
  });
});

describe('the week of the grid', () => {
  it('starts on Monday, across a month and a year', () => {
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
