import { describe, expect, it } from 'vitest';
import { formatters } from './format';

describe('dates and times in the company time zone', () => {
  const instant = '2026-11-24T01:05:00.000Z'; // 08:05 in Jakarta, 10:05 in Tokyo

  it('formats times in the company zone, in the language', () => {
    expect(formatters('en', 'Asia/Jakarta').time(instant)).toBe('08:05');
    expect(formatters('id', 'Asia/Jakarta').time(instant)).toBe('08.05');
    expect(formatters('en', 'Asia/Tokyo').time(instant)).toBe('10:05');
  });

  it('formats work dates as calendar dates, and durations', () => {
    expect(formatters('en', 'Pacific/Honolulu').date('2026-11-24')).toBe('Tue, 24 Nov 2026');
    expect(formatters('id', 'Asia/Jakarta').date('2026-11-24')).toMatch(/^Sel.*24 Nov 2026$/);
    expect(formatters('en', 'Asia/Jakarta').duration(485)).toBe('8 h 05 m');
    expect(formatters('id', 'Asia/Jakarta').duration(485)).toBe('8 j 05 m');
  });

  it('says lateness in hours and minutes, never as a heap of minutes', () => {
    const en = formatters('en', 'Asia/Jakarta');
    const id = formatters('id', 'Asia/Jakarta');
    expect(en.lateness(704)).toBe('11 h 44 min');
    expect(id.lateness(704)).toBe('11 j 44 m');
    expect(en.lateness(7)).toBe('7 min');
    expect(id.lateness(7)).toBe('7 m');
    expect(en.lateness(60)).toBe('1 h');
    expect(id.lateness(125)).toBe('2 j 5 m');
  });
});

describe('one time style per language, on every kind of time (table)', () => {
  const now = new Date('2026-11-24T05:00:00Z'); // 12:00 in Jakarta
  it.each([
    // [lang, zone, what, input, shown]
    ['id', 'Asia/Jakarta', 'time', '2026-11-24T12:44:00Z', '19.44'],
    ['en', 'Asia/Jakarta', 'time', '2026-11-24T12:44:00Z', '19:44'],
    ['id', 'Asia/Makassar', 'time', '2026-11-24T00:00:00Z', '08.00'],
    ['en', 'Asia/Jayapura', 'time', '2026-11-24T00:00:00Z', '09:00'],
    ['id', 'UTC', 'clock', '08:00', '08.00'],
    ['en', 'UTC', 'clock', '08:00', '08:00'],
    ['id', 'UTC', 'clock', '22:30', '22.30'],
    ['en', 'UTC', 'clock', '6:05', '06:05'],
    ['id', 'UTC', 'clock', 'not a time', 'not a time'],
    ['id', 'Asia/Jakarta', 'moment', '2026-11-24T01:05:00Z', '08.05'],
    ['en', 'Asia/Jakarta', 'moment', '2026-11-24T01:05:00Z', '08:05'],
    ['id', 'Asia/Jakarta', 'moment', '2026-11-22T01:05:00Z', '22 Nov, 08.05'],
    ['en', 'Asia/Jakarta', 'moment', '2026-11-22T01:05:00Z', '22 Nov, 08:05'],
    ['id', 'Asia/Jakarta', 'dateTime', '2026-11-22T13:30:00Z', '22 Nov, 20.30'],
    ['en', 'Asia/Jakarta', 'dateTime', '2026-11-22T13:30:00Z', '22 Nov, 20:30'],
    ['id', 'Asia/Jakarta', 'month', '2026-11', 'November 2026'],
    ['en', 'Asia/Jakarta', 'month', '2026-02', 'February 2026'],
    ['id', 'Asia/Jakarta', 'date', '2026-11-30', 'Sen, 30 Nov 2026'],
    ['en', 'Asia/Jakarta', 'date', '2026-11-30', 'Mon, 30 Nov 2026'],
  ] as const)('%s %s %s(%s) → %s', (lang, zone, what, input, shown) => {
    const f = formatters(lang, zone);
    const said = what === 'moment' ? f.moment(input, now) : f[what](input);
    expect(said).toBe(shown);
  });

  it.each([
    ['id', 85, '85 m'],
    ['en', 85, '85 m'],
    ['id', 999.4, '999 m'],
    ['id', 1_320, '1,3 km'],
    ['en', 1_320, '1.3 km'],
    ['en', 1_000, '1.0 km'],
  ] as const)('%s distance %s → %s', (lang, metres, shown) => {
    expect(formatters(lang, 'Asia/Jakarta').distance(metres)).toBe(shown);
  });

  it('never mixes the colon and the period in one language', () => {
    const id = formatters('id', 'Asia/Jakarta');
    const en = formatters('en', 'Asia/Jakarta');
    const idTimes = [id.time('2026-11-24T12:44:00Z'), id.clock('08:00'), id.dateTime(now)];
    const enTimes = [en.time('2026-11-24T12:44:00Z'), en.clock('08:00'), en.dateTime(now)];
    for (const text of idTimes) expect(text).not.toMatch(/\d:\d/);
    for (const text of enTimes) expect(text).not.toMatch(/\d\.\d/);
  });
});
