import { canonicalTimeZone } from '../settings/time-zone.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeDestinationPoint } from 'geolib';
import {
  accuracyAllowance,
  distanceMetres,
  formatDistance,
  geofenceCheck,
  geofenceDecision,
  type GeoPoint,
  type GeofenceSite,
} from './rules.js';

const site = (overrides: Partial<GeofenceSite> = {}): GeofenceSite => ({
  id: 1,
  name: 'Kantor Jakarta',
  lat: -6.175392,
  lng: 106.827153,
  radiusM: 100,
  maxAccuracyM: 100,
  geofencePolicy: 'flag',
  ...overrides,
});

/** The point `metres` from `from` at `bearing` degrees (geolib's destination on the sphere). */
const away = (from: GeoPoint, metres: number, bearing = 45): GeoPoint => {
  const point = computeDestinationPoint(
    { latitude: from.lat, longitude: from.lng },
    metres,
    bearing,
  );
  return { lat: point.latitude, lng: point.longitude };
};

describe('distanceMetres', () => {
  it.each([
    ['one degree of latitude at the equator', { lat: 0, lng: 0 }, { lat: 1, lng: 0 }, 110_574.39],
    ['one degree of longitude at the equator', { lat: 0, lng: 0 }, { lat: 0, lng: 1 }, 111_319.49],
    ['the last degree to the north pole', { lat: 89, lng: 0 }, { lat: 90, lng: 0 }, 111_693.86],
    ['the last degree to the south pole', { lat: -89, lng: 0 }, { lat: -90, lng: 0 }, 111_693.86],
    ['the north pole named at two longitudes', { lat: 90, lng: 0 }, { lat: 90, lng: 137 }, 0],
    ['the south pole named at two longitudes', { lat: -90, lng: 10 }, { lat: -90, lng: -170 }, 0],
    ['across the antimeridian', { lat: 0, lng: 179.9995 }, { lat: 0, lng: -179.9995 }, 111.32],
    ['the antimeridian named both ways', { lat: -8.5, lng: 180 }, { lat: -8.5, lng: -180 }, 0],
    ['one point', { lat: -6.2, lng: 106.8 }, { lat: -6.2, lng: 106.8 }, 0],
  ])('%s', (_, a, b, metres) => {
    expect(distanceMetres(a, b)).toBe(metres);
    expect(distanceMetres(b, a)).toBe(metres);
  });

  it('measures nearly antipodal points, where Vincenty does not converge, on the sphere', () => {
    // Half the equator: 20,037,508 m on the sphere geolib falls back to, 20,003,931 m along a meridian.
    expect(distanceMetres({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBe(20_037_508.34);
    const skew = distanceMetres({ lat: 0.5, lng: 0 }, { lat: -0.5, lng: 179.7 });
    expect(skew).toBeGreaterThan(19_900_000);
    expect(skew).toBeLessThan(20_040_000);
  });

  it.each([
    [{ lat: 90.0001, lng: 0 }, /latitude/],
    [{ lat: -91, lng: 0 }, /latitude/],
    [{ lat: 0, lng: 180.5 }, /longitude/],
    [{ lat: Number.NaN, lng: 0 }, /latitude/],
    [{ lat: 0, lng: Number.POSITIVE_INFINITY }, /longitude/],
  ])('refuses %o', (point, message) => {
    expect(() => distanceMetres(point, { lat: 0, lng: 0 })).toThrow(RangeError);
    expect(() => distanceMetres({ lat: 0, lng: 0 }, point)).toThrow(message);
  });

  const anywhere = fc.record({
    lat: fc.double({ min: -90, max: 90, noNaN: true }),
    lng: fc.double({ min: -180, max: 180, noNaN: true }),
  });
  // Where sites are: the Indonesian archipelago and its neighbours.
  const region = fc.record({
    lat: fc.double({ min: -11, max: 6, noNaN: true }),
    lng: fc.double({ min: 95, max: 141, noNaN: true }),
  });

  it('is zero from a point to itself, never negative, symmetric, and at most half a meridian or the equator', () => {
    fc.assert(
      fc.property(anywhere, anywhere, (a, b) => {
        const there = distanceMetres(a, b);
        expect(distanceMetres(a, a)).toBe(0);
        expect(there).toBeGreaterThanOrEqual(0);
        expect(there).toBeLessThanOrEqual(20_037_508.35);
        expect(Math.abs(there - distanceMetres(b, a))).toBeLessThanOrEqual(0.02);
      }),
    );
  });

  it('keeps the triangle inequality where sites are', () => {
    fc.assert(
      fc.property(region, region, region, (a, b, c) => {
        expect(distanceMetres(a, c)).toBeLessThanOrEqual(
          distanceMetres(a, b) + distanceMetres(b, c) + 0.02,
        );
      }),
    );
  });

  // geolib places the point on a sphere of the equatorial radius, which differs from the ellipsoid by
  // up to 0.67 % (north–south at the equator).
  it('agrees within 0.7 % with a point placed at a known distance on the sphere, up to 100 km', () => {
    fc.assert(
      fc.property(
        region,
        fc.double({ min: 1, max: 100_000, noNaN: true }),
        fc.double({ min: 0, max: 360, noNaN: true, maxExcluded: true }),
        (from, metres, bearing) => {
          const measured = distanceMetres(from, away(from, metres, bearing));
          expect(Math.abs(measured - metres)).toBeLessThanOrEqual(metres * 0.007 + 0.01);
        },
      ),
    );
  });
});

describe('accuracyAllowance', () => {
  it.each([
    [undefined, 100, 0],
    [null, 100, 0],
    [-5, 100, 0],
    [Number.NaN, 100, 0],
    [0, 100, 0],
    [35, 100, 35],
    [100, 100, 100],
    [100.5, 100, 100],
    [5_000, 30, 30],
    [20, 0, 0],
  ])('accuracy %s with a cap of %s m counts %s m', (accuracy, cap, allowance) => {
    expect(accuracyAllowance(accuracy, cap)).toBe(allowance);
  });
});

describe('geofenceCheck', () => {
  const office = site();
  const tap = away(office, 150);
  const d = distanceMetres(tap, office);

  it('counts a tap exactly at radius plus accuracy as inside, and a centimetre more as outside', () => {
    // d is in [100, 200]: d − 100 is exact in floating point, and 100 + (d − 100) is d again.
    expect(d).toBeGreaterThan(140);
    expect(geofenceCheck({ ...tap, accuracy: d - 100 }, [office])).toEqual({
      site: office,
      distanceMetres: d,
      accuracyMetres: d - 100,
      verdict: 'inside',
    });
    expect(geofenceCheck({ ...tap, accuracy: d - 100 - 0.01 }, [office]).verdict).toBe('outside');
    expect(geofenceCheck(tap, [site({ radiusM: d })]).verdict).toBe('inside');
    expect(geofenceCheck(tap, [site({ radiusM: d - 0.01 })]).verdict).toBe('outside');
  });

  it('counts the accuracy at most up to the site cap', () => {
    const capped = site({ maxAccuracyM: 30 });
    expect(geofenceCheck({ ...tap, accuracy: 5_000 }, [capped])).toMatchObject({
      verdict: 'outside',
      accuracyMetres: 5_000,
    });
    expect(
      geofenceCheck({ ...tap, accuracy: 5_000 }, [site({ maxAccuracyM: d - 100 })]),
    ).toMatchObject({ verdict: 'inside' });
    expect(geofenceCheck({ ...tap, accuracy: -1 }, [site({ radiusM: d - 1 })]).verdict).toBe(
      'outside',
    );
  });

  it('says unknown without a position, naming the first (primary) site, and without any site', () => {
    const warehouse = site({ id: 2, name: 'Gudang', lat: -6.1, lng: 106.9 });
    for (const punch of [null, undefined])
      expect(geofenceCheck(punch, [warehouse, office])).toEqual({
        site: warehouse,
        distanceMetres: null,
        accuracyMetres: null,
        verdict: 'unknown',
      });
    expect(geofenceCheck({ ...tap, accuracy: 12 }, [])).toEqual({
      site: null,
      distanceMetres: null,
      accuracyMetres: 12,
      verdict: 'unknown',
    });
  });

  it('of several sites takes the nearest one the tap is inside, else the nearest', () => {
    const small = site({ id: 1, name: 'Small', radiusM: 10 });
    const wide = site({ id: 2, name: 'Wide', ...away(office, 400, 225), radiusM: 600 });
    const wider = site({ id: 3, name: 'Wider', ...away(office, 700, 225), radiusM: 1_000 });
    const far = site({ id: 4, name: 'Far', ...away(office, 5_000, 90) });
    // 150 m from Small (outside), about 550 m from Wide and 850 m from Wider (inside both).
    expect(geofenceCheck(tap, [small, wider, wide, far])).toMatchObject({
      site: { name: 'Wide' },
      verdict: 'inside',
    });
    expect(geofenceCheck(tap, [far, small])).toMatchObject({
      site: { name: 'Small' },
      distanceMetres: d,
      verdict: 'outside',
    });
  });

  const radius = fc.integer({ min: 10, max: 100_000 });
  const accuracy = fc.option(fc.double({ min: 0, max: 10_000, noNaN: true }), { nil: undefined });

  it('never turns inside into outside when the radius or the accuracy grows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 200_000, noNaN: true }),
        radius,
        radius,
        accuracy,
        fc.double({ min: 0, max: 500, noNaN: true }),
        (metres, r1, r2, acc, extra) => {
          const point = away(office, metres, 10);
          const [small, large] = r1 <= r2 ? [r1, r2] : [r2, r1];
          const inSmall = geofenceCheck({ ...point, accuracy: acc }, [site({ radiusM: small })]);
          const inLarge = geofenceCheck({ ...point, accuracy: acc }, [site({ radiusM: large })]);
          const wider = geofenceCheck({ ...point, accuracy: (acc ?? 0) + extra }, [
            site({ radiusM: small }),
          ]);
          if (inSmall.verdict === 'inside') {
            expect(inLarge.verdict).toBe('inside');
            expect(wider.verdict).toBe('inside');
          }
        },
      ),
    );
  });

  it('treats an accuracy above the cap exactly as the cap', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1_000, noNaN: true }),
        fc.integer({ min: 0, max: 200 }),
        fc.double({ min: 0, max: 10_000, noNaN: true }),
        (metres, cap, above) => {
          const point = away(office, metres, 300);
          const capped = site({ maxAccuracyM: cap });
          expect(geofenceCheck({ ...point, accuracy: cap + above }, [capped]).verdict).toBe(
            geofenceCheck({ ...point, accuracy: cap }, [capped]).verdict,
          );
        },
      ),
    );
  });
});

