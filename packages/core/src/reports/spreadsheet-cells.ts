import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import type { ExportLanguage } from './export-words.js';

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

/**
 * How spreadsheet programs set to a language read a CSV file: Excel in Indonesian takes `;` between
 * cells and `,` as the decimal mark (a `,`-separated file opens as one column there, and `1.5`
 * reads as text or a date); in English `,` and `.`.
 */
export const CSV_CONVENTIONS = {
  id: { delimiter: ';', decimalMark: ',' },
  en: { delimiter: ',', decimalMark: '.' },
} as const satisfies Record<ExportLanguage, { delimiter: string; decimalMark: string }>;

/** A number as the language writes it in a CSV cell (`2.5` → `2,5` in Indonesian); no grouping. */
export function csvNumber(value: number, language: ExportLanguage): string {
  const text = Number.isInteger(value) ? String(value) : String(Math.round(value * 1e9) / 1e9);
  return text.replace('.', CSV_CONVENTIONS[language].decimalMark);
}

/**
 * Rows as the text of a CSV file in `language`'s conventions (CSV_CONVENTIONS): numbers written
 * with its decimal mark, cells quoted where they hold the separator, a quote or a line break, and a
 * leading byte-order mark so that spreadsheet programs read the names as UTF-8. Text cells are
 * written as given: neutralise them first.
 */
export function csvText(
  rows: readonly (readonly (string | number | null)[])[],
  language: ExportLanguage,
): string {
  const cells = rows.map((row) =>
    row.map((cell) => (typeof cell === 'number' ? csvNumber(cell, language) : (cell ?? ''))),
  );
  return `\uFEFF${stringify(cells, { delimiter: CSV_CONVENTIONS[language].delimiter })}`;
}
