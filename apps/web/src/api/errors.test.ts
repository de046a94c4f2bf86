import { TRPCClientError } from '@trpc/client';
import { beforeAll, describe, expect, it } from 'vitest';
import { classify, describe as say, fieldLabelKey } from './errors';
import { REFUSAL_TEXTS } from '../i18n/messages/reasons';
import { loadRefusalTexts } from '../i18n/refusal-texts';
import { translator } from '../i18n/translate';

const answered = (
  code: string,
  httpStatus: number,
  said: { reason?: string; params?: object; issues?: object[] } = {},
) =>
  TRPCClientError.from({
    error: { code: -32000, message: 'English, for logs', data: { code, httpStatus, ...said } },
  });

describe('errors a person can act on', () => {
  const t = translator('en');
  const tId = translator('id');
  beforeAll(loadRefusalTexts);

  it('tells a wrong password at sign-in from a lost session elsewhere', () => {
    const problem = classify(answered('UNAUTHORIZED', 401));
    expect(problem).toMatchObject({ kind: 'unauthorized', answered: true });
    expect(say(problem, t, 'login')).toBe(
      'That email and password do not match an active account.',
    );
    expect(say(problem, t)).toBe('Your session has ended. Please sign in again.');
    const wrong = classify(answered('UNAUTHORIZED', 401, { reason: 'WRONG_CREDENTIALS' }));
    expect(say(wrong, tId, 'login')).toBe(
      'Email dan kata sandi tidak cocok dengan akun yang aktif.',
    );
  });

  it('says how long to wait after too many sign-ins, from the params', () => {
    const problem = classify(
      answered('TOO_MANY_REQUESTS', 429, { reason: 'TOO_MANY_SIGN_INS', params: { minutes: 12 } }),
    );
    expect(say(problem, t)).toBe('Too many failed sign-ins. Try again in 12 minute(s).');
    expect(say(problem, tId)).toBe(
      'Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 12 menit.',
    );
  });

  it('says a busy server (admission control) with how long to wait, and retries it', () => {
    const busy = classify(
      answered('SERVICE_UNAVAILABLE', 503, {
        reason: 'OVERLOADED',
        params: { retryAfterSeconds: 5 },
      }),
    );
    expect(busy).toMatchObject({ kind: 'unavailable', answered: false, reason: 'OVERLOADED' });
    expect(say(busy, tId)).toContain('coba lagi dalam 5 detik');
  });

  it('treats an unreachable server as retryable, a refusal as final', () => {
    const network = classify(TRPCClientError.from(new TypeError('Failed to fetch')));
    expect(network).toMatchObject({ kind: 'network', answered: false });
    expect(say(network, t)).toBe('Cannot reach the server. Check your connection and try again.');
    expect(classify(answered('SERVICE_UNAVAILABLE', 503))).toMatchObject({
      kind: 'unavailable',
      answered: false,
    });
    expect(classify(answered('INTERNAL_SERVER_ERROR', 500))).toMatchObject({
      kind: 'server',
      answered: false,
    });
  });

  it("says a refused clock-in with the time in the reader's style and the record's zone", () => {
    const conflict = classify(
      answered('CONFLICT', 409, {
        reason: 'ALREADY_CLOCKED_IN',
        params: { since: '2020-01-06T01:05:00Z', timeZone: 'Asia/Jakarta' },
      }),
    );
    expect(conflict).toMatchObject({ kind: 'conflict', answered: true });
    expect(say(conflict, tId)).toBe(
      'Anda sudah absen masuk sejak 6 Jan, 08.05, jadi absen ini tidak dihitung. Absen pulang dulu.',
    );
    expect(say(conflict, t)).toContain('at 6 Jan, 08:05');
  });

  it("says a tap refused by the workplace's geofence in the person's language", () => {
    const outside = classify(
      answered('BAD_REQUEST', 400, {
        reason: 'OUTSIDE_GEOFENCE',
        params: {
          distanceMetres: 298,
          radiusMetres: 150,
          allowanceMetres: 20,
          siteName: 'Kantor Pusat',
        },
      }),
    );
    expect(outside).toMatchObject({ kind: 'invalid', answered: true });
    expect(say(outside, t)).toBe(
      'Not counted: you are 298 m from Kantor Pusat, and must be within 150 m. Tap again when you are there.',
    );
    expect(say(outside, tId)).toBe(
      'Tidak dihitung: Anda berada 298 m dari Kantor Pusat, padahal harus dalam radius 150 m. Absen lagi saat sudah di sana.',
    );
    const far = classify(
      answered('BAD_REQUEST', 400, {
        reason: 'OUTSIDE_GEOFENCE',
        params: {
          distanceMetres: 1_320,
          radiusMetres: 1_000,
          allowanceMetres: 0,
          siteName: 'Gudang',
        },
      }),
    );
    expect(say(far, t)).toContain('1.3 km from Gudang, and must be within 1.0 km');
    expect(say(far, tId)).toContain('1,3 km dari Gudang');
  });

  it('names each bad field by its own label, never by its raw path', () => {
    const bad = classify(
      answered('BAD_REQUEST', 400, {
        reason: 'INPUT_INVALID',
        issues: [
          { path: 'reason', code: 'TOO_SHORT', params: { minimum: 5 } },
          { path: 'days.3', code: 'REQUIRED', params: {} },
          { path: 'someInternalKey', code: 'TOO_LARGE', params: { maximum: 1500 } },
        ],
      }),
    );
    expect(say(bad, t)).toBe(
      'Check what you entered. Reason: at least 5 characters; Days: fill this in; One of the fields: at most 1,500',
    );
    expect(say(bad, tId)).toBe(
      'Periksa kembali isian Anda. Alasan: minimal 5 karakter; Hari: wajib diisi; Salah satu isian: maksimal 1.500',
    );
    expect(say(bad, tId)).not.toContain('someInternalKey');
  });

  it('finds the label of a nested path, else the generic phrase', () => {
    expect(fieldLabelKey('location.lat', REFUSAL_TEXTS.en)).toBe('field.location.lat');
    expect(fieldLabelKey('location.altitude', REFUSAL_TEXTS.en)).toBe('field.location');
    expect(fieldLabelKey('siteIds.2', REFUSAL_TEXTS.en)).toBe('field.siteIds');
    expect(fieldLabelKey('', REFUSAL_TEXTS.en)).toBe('field.unknown');
    expect(fieldLabelKey('x.y', REFUSAL_TEXTS.en)).toBe('field.unknown');
  });

  it('says an old problem without a reason (a refused tap kept on the phone) by its kind', () => {
    expect(say({ kind: 'conflict', serverMessage: 'x', answered: true }, tId)).toBe(
      tId('errConflict'),
    );
  });
});
