import { DateTime } from 'luxon';

/**
 * Cells of an exported file. Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (and,
 * in some, a tab or carriage return) as a formula: a name typed as `=HYPERLINK(…)` would run on
 * the HR admin's machine (OWASP, "CSV Injection"). Text cells starting so get a leading apostrophe,
 * which spreadsheets show as text and do not run.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralised(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * An instant as a spreadsheet shows a local time: a Date whose UTC fields are the wall-clock time
 * in `timeZone` (spreadsheets have no zones; ExcelJS writes a Date's UTC fields).
 */
export function wallClock(instant: Date, timeZone: string): Date {
  const local = DateTime.fromJSDate(instant, { zone: timeZone });
  return new Date(
    Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second),
  );
}

/** A work date ("YYYY-MM-DD") as a spreadsheet date. */
export function calendarDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** "YYYY-MM-DD HH:MM:SS" of a wall-clock Date (see wallClock), for text files. */
export function wallClockText(wall: Date): string {
  return wall.toISOString().slice(0, 19).replace('T', ' ');
}
