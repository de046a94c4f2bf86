import { describe, expect, it } from 'vitest';
import { parseCoordinates, siteDraftOf, siteInput } from './site';

describe('a site', () => {
  it('takes a position pasted from a map', () => {
    expect(parseCoordinates('-6.175392, 106.827153')).toEqual({
      lat: '-6.175392',
      lng: '106.827153',
    });
    expect(parseCoordinates('-5.1477 119.4327')).toEqual({ lat: '-5.1477', lng: '119.4327' });
    expect(parseCoordinates('Monas')).toBeNull();
  });

  it('goes to the server with numbers, a decimal comma read as a point', () => {
    const draft = {
      ...siteDraftOf(null),
      name: 'Gudang Makassar',
      lat: '-5,1477',
      lng: '119.4327',
    };
    expect(siteInput({ ...draft, timeZone: ' Asia/Makassar ', geofencePolicy: 'require' })).toEqual(
      {
        name: 'Gudang Makassar',
        lat: -5.1477,
        lng: 119.4327,
        radiusM: 100,
        timeZone: 'Asia/Makassar',
        geofencePolicy: 'require',
        maxAccuracyM: 100,
      },
    );
  });
});
