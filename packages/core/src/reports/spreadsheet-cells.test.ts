import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvNumber, csvText } from './spreadsheet-cells.js';

describe('numbers in a CSV, as the language writes them', () => {
  it.each([
    [2.5, 'id', '2,5'],
    [2.5, 'en', '2.5'],
    [-6.21, 'id', '-6,21'],
    [106.8, 'en', '106.8'],
    [550, 'id', '550'],
    [0, 'id', '0'],
    [1234567.25, 'id', '1234567,25'],
    [0.1 + 0.2, 'id', '0,3'],
  ] as const)('%s in %s is %s', (value, language, text) => {
    expect(csvNumber(value, language)).toBe(text);
  });
});

describe('a CSV file in a language', () => {
  const rows = [
    ['Nama', 'Jam kerja', 'Catatan'],
    ['Siti', 7.5, 'shift pagi; lembur'],
    ['Budi, S.T.', 8, null],
  ];
  it.each([
    ['id', '\uFEFFNama;Jam kerja;Catatan\nSiti;7,5;"shift pagi; lembur"\nBudi, S.T.;8;\n'],
    ['en', '\uFEFFNama,Jam kerja,Catatan\nSiti,7.5,shift pagi; lembur\n"Budi, S.T.",8,\n'],
  ] as const)(
    'in %s separates, quotes and writes decimals as its Excel reads them',
    (language, text) => {
      expect(csvText(rows, language)).toBe(text);
    },
  );
});

describe('numbers in a CSV, for any hours and minutes an export holds (property)', () => {
  // Hours worked and overtime are written to two decimals at most; any such value, in either
  // language, reads back as the same number once the language's decimal mark is read as a point.
  const amounts = fc.integer({ min: -1_000_000_00, max: 1_000_000_00 }).map((cents) => cents / 100);

  it('reads back the same in Indonesian (decimal comma) and in English (decimal point)', () => {
    fc.assert(
      fc.property(amounts, (value) => {
        const id = csvNumber(value, 'id');
        const en = csvNumber(value, 'en');
        expect(id).not.toMatch(/[.;]/);
        expect(en).not.toMatch(/[,;]/);
        expect(Number(id.replace(',', '.'))).toBe(value);
        expect(Number(en)).toBe(value);
      }),
    );
  });
});
