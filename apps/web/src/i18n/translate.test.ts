import { describe, expect, it } from 'vitest';
import { ADMIN_DICTIONARIES } from '../admin/messages/dictionaries';
import { DICTIONARIES, translator, translatorOf } from './translate';

const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();

describe('languages', () => {
  for (const [area, dictionaries] of [
    ['app', DICTIONARIES],
    ['admin area', ADMIN_DICTIONARIES],
  ] as const) {
    it(`has every ${area} message in both languages, with the same placeholders`, () => {
      const en: Record<string, string> = dictionaries.en;
      const id: Record<string, string> = dictionaries.id;
      const keys = Object.keys(en).sort();
      expect(Object.keys(id).sort()).toEqual(keys);
      for (const key of keys) expect(placeholders(id[key]!), key).toEqual(placeholders(en[key]!));
    });
  }

  it("gives the admin area's messages keys of their own", () => {
    const shared = Object.keys(ADMIN_DICTIONARIES.en).filter((key) => key in DICTIONARIES.en);
    expect(shared).toEqual([]);
  });

  it('fills placeholders', () => {
    expect(translator('en')('late', { duration: '11 h 44 min' })).toBe('Late 11 h 44 min');
    expect(translator('id')('late', { duration: '11 j 44 m' })).toBe('Terlambat 11 j 44 m');
    expect(translatorOf(ADMIN_DICTIONARIES.id)('viaNode', { node: 'api-2' })).toBe('lewat api-2');
  });
});
