import { describe, expect, it } from 'vitest';
import {
  DICTIONARIES,
  formatters,
  instantToZoned,
  localDateIn,
  pickLanguage,
  translator,
  zonedToInstant,
} from './i18n';

describe('languages', () => {
  it('has every message in both languages, with the same placeholders', () => {
    const keys = Object.keys(DICTIONARIES.en).sort();
    expect(Object.keys(DICTIONARIES.id).sort()).toEqual(keys);
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of keys as (keyof typeof DICTIONARIES.en)[]) {
      expect(placeholders(DICTIONARIES.id[key]), key).toEqual(placeholders(DICTIONARIES.en[key]));
    }
  });

  it('picks the saved language, else the browser preference, else Indonesian', () => {
    expect(pickLanguage('en', ['id-ID'])).toBe('en');
    expect(pickLanguage(null, ['en-US', 'id'])).toBe('en');
    expect(pickLanguage(null, ['fr-FR', 'id-ID'])).toBe('id');
    expect(pickLanguage(null, ['de-DE'])).toBe('id');
  });

  it('fills placeholders', () => {
    expect(translator('en')('late', { minutes: 7 })).toBe('Late by 7 min');
    expect(translator('id')('late', { minutes: 7 })).toBe('Terlambat 7 menit');
  });
});

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

  it('converts between wall-clock times in a zone and instants, across a DST change', () => {
    expect(zonedToInstant('2026-11-24T08:05', 'Asia/Jakarta').toISOString()).toBe(instant);
    expect(instantToZoned(instant, 'Asia/Jakarta')).toBe('2026-11-24T08:05');
    expect(zonedToInstant('2026-07-01T09:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-07-01T07:00:00.000Z',
    );
    expect(zonedToInstant('2026-01-01T09:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-01-01T08:00:00.000Z',
    );
    expect(localDateIn(new Date('2026-11-24T18:00:00Z'), 'Asia/Jakarta')).toBe('2026-11-25');
  });
});
