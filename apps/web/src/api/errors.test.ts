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
});
