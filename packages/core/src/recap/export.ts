import ExcelJS from 'exceljs';
import type { ExportFile, ExportFormat } from '../reports/export-month.js';
import { LEGEND_WORDS, RECAP_WORDS, type ExportLanguage } from '../reports/export-words.js';
import { calendarDate, csvText, neutralised } from '../reports/spreadsheet-cells.js';
import type { MonthRecap } from './build.js';
import { RECAP_LEGEND, type RecapTotals } from './rules.js';

type RecapWord = keyof (typeof RECAP_WORDS)['en'];

/** The totals' columns, in order: header and value (minutes as hours where payroll reads hours). */
const TOTAL_COLUMNS: { header: RecapWord; value: (t: RecapTotals) => number }[] = [
  { header: 'scheduledDays', value: (t) => t.scheduledDays },
  { header: 'presentDays', value: (t) => t.presentDays },
  { header: 'lateDays', value: (t) => t.lateDays },
  { header: 'lateMinutes', value: (t) => t.lateMinutes },
  { header: 'earlyLeaveDays', value: (t) => t.earlyLeaveDays },
  { header: 'earlyLeaveMinutes', value: (t) => t.earlyLeaveMinutes },
  { header: 'absentDays', value: (t) => t.absentDays },
  { header: 'annualLeave', value: (t) => t.leaveDays.annual },
  { header: 'sick', value: (t) => t.leaveDays.sick },
  { header: 'permit', value: (t) => t.leaveDays.permit + t.leaveDays.other },
  { header: 'businessTravel', value: (t) => t.leaveDays.business_travel },
  { header: 'holidays', value: (t) => t.holidayDays },
  { header: 'offDays', value: (t) => t.offDays },
  { header: 'unscheduledWork', value: (t) => t.unscheduledWorkDays },
  { header: 'hoursWorked', value: (t) => Math.round((t.workedMinutes / 60) * 100) / 100 },
  { header: 'overtimeHours', value: (t) => Math.round((t.overtimeMinutes / 60) * 100) / 100 },
  { header: 'overtimeWeighted', value: (t) => t.overtimeWeightedHours },
  { header: 'overtimeOverLimit', value: (t) => t.overtimeOverLimitDays },
];

const PERSON_HEADERS: RecapWord[] = ['name', 'email', 'department'];

/**
 * The recap as a file: XLSX with two sheets (the grid of codes with a legend, and the totals),
 * real numbers and dates and a frozen header; or CSV of the totals followed by the grid. Headers,
 * sheet names and the legend are in `language` (default Indonesian), and so are the CSV's separator
 * and decimal mark (CSV_CONVENTIONS: `;` and `,` in Indonesian) and the file's name
 * (`rekap-absensi-2026-11-id.xlsx`).
 */
export async function recapFile(
  recap: MonthRecap,
  format: ExportFormat,
  language: ExportLanguage = 'id',
): Promise<ExportFile> {
  const words: Record<RecapWord, string> = RECAP_WORDS[language];
  const personHeaders = PERSON_HEADERS.map((word) => words[word]);
  const totalHeaders = TOTAL_COLUMNS.map((column) => words[column.header]);
  const baseName = `rekap-absensi-${recap.month}-${language}`;
  const personCells = (p: MonthRecap['people'][number]) => [p.name, p.email, p.department ?? ''];
  if (format === 'csv') {
    const rows: (string | number)[][] = [
      [...personHeaders, ...totalHeaders],
      ...recap.people.map((p) => [
        ...personCells(p).map(neutralised),
        ...TOTAL_COLUMNS.map((c) => c.value(p.totals)),
      ]),
      [],
      [...personHeaders, ...recap.dates],
      ...recap.people.map((p) => [...personCells(p).map(neutralised), ...p.codes]),
    ];
    return {
      fileName: `${baseName}.csv`,
      contentType: 'text/csv; charset=utf-8',
      rowCount: recap.people.length,
      content: Buffer.from(csvText(rows, language), 'utf8'),
    };
  }
  const workbook = new ExcelJS.Workbook();
  const grid = workbook.addWorksheet(words.gridSheet);
  grid.addRow([...personHeaders, ...recap.dates.map(calendarDate)]);
  for (const p of recap.people) grid.addRow([...personCells(p), ...p.codes]);
  grid.getRow(1).font = { bold: true };
  recap.dates.forEach((_, index) => {
    const column = grid.getColumn(personHeaders.length + 1 + index);
    column.width = 6;
    grid.getCell(1, personHeaders.length + 1 + index).numFmt = 'dd';
  });
  grid.getColumn(1).width = 28;
  grid.getColumn(2).width = 28;
  grid.getColumn(3).width = 18;
  grid.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  grid.addRow([]);
  grid.addRow([words.legend]).font = { bold: true };
  for (const entry of RECAP_LEGEND) grid.addRow([entry.code, LEGEND_WORDS[language][entry.status]]);

  const totals = workbook.addWorksheet(words.totalsSheet);
  totals.addRow([...personHeaders, ...totalHeaders]);
  for (const p of recap.people)
    totals.addRow([...personCells(p), ...TOTAL_COLUMNS.map((c) => c.value(p.totals))]);
  totals.getRow(1).font = { bold: true };
  totals.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  TOTAL_COLUMNS.forEach(
    (_, index) => (totals.getColumn(personHeaders.length + 1 + index).width = 14),
  );
  totals.getColumn(1).width = 28;
  return {
    fileName: `${baseName}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    rowCount: recap.people.length,
    content: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