describe('geofenceDecision', () => {
  const office = site({ radiusM: 100, maxAccuracyM: 50 });
  const tap = away(office, 230);
  const outside = geofenceCheck({ ...tap, accuracy: 20 }, [office]);
  const inside = geofenceCheck(away(office, 40), [office]);
  const noLocation = geofenceCheck(null, [office]);
  const noSite = geofenceCheck(tap, []);

  const checks = { inside, outside, 'no location': noLocation };
  it.each([
    ['off', 'inside', 'allowed'],
    ['off', 'outside', 'allowed'],
    ['off', 'no location', 'allowed'],
    ['flag', 'inside', 'allowed'],
    ['flag', 'outside', 'flagged'],
    ['flag', 'no location', 'flagged'],
    ['require', 'inside', 'allowed'],
    ['require', 'outside', 'refused'],
    ['require', 'no location', 'refused'],
  ] as const)('under %s, a tap %s is %s', (policy, where, outcome) => {
    const check = checks[where];
    const decision = geofenceDecision(check, policy);
    expect(decision).toMatchObject({
      outcome,
      policy,
      verdict: check.verdict,
      siteId: 1,
      distanceMetres: check.distanceMetres,
    });
    expect(decision.reason === null).toBe(outcome === 'allowed');
  });

  it('refuses outside a required geofence with the distance, the radius and the accuracy counted', () => {
    expect(geofenceDecision(outside, 'require').reason).toBe(
      "You are 230 m from Kantor Jakarta; you need to be within 100 m (plus 20 m for your phone's accuracy).",
    );
    const noAccuracy = geofenceCheck(tap, [office]);
    expect(geofenceDecision(noAccuracy, 'require').reason).toBe(
      'You are 230 m from Kantor Jakarta; you need to be within 100 m.',
    );
    expect(geofenceDecision(noLocation, 'require').reason).toMatch(
      /^Kantor Jakarta needs your location .* Turn on location/,
    );
  });

  it('gives the refusal as a reason code with the numbers the app words it from', () => {
    expect(geofenceDecision(outside, 'require').refusal).toEqual({
      reason: 'OUTSIDE_GEOFENCE',
      params: {
        distanceMetres: 230,
        radiusMetres: 100,
        allowanceMetres: 20,
        siteName: 'Kantor Jakarta',
      },
    });
    expect(geofenceDecision(noLocation, 'require').refusal).toEqual({
      reason: 'LOCATION_NEEDED',
      params: { siteName: 'Kantor Jakarta' },
    });
    expect(geofenceDecision(noSite, 'require').refusal).toEqual({ reason: 'NO_SITE_ASSIGNED' });
    expect(geofenceDecision(outside, 'off').refusal).toBeNull();
  });

  it("applies the site's own policy unless told another, and off without a site", () => {
    expect(
      geofenceDecision(geofenceCheck(tap, [site({ geofencePolicy: 'require' })])).outcome,
    ).toBe('refused');
    expect(geofenceDecision(outside).outcome).toBe('flagged');
    expect(geofenceDecision(noSite)).toMatchObject({
      outcome: 'allowed',
      policy: 'off',
      siteId: null,
    });
    expect(geofenceDecision(noSite, 'require')).toMatchObject({
      outcome: 'refused',
      reason: 'Your location could not be checked: you are assigned to no site.',
    });
  });

  it.each([
    [0, '0 m'],
    [229.6, '230 m'],
    [999.4, '999 m'],
    [1_000, '1.0 km'],
    [12_345, '12.3 km'],
  ])('writes %s metres as %s', (metres, text) => {
    expect(formatDistance(metres)).toBe(text);
  });
});

describe('canonicalTimeZone', () => {
  it.each([
    ['Asia/Jakarta', 'Asia/Jakarta'],
    ['Asia/Makassar', 'Asia/Makassar'],
    ['Asia/Jayapura', 'Asia/Jayapura'],
    ['asia/makassar', 'Asia/Makassar'],
    ['Asia/Ujung_Pandang', 'Asia/Makassar'],
    ['Europe/Amsterdam', 'Europe/Amsterdam'],
    ['UTC', 'UTC'],
    ['UTC+7', null],
    ['+07:00', null],
    ['WIB', null],
    ['Asia/Bandung', null],
    ['', null],
  ])('%s is %s', (name, canonical) => {
    expect(canonicalTimeZone(name)).toBe(canonical);
  });
});
