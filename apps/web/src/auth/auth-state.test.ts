import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import type { Me } from '../api/types';
import { authFromCheck } from './auth-state';

const siti: Me = {
  id: 7,
  name: 'Siti Rahma',
  email: 'siti@example.com',
  role: 'employee',
  department: 'Operations',
};
const answered = (code: string, httpStatus: number) =>
  TRPCClientError.from({ error: { code: -32000, message: code, data: { code, httpStatus } } });
const unreachable = TRPCClientError.from(new TypeError('Failed to fetch'));

describe('the session check at start', () => {
  it('opens the clock of the person remembered here while the server is asked', () => {
    expect(authFromCheck(siti, { error: null })).toEqual({ status: 'in', me: siti });
    expect(authFromCheck(null, { error: null })).toEqual({ status: 'checking' });
  });

  it("takes the server's answer", () => {
    const fresh = { ...siti, name: 'Siti R.' };
    expect(authFromCheck(siti, { data: fresh, error: null })).toEqual({ status: 'in', me: fresh });
    expect(authFromCheck(null, { data: fresh, error: null })).toEqual({ status: 'in', me: fresh });
  });

  it('says a session ended only to someone who had one', () => {
    const refused = answered('UNAUTHORIZED', 401);
    expect(authFromCheck(siti, { error: refused })).toEqual({
      status: 'out',
      message: 'errSessionLost',
    });
    expect(authFromCheck(null, { error: refused })).toEqual({ status: 'out', message: null });
  });

  it('keeps the remembered person signed in offline or with the server down, else says which', () => {
    const down = answered('SERVICE_UNAVAILABLE', 503);
    expect(authFromCheck(siti, { error: unreachable })).toEqual({ status: 'in', me: siti });
    expect(authFromCheck(siti, { error: down })).toEqual({ status: 'in', me: siti });
    expect(authFromCheck(null, { error: unreachable })).toEqual({
      status: 'out',
      message: 'errOffline',
    });
    expect(authFromCheck(null, { error: down })).toEqual({
      status: 'out',
      message: 'errServerDown',
    });
  });
});
