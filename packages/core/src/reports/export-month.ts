import ExcelJS from 'exceljs';
import { repos, type ShiftWithUser } from '@absensi/db';
import type { CoreDeps } from '../deps.js';
import { monthBounds } from '../attendance/rules/index.js';
import { attendanceView, type AttendanceView } from '../attendance/views.js';
import {
  ATTENDANCE_HEADERS,
  ATTENDANCE_VALUES,
  type AttendanceColumnId,
  type AttendanceValue,
  type ExportLanguage,
} from './export-words.js';
import {
  calendarDate,
  csvText,
  neutralised,
  wallClock,
  wallClockText,
} from './spreadsheet-cells.js';

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
  /** A word value (a status, a kind, a verdict) in the file's language. */
  word: (value: AttendanceValue | null) => string | null;
}

interface Column {
  id: AttendanceColumnId;
  kind: 'text' | 'number' | 'date' | 'time';
  value(view: AttendanceView, row: ShiftWithUser, context: Context): Cell;
  width: number;
}

const at = (iso: string | null, zone: string) => (iso ? wallClock(new Date(iso), zone) : null);

/** How a record came to be: its employee's taps, added by an admin, or corrected by one. */
function recordKind(view: AttendanceView): AttendanceValue {
  if (view.origin === 'admin') return 'added';
  return view.corrected ? 'corrected' : 'tap';
}

const COLUMNS: readonly Column[] = [
  { id: 'workDate', kind: 'date', width: 12, value: (view) => calendarDate(view.workDate) },
  { id: 'employee', kind: 'text', width: 24, value: (_view, row) => row.user.name },
  { id: 'email', kind: 'text', width: 28, value: (_view, row) => row.user.email },
  { id: 'department', kind: 'text', width: 16, value: (_view, row) => row.user.department },
  {
    id: 'clockIn',
    kind: 'time',
    width: 18,
    value: (view, _row, { zone }) => at(view.clockInAt, zone),
  },
  {
    id: 'clockOut',
    kind: 'time',
    width: 18,
    value: (view, _row, { zone }) => at(view.clockOutAt, zone),
  },
  { id: 'workedMinutes', kind: 'number', width: 10, value: (view) => view.workedMinutes },
  { id: 'status', kind: 'text', width: 9, value: (view, _row, { word }) => word(view.status) },
  { id: 'lateMinutes', kind: 'number', width: 9, value: (view) => view.lateMinutes },
  {
    id: 'clockOutKind',
    kind: 'text',
    width: 12,
    value: (view, _row, { word }) => word(view.clockOutKind),
  },
  {
    id: 'record',
    kind: 'text',
    width: 14,
    value: (view, _row, { word }) => word(recordKind(view)),
  },
  {
    id: 'clockInLat',
    kind: 'number',
    width: 11,
    value: (view) => view.clockInLocation?.lat ?? null,
  },
  {
    id: 'clockInLng',
    kind: 'number',
    width: 11,
    value: (view) => view.clockInLocation?.lng ?? null,
  },
  {
    id: 'clockInAccuracy',
    kind: 'number',
    width: 9,
    value: (view) => view.clockInLocation?.accuracy ?? null,
  },
  {
    id: 'clockOutLat',
    kind: 'number',
    width: 11,
    value: (view) => view.clockOutLocation?.lat ?? null,
  },
  {
    id: 'clockOutLng',
    kind: 'number',
    width: 11,
    value: (view) => view.clockOutLocation?.lng ?? null,
  },
  {
    id: 'clockOutAccuracy',
    kind: 'number',
    width: 9,
    value: (view) => view.clockOutLocation?.accuracy ?? null,
  },
  {
    id: 'site',
    kind: 'text',
    width: 16,
    value: (view, _row, { siteNames }) =>
      view.siteId === null ? null : (siteNames.get(view.siteId) ?? null),
  },
  {
    id: 'clockInGeofence',
    kind: 'text',
    width: 9,
    value: (view, _row, { word }) => word(view.clockInGeofence),
  },
  {
    id: 'clockInDistance',
    kind: 'number',
    width: 9,
    value: (view) => view.clockInDistanceM,
  },
  {
    id: 'clockOutGeofence',
    kind: 'text',
    width: 9,
    value: (view, _row, { word }) => word(view.clockOutGeofence),
  },
  {
    id: 'clockOutDistance',
    kind: 'number',
    width: 9,
    value: (view) => view.clockOutDistanceM,
  },
  {
    id: 'clockInSource',
    kind: 'text',
    width: 9,
    value: (view, _row, { word }) => word(view.clockInSource),
  },
  { id: 'clockInNode', kind: 'text', width: 9, value: (view) => view.clockInNode },
  { id: 'clockOutNode', kind: 'text', width: 9, value: (view) => view.clockOutNode },
  { id: 'note', kind: 'text', width: 30, value: (view) => view.clockInNote },
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
 * Headers and word values (status, kinds, geofence) are in `request.language` (default Indonesian),
 * and so are the CSV's separator and decimal mark (CSV_CONVENTIONS: `;` and `,` in Indonesian) and
 * the file's name (`absensi-2026-11-id.csv`).
 * `onProgress` hears the share done (0-100) after each page of records.
 */
export async function exportMonth(
  deps: Pick<CoreDeps, 'db' | 'settings'>,
  request: { month: string; format: ExportFormat; language?: ExportLanguage | undefined },
  onProgress: (percent: number) => Promise<void> | void,
): Promise<ExportFile> {
  const settings = await deps.settings.get();
  const zone = settings.timeZone;
  const { from, to } = monthBounds(request.month);
  const [total, sites] = await Promise.all([
    repos.attendance.countInRange(deps.db, { from, to }),
    repos.sites.list(deps.db),
  ]);
  const language = request.language ?? 'id';
  const values: Record<AttendanceValue, string> = ATTENDANCE_VALUES[language];
  const headers: Record<AttendanceColumnId, string> = ATTENDANCE_HEADERS[language];
  const context: Context = {
    zone,
    siteNames: new Map(sites.map((site) => [site.id, site.name])),
    word: (value) => (value === null ? null : values[value]),
  };
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

  const baseName = `absensi-${request.month}-${language}`;
  if (request.format === 'csv') {
    const text = csvText(
      [
        COLUMNS.map((column) => headers[column.id]),
        ...lines.map((line) => line.map((cell, index) => textCell(COLUMNS[index]!, cell))),
      ],
      language,
    );
    return {
      fileName: `${baseName}.csv`,
      contentType: 'text/csv; charset=utf-8',
      rowCount: lines.length,
      content: Buffer.from(text, 'utf8'),
    };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(request.month);
  sheet.columns = COLUMNS.map((column) => ({
    header: headers[column.id],
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
