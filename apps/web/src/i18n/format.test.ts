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
