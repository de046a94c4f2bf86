import { describe, expect, it } from 'vitest';
import { DICTIONARIES, translator } from './translate';

describe('languages', () => {
  it('has every message in both languages, with the same placeholders', () => {
    const keys = Object.keys(DICTIONARIES.en).sort();
    expect(Object.keys(DICTIONARIES.id).sort()).toEqual(keys);
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of keys as (keyof typeof DICTIONARIES.en)[]) {
      expect(placeholders(DICTIONARIES.id[key]), key).toEqual(placeholders(DICTIONARIES.en[key]));
    }
  });

  it('fills placeholders', () => {
    expect(translator('en')('late', { minutes: 7 })).toBe('Late by 7 min');
    expect(translator('id')('late', { minutes: 7 })).toBe('Terlambat 7 menit');
  });
});
