import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ExportFile, ExportFormat } from '../reports/export-month.js';
import { calendarDate, neutralised } from '../reports/spreadsheet-cells.js';
import type { MonthRecap } from './build.js';
import { RECAP_LEGEND, type RecapTotals } from './rules.js';

/** The totals' columns, in order: header and value (minutes as hours where payroll reads hours). */
const TOTAL_COLUMNS: { header: string; value: (t: RecapTotals) => number }[] = [
  { header: 'Scheduled days', value: (t) => t.scheduledDays },
  { header: 'Present (H)', value: (t) => t.presentDays },
  { header: 'Late days (T)', value: (t) => t.lateDays },
  { header: 'Late minutes', value: (t) => t.lateMinutes },
  { header: 'Early leave days (PC)', value: (t) => t.earlyLeaveDays },
  { header: 'Early leave minutes', value: (t) => t.earlyLeaveMinutes },
  { header: 'Absent (A)', value: (t) => t.absentDays },
  { header: 'Annual leave (C)', value: (t) => t.leaveDays.annual },
  { header: 'Sick (S)', value: (t) => t.leaveDays.sick },
  { header: 'Permit (I)', value: (t) => t.leaveDays.permit + t.leaveDays.other },
  { header: 'Business travel (DL)', value: (t) => t.leaveDays.business_travel },
  { header: 'Holidays (L)', value: (t) => t.holidayDays },
  { header: 'Off days (O)', value: (t) => t.offDays },
  { header: 'Unscheduled work (K)', value: (t) => t.unscheduledWorkDays },
  { header: 'Hours worked', value: (t) => Math.round((t.workedMinutes / 60) * 100) / 100 },
  { header: 'Overtime hours', value: (t) => Math.round((t.overtimeMinutes / 60) * 100) / 100 },
  { header: 'Overtime weighted hours', value: (t) => t.overtimeWeightedHours },
  { header: 'Overtime over the limit (days)', value: (t) => t.overtimeOverLimitDays },
];

const PERSON_HEADERS = ['Name', 'Email', 'Department'];

/**
 * The recap as a file: XLSX with two sheets (the grid of codes with a legend, and the totals),
 * real numbers and dates and a frozen header; or CSV of the totals followed by the grid.
 */
export async function recapFile(recap: MonthRecap, format: ExportFormat): Promise<ExportFile> {
  const baseName = `rekap-absensi-${recap.month}`;
  const personCells = (p: MonthRecap['people'][number]) => [p.name, p.email, p.department ?? ''];
  if (format === 'csv') {
    const rows: (string | number)[][] = [
      [...PERSON_HEADERS, ...TOTAL_COLUMNS.map((c) => c.header)],
      ...recap.people.map((p) => [
        ...personCells(p).map(neutralised),
        ...TOTAL_COLUMNS.map((c) => c.value(p.totals)),
      ]),
      [],
      [...PERSON_HEADERS, ...recap.dates],
      ...recap.people.map((p) => [...personCells(p).map(neutralised), ...p.codes]),
    ];
    return {
      fileName: `${baseName}.csv`,
      contentType: 'text/csv; charset=utf-8',
      rowCount: recap.people.length,
      content: Buffer.from(`\uFEFF${stringify(rows)}`, 'utf8'),
    };
  }
  const workbook = new ExcelJS.Workbook();
  const grid = workbook.addWorksheet('Grid');
  grid.addRow([...PERSON_HEADERS, ...recap.dates.map(calendarDate)]);
  for (const p of recap.people) grid.addRow([...personCells(p), ...p.codes]);
  grid.getRow(1).font = { bold: true };
  recap.dates.forEach((_, index) => {
    const column = grid.getColumn(PERSON_HEADERS.length + 1 + index);
    column.width = 6;
    grid.getCell(1, PERSON_HEADERS.length + 1 + index).numFmt = 'dd';
  });
  grid.getColumn(1).width = 28;
  grid.getColumn(2).width = 28;
  grid.getColumn(3).width = 18;
  grid.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  grid.addRow([]);
  grid.addRow(['Legend']).font = { bold: true };
  for (const entry of RECAP_LEGEND) grid.addRow([entry.code, entry.status.replaceAll('_', ' ')]);

  const totals = workbook.addWorksheet('Totals');
  totals.addRow([...PERSON_HEADERS, ...TOTAL_COLUMNS.map((c) => c.header)]);
  for (const p of recap.people)
    totals.addRow([...personCells(p), ...TOTAL_COLUMNS.map((c) => c.value(p.totals))]);
  totals.getRow(1).font = { bold: true };
  totals.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  TOTAL_COLUMNS.forEach(
    (_, index) => (totals.getColumn(PERSON_HEADERS.length + 1 + index).width = 14),
  );
  totals.getColumn(1).width = 28;
  return {
    fileName: `${baseName}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    rowCount: recap.people.length,
    content: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
