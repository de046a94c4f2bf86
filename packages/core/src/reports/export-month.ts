import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { repos, type ShiftWithUser } from '@absensi/db';
import type { CoreDeps } from '../deps.js';
import { monthBounds } from '../attendance/rules/index.js';
import { attendanceView, type AttendanceView } from '../attendance/views.js';
import { calendarDate, neutralised, wallClock, wallClockText } from './spreadsheet-cells.js';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportFile {
  fileName: string;
  contentType: string;
  rowCount: number;
  content: Buffer;
}

/** What one column holds; dates and times as wall-clock Dates in the company's zone. */
type Cell = string | number | Date | null;

/** What a column's value may read besides the record: the zone, and the sites' names by id. */
interface Context {
  zone: string;
  siteNames: ReadonlyMap<number, string>;
}

interface Column {
  header: string;
  kind: 'text' | 'number' | 'date' | 'time';
  value(view: AttendanceView, row: ShiftWithUser, context: Context): Cell;
  width: number;
}

const at = (iso: string | null, zone: string) => (iso ? wallClock(new Date(iso), zone) : null);

/** How a record came to be: its employee's taps, added by an admin, or corrected by one. */
function recordKind(view: AttendanceView): string {
  if (view.origin === 'admin') return 'added by admin';
  return view.corrected ? 'corrected' : 'tap';
}

const COLUMNS: readonly Column[] = [
  { header: 'Work date', kind: 'date', width: 12, value: (view) => calendarDate(view.workDate) },
  { header: 'Employee', kind: 'text', width: 24, value: (_view, row) => row.user.name },
  { header: 'Email', kind: 'text', width: 28, value: (_view, row) => row.user.email },
  { header: 'Department', kind: 'text', width: 16, value: (_view, row) => row.user.department },
  {
    header: 'Clock in',
    kind: 'time',
    width: 18,
    value: (view, _row, { zone }) => at(view.clockInAt, zone),
  },
  {
    header: 'Clock out',
    kind: 'time',
    width: 18,
    value: (view, _row, { zone }) => at(view.clockOutAt, zone),
  },
  { header: 'Worked minutes', kind: 'number', width: 10, value: (view) => view.workedMinutes },
  { header: 'Status', kind: 'text', width: 9, value: (view) => view.status },
  { header: 'Late minutes', kind: 'number', width: 9, value: (view) => view.lateMinutes },
  { header: 'Clock-out kind', kind: 'text', width: 12, value: (view) => view.clockOutKind },
  { header: 'Record', kind: 'text', width: 14, value: recordKind },
  {
    header: 'Clock-in latitude',
    kind: 'number',
    width: 11,
    value: (view) => view.clockInLocation?.lat ?? null,
  },
  {
    header: 'Clock-in longitude',
    kind: 'number',
    width: 11,
    value: (view) => view.clockInLocation?.lng ?? null,
  },
  {
    header: 'Clock-in accuracy (m)',
    kind: 'number',
    width: 9,
    value: (view) => view.clockInLocation?.accuracy ?? null,
  },
  {
    header: 'Clock-out latitude',
    kind: 'number',
    width: 11,
    value: (view) => view.clockOutLocation?.lat ?? null,
  },
  {
    header: 'Clock-out longitude',
    kind: 'number',
    width: 11,
    value: (view) => view.clockOutLocation?.lng ?? null,
  },
  {
    header: 'Clock-out accuracy (m)',
    kind: 'number',
    width: 9,
    value: (view) => view.clockOutLocation?.accuracy ?? null,
  },
  {
    header: 'Site',
    kind: 'text',
    width: 16,
    value: (view, _row, { siteNames }) =>
      view.siteId === null ? null : (siteNames.get(view.siteId) ?? null),
  },
  { header: 'Clock-in geofence', kind: 'text', width: 9, value: (view) => view.clockInGeofence },
  {
    header: 'Clock-in distance (m)',
    kind: 'number',
    width: 9,
    value: (view) => view.clockInDistanceM,
  },
  { header: 'Clock-out geofence', kind: 'text', width: 9, value: (view) => view.clockOutGeofence },
  {
    header: 'Clock-out distance (m)',
    kind: 'number',
    width: 9,
    value: (view) => view.clockOutDistanceM,
  },
  { header: 'Clock-in source', kind: 'text', width: 9, value: (view) => view.clockInSource },
  { header: 'Clock-in node', kind: 'text', width: 9, value: (view) => view.clockInNode },
  { header: 'Clock-out node', kind: 'text', width: 9, value: (view) => view.clockOutNode },
  { header: 'Note', kind: 'text', width: 30, value: (view) => view.clockInNote },
];

const PAGE = 500;

/** A cell of a text file: times as wall-clock text, text that could run as a formula neutralised. */
function textCell(column: Column, cell: Cell): string | number {
  if (cell === null) return '';
  if (cell instanceof Date)
    return column.kind === 'date' ? cell.toISOString().slice(0, 10) : wallClockText(cell);
  return typeof cell === 'string' ? neutralised(cell) : cell;
}

/**
 * The month's attendance, one line per record (plus a header), in the order HR reads it: by work
 * date, then employee name, then clock-in. Times are the effective times of the taps, in the
 * company's zone; worked minutes are clock-out − clock-in. XLSX cells are real dates and numbers.
 * `onProgress` hears the share done (0-100) after each page of records.
 */
export async function exportMonth(
  deps: Pick<CoreDeps, 'db' | 'settings'>,
  request: { month: string; format: ExportFormat },
  onProgress: (percent: number) => Promise<void> | void,
): Promise<ExportFile> {
  const settings = await deps.settings.get();
  const zone = settings.timeZone;
  const { from, to } = monthBounds(request.month);
  const [total, sites] = await Promise.all([
    repos.attendance.countInRange(deps.db, { from, to }),
    repos.sites.list(deps.db),
  ]);
  const context: Context = { zone, siteNames: new Map(sites.map((site) => [site.id, site.name])) };
  const lines: Cell[][] = [];
  while (lines.length < total) {
    const page = await repos.attendance.pageForReport(deps.db, {
      from,
      to,
      offset: lines.length,
      limit: PAGE,
    });
    if (page.length === 0) break;
    for (const row of page) {
      const view = attendanceView(row);
      lines.push(COLUMNS.map((column) => column.value(view, row, context)));
    }
    await onProgress(Math.min(99, Math.round((lines.length / Math.max(total, 1)) * 100)));
  }

  const baseName = `absensi-${request.month}`;
  if (request.format === 'csv') {
    const text = stringify([
      COLUMNS.map((column) => column.header),
      ...lines.map((line) => line.map((cell, index) => textCell(COLUMNS[index]!, cell))),
    ]);
    return {
      fileName: `${baseName}.csv`,
      contentType: 'text/csv; charset=utf-8',
      rowCount: lines.length,
      // A byte-order mark so that spreadsheet programs read the names as UTF-8.
      content: Buffer.from(`\uFEFF${text}`, 'utf8'),
    };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(request.month);
  sheet.columns = COLUMNS.map((column) => ({
    header: column.header,
    width: column.width,
    style:
      column.kind === 'date'
        ? { numFmt: 'yyyy-mm-dd' }
        : column.kind === 'time'
          ? { numFmt: 'yyyy-mm-dd hh:mm' }
          : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const line of lines) sheet.addRow(line);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return {
    fileName: `${baseName}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    rowCount: lines.length,
    content: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
