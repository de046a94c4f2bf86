import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { MonthRecap } from './build.js';
import { recapFile } from './export.js';
import { emptyTotals } from './rules.js';

const recap: MonthRecap = {
  month: '2026-11',
  dates: ['2026-11-02', '2026-11-03'],
  people: [
    {
      userId: 1,
      name: 'Siti Rahma',
      email: 'siti@example.com',
      department: 'Gudang',
      siteId: null,
      codes: ['H', 'A'],
      totals: {
        ...emptyTotals(),
        scheduledDays: 2,
        presentDays: 1,
        absentDays: 1,
        workedMinutes: 450,
        overtimeMinutes: 90,
        overtimeWeightedHours: 2.5,
      },
    },
  ],
};

async function workbookOf(language?: 'id' | 'en') {
  const file = await recapFile(recap, 'xlsx', language);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.content as unknown as ArrayBuffer);
  return workbook;
}

const rowValues = (sheet: ExcelJS.Worksheet, row: number) =>
  (sheet.getRow(row).values as unknown[]).slice(1);

describe('the recap as a file, in the admin’s language', () => {
  it('names its sheets, headers and legend in Indonesian by default', async () => {
    const workbook = await workbookOf();
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Rekap harian', 'Total']);
    const totals = workbook.getWorksheet('Total')!;
    expect(rowValues(totals, 1).slice(0, 6)).toEqual([
      'Nama',
      'Email',
      'Departemen',
      'Hari kerja terjadwal',
      'Hadir (H)',
      'Hari terlambat (T)',
    ]);
    expect(rowValues(totals, 1)).toContain('Alpa (A)');
    expect(rowValues(totals, 2).slice(0, 5)).toEqual([
      'Siti Rahma',
      'siti@example.com',
      'Gudang',
      2,
      1,
    ]);
    const grid = workbook.getWorksheet('Rekap harian')!;
    const texts = grid.getSheetValues().flatMap((row) => (Array.isArray(row) ? row : []));
    expect(texts).toContain('Keterangan');
    expect(texts).toContain('alpa (tanpa keterangan)');
    expect(texts).toContain('pulang cepat');
  });

  it('writes them in English when asked', async () => {
    const workbook = await workbookOf('en');
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Grid', 'Totals']);
    expect(rowValues(workbook.getWorksheet('Totals')!, 1).slice(0, 4)).toEqual([
      'Name',
      'Email',
      'Department',
      'Scheduled days',
    ]);
  });

  it('heads the CSV in the same language', async () => {
    const file = await recapFile(recap, 'csv', 'id');
    const firstLine = file.content
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\n')[0];
    expect(firstLine).toMatch(/^Nama;Email;Departemen;Hari kerja terjadwal;Hadir \(H\)/);
  });

  it.each([
    ['id', ';', ['Siti Rahma', 'siti@example.com', 'Gudang', '2', '1'], ['7,5', '1,5', '2,5']],
    ['en', ',', ['Siti Rahma', 'siti@example.com', 'Gudang', '2', '1'], ['7.5', '1.5', '2.5']],
  ] as const)(
    'writes the %s CSV with `%s` between cells and its own decimal mark',
    async (language, delimiter, first, hours) => {
      const file = await recapFile(recap, 'csv', language);
      const rows: string[][] = parse(file.content.toString('utf8').replace(/^\uFEFF/, ''), {
        delimiter,
        relax_column_count: true,
      });
      const headers = rows[0]!;
      const siti = rows[1]!;
      expect(siti.slice(0, 5)).toEqual(first);
      const hoursWorked = headers.findIndex((header) => /jam kerja|hours worked/i.test(header));
      expect(hoursWorked).toBeGreaterThan(0);
      expect(siti.slice(hoursWorked, hoursWorked + 3)).toEqual(hours);
      // The grid follows, with the month's dates and codes.
      expect(rows.at(-1)!.slice(-2)).toEqual(['H', 'A']);
    },
  );

  it.each([
    ['id', 'xlsx', 'rekap-absensi-2026-11-id.xlsx'],
    ['en', 'xlsx', 'rekap-absensi-2026-11-en.xlsx'],
    ['id', 'csv', 'rekap-absensi-2026-11-id.csv'],
    ['en', 'csv', 'rekap-absensi-2026-11-en.csv'],
  ] as const)('names the %s %s file with its language', async (language, format, name) => {
    expect((await recapFile(recap, format, language)).fileName).toBe(name);
  });
});
