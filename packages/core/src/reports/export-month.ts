import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { repos } from '@absensi/db';
import type { CoreDeps } from '../deps.js';
import { monthBounds } from '../attendance/rules/index.js';
import { attendanceView } from '../attendance/views.js';

export type ExportFormat = 'csv' | 'xlsx';

export interface ExportFile {
  fileName: string;
  contentType: string;
  rowCount: number;
  content: Buffer;
}

const HEADER = [
  'Work date',
  'Employee',
  'Email',
  'Department',
  'Clock in',
  'Clock out',
  'Status',
  'Late minutes',
  'Worked minutes',
  'Clock-in node',
  'Clock-out node',
  'Clock-in source',
  'Clock-out kind',
  'Note',
] as const;

const PAGE = 500;

/**
 * The month's attendance, one line per record (plus a header), times in the company's zone.
 * `onProgress` hears the share done (0-100) after each page of records.
 */
export async function exportMonth(
  deps: Pick<CoreDeps, 'db' | 'settings'>,
  request: { month: string; format: ExportFormat },
  onProgress: (percent: number) => Promise<void> | void,
): Promise<ExportFile> {
  const settings = await deps.settings.get();
  const { from, to } = monthBounds(request.month);
  const total = await repos.attendance.countInRange(deps.db, { from, to });
  const local = new Intl.DateTimeFormat('sv-SE', {
    timeZone: settings.timeZone,
    dateStyle: 'short',
    timeStyle: 'medium',
  });
  const lines: (string | number)[][] = [];
  let lastId = 0;
  while (lines.length < total) {
    const page = await repos.attendance.pageInRange(deps.db, {
      from,
      to,
      after: lastId,
      limit: PAGE,
    });
    if (page.length === 0) break;
    for (const row of page) {
      const user = row.user;
      const view = attendanceView(row);
      lines.push([
        view.workDate,
        user.name,
        user.email,
        user.department ?? '',
        local.format(
          new Date(
            view.clockInClientAt && view.clockInSource === 'offline'
              ? view.clockInClientAt
              : view.clockInAt,
          ),
        ),
        view.clockOutAt ? local.format(new Date(view.clockOutAt)) : '',
        view.status,
        view.lateMinutes,
        view.workedMinutes ?? '',
        view.clockInNode,
        view.clockOutNode ?? '',
        view.clockInSource,
        view.clockOutKind ?? '',
        view.clockInNote ?? '',
      ]);
    }
    lastId = page[page.length - 1]!.id;
    await onProgress(Math.min(99, Math.round((lines.length / Math.max(total, 1)) * 100)));
  }

  const baseName = `absensi-${request.month}`;
  if (request.format === 'csv') {
    return {
      fileName: `${baseName}.csv`,
      contentType: 'text/csv; charset=utf-8',
      rowCount: lines.length,
      // A byte-order mark so that spreadsheet programs read the names as UTF-8.
      content: Buffer.from(`\uFEFF${stringify([[...HEADER], ...lines])}`, 'utf8'),
    };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(request.month);
  sheet.addRow([...HEADER]).font = { bold: true };
  for (const line of lines) sheet.addRow(line);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return {
    fileName: `${baseName}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    rowCount: lines.length,
    content: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
