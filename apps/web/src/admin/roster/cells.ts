import type { Inputs, Outputs } from '../../api/types';

export type Roster = Outputs['admin']['schedules']['roster'];
export type RosterRow = Roster['items'][number];
export type RosterCell = RosterRow['cells'][number];

/**
 * A cell's value in the grid's select: '' follows the schedule, 'off' is a day off set on the
 * roster, a shift type's id one set on the roster.
 */
export function cellValue(cell: RosterCell): string {
  if (cell.source !== 'override') return '';
  return cell.shiftTypeId === null ? 'off' : String(cell.shiftTypeId);
}

/** `admin.schedules.setDay`'s input for a value chosen in a cell. */
export function setDayInput(
  userId: number,
  date: string,
  value: string,
): Inputs['admin']['schedules']['setDay'] {
  if (value === '') return { userId, date, shiftTypeId: null, clear: true };
  return { userId, date, shiftTypeId: value === 'off' ? null : Number(value) };
}

/** The Monday of the week of a date ("YYYY-MM-DD"). */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const back = (day.getUTCDay() + 6) % 7;
  return addDays(date, -back);
}

/** A date `days` later (or earlier) in the calendar. */
export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}
