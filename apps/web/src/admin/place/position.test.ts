import { describe, expect, it } from 'vitest';
import { distanceText, mapUrl } from './position';

describe('distanceText', () => {
  it.each([
    [0, 'en-GB', '0 m'],
    [85.4, 'en-GB', '85 m'],
    [999.4, 'en-GB', '999 m'],
    [1_000, 'en-GB', '1 km'],
    [2_345, 'en-GB', '2.3 km'],
    [2_345, 'id-ID', '2,3 km'],
  ])('%d m in %s reads %s', (metres, locale, text) => {
    expect(distanceText(metres, locale)).toBe(text);
  });
});

describe('mapUrl', () => {
  it('puts a marker at the position on OpenStreetMap', () => {
    expect(mapUrl(-6.2, 106.816666)).toBe(
      'https://www.openstreetmap.org/?mlat=-6.200000&mlon=106.816666#map=18/-6.200000/106.816666',
    );
  });
});
