import { describe, expect, it } from 'vitest';
import { pickLanguage } from './pick-language';

describe('the language', () => {
  it('picks the saved language, else the browser preference, else Indonesian', () => {
    expect(pickLanguage('en', ['id-ID'])).toBe('en');
    expect(pickLanguage(null, ['en-US', 'id'])).toBe('en');
    expect(pickLanguage(null, ['fr-FR', 'id-ID'])).toBe('id');
    expect(pickLanguage(null, ['de-DE'])).toBe('id');
  });
});
