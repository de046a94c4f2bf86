import { Signer } from '@fastify/cookie';
import { describe, expect, it } from 'vitest';
import { RememberingSigner } from '../src/plugins/session.js';

const SECRET = 's'.repeat(40);

describe('the session cookie signer that remembers what it checked', () => {
  it('signs and verifies exactly as @fastify/cookie does, the first time and every time after', () => {
    const plain = new Signer(SECRET, 'sha256');
    const remembering = new RememberingSigner(SECRET);
    for (let round = 0; round < 3; round += 1) {
      expect(remembering.sign('session-id-1')).toBe(plain.sign('session-id-1'));
      expect(remembering.unsign(plain.sign('session-id-1'))).toEqual({
        valid: true,
        renew: false,
        value: 'session-id-1',
      });
    }
  });

  it('refuses a forged or altered cookie, even for an id whose real cookie it has verified', () => {
    const remembering = new RememberingSigner(SECRET);
    const real = remembering.sign('session-id-2');
    expect(remembering.unsign(real).valid).toBe(true);
    const altered = `${real.slice(0, -1)}${real.endsWith('A') ? 'B' : 'A'}`;
    expect(remembering.unsign(altered).valid).toBe(false);
    expect(remembering.unsign(new Signer('x'.repeat(40)).sign('session-id-2')).valid).toBe(false);
    expect(remembering.unsign('session-id-2').valid).toBe(false);
  });
});
