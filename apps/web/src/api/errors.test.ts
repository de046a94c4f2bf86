import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { classify, describe as say } from './errors';
import { translator } from '../i18n/translate';

const answered = (code: string, httpStatus: number, message: string) =>
  TRPCClientError.from({ error: { code: -32000, message, data: { code, httpStatus } } });

describe('errors a person can act on', () => {
  const t = translator('en');

  it('tells a wrong password at sign-in from a lost session elsewhere', () => {
    const problem = classify(answered('UNAUTHORIZED', 401, 'x'));
    expect(problem).toMatchObject({ kind: 'unauthorized', answered: true });
    expect(say(problem, t, 'login')).toBe(
      'That email and password do not match an active account.',
    );
    expect(say(problem, t)).toBe('Your session has ended. Please sign in again.');
  });

  it('says how long to wait after too many sign-ins', () => {
    const problem = classify(
      answered('TOO_MANY_REQUESTS', 429, 'Too many failed sign-ins. Try again in 12 minute(s).'),
    );
    expect(say(problem, t)).toBe('Too many failed sign-ins. Try again in 12 minute(s).');
    expect(say(problem, translator('id'))).toContain('12 menit');
  });

  it('treats an unreachable server as retryable, a refusal as final', () => {
    const network = classify(TRPCClientError.from(new TypeError('Failed to fetch')));
    expect(network).toMatchObject({ kind: 'network', answered: false });
    expect(say(network, t)).toBe('Cannot reach the server. Check your connection and try again.');
    expect(classify(answered('SERVICE_UNAVAILABLE', 503, 'db down'))).toMatchObject({
      kind: 'unavailable',
      answered: false,
    });
    expect(classify(answered('INTERNAL_SERVER_ERROR', 500, 'oops'))).toMatchObject({
      kind: 'server',
      answered: false,
    });
    const conflict = classify(
      answered('CONFLICT', 409, 'You are already clocked in since 08:00. Clock out first.'),
    );
    expect(conflict).toMatchObject({ kind: 'conflict', answered: true });
    expect(say(conflict, translator('id'))).toBe(
      'Anda sudah absen masuk, jadi ketukan ini tidak dihitung.',
    );
  });

  it("says a tap refused by the workplace's geofence in the person's language", () => {
    const outside = classify(
      answered(
        'BAD_REQUEST',
        400,
        "You are 298 m from Kantor Pusat; you need to be within 150 m (plus 20 m for your phone's accuracy).",
      ),
    );
    expect(outside).toMatchObject({ kind: 'invalid', answered: true });
    expect(say(outside, t)).toBe(
      'Not counted: you are 298 m from Kantor Pusat, and must be within 150 m. Tap again when you are there.',
    );
    expect(say(outside, translator('id'))).toBe(
      'Tidak dihitung: Anda berada 298 m dari Kantor Pusat, padahal harus dalam 150 m. Absen lagi setelah Anda sampai.',
    );
    const far = classify(
      answered('BAD_REQUEST', 400, 'You are 1.3 km from Gudang; you need to be within 1.0 km.'),
    );
    expect(say(far, t)).toContain('1.3 km from Gudang, and must be within 1.0 km');
    const none = classify(
      answered(
        'BAD_REQUEST',
        400,
        'Kantor Pusat needs your location to record attendance. Turn on location for this app and try again.',
      ),
    );
    expect(say(none, translator('id'))).toBe(
      'Tempat kerja Anda mewajibkan lokasi untuk absen. Nyalakan izin lokasi untuk aplikasi ini lalu absen lagi.',
    );
  });
});
