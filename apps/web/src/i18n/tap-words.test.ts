import { describe, expect, it } from 'vitest';
import { formatters } from './format';
import { tapOnDateAt } from './tap-words';
import { translator } from './translate';

describe('a refused tap named with its day and time', () => {
  it.each([
    ['id', 'clockIn', '2026-11-30T01:00:00Z', 'Absen masuk pada Sen, 30 Nov 2026 pukul 08.00'],
    ['en', 'clockIn', '2026-11-30T01:00:00Z', 'Clock in on Mon, 30 Nov 2026 at 08:00'],
    ['id', 'clockOut', '2026-11-29T16:30:00Z', 'Absen pulang pada Min, 29 Nov 2026 pukul 23.30'],
    ['en', 'clockOut', '2026-11-29T16:30:00Z', 'Clock out on Sun, 29 Nov 2026 at 23:30'],
  ] as const)('%s %s at %s: %s', (lang, kind, at, said) => {
    const text = tapOnDateAt({ kind, at }, translator(lang), formatters(lang, 'Asia/Jakarta'));
    expect(text).toBe(said);
    // "pukul" only before a time, never before a date.
    expect(text).not.toMatch(/pukul \D/);
  });
});
