import { afterAll, describe, expect, it } from 'vitest';
import { testRedis } from '@absensi/events/testing';
import { RateLimitedLogins, type LoginLimits } from './login-limiter.js';

const store = await testRedis();
afterAll(() => store?.close());

const limits: LoginLimits = { perPair: 5, perAddress: 8, windowSeconds: 60 };
let round = 0;
const limiters: [string, () => RateLimitedLogins][] = [
  ['memory', () => RateLimitedLogins.inMemory(limits)],
];
if (store)
  limiters.push([
    'redis',
    // Each test its own prefix, as if its own cluster: counts never leak between tests.
    () => RateLimitedLogins.redis(store.redis, `${store.prefix}${(round += 1)}-`, limits),
  ]);

describe.each(limiters)('the %s login limiter', (_name, make) => {
  it('reserves atomically: of 30 attempts at once, 5 go ahead', async () => {
    const limiter = make();
    const waits = await Promise.all(
      Array.from({ length: 30 }, () => limiter.reserve('siti@example.com', '10.0.0.1')),
    );
    expect(waits.filter((wait) => wait === 0)).toHaveLength(5);
    const refused = waits.filter((wait) => wait > 0);
    expect(refused).toHaveLength(25);
    for (const wait of refused) expect(wait).toBeLessThanOrEqual(60);
  });

  it('does not let a stranger elsewhere lock a person out', async () => {
    const limiter = make();
    for (let attempt = 0; attempt < 5; attempt += 1)
      expect(await limiter.reserve('siti@example.com', '203.0.113.9')).toBe(0);
    expect(await limiter.reserve('siti@example.com', '203.0.113.9')).toBeGreaterThan(0);
    // Siti, at her own address, is not affected.
    expect(await limiter.reserve('siti@example.com', '10.0.0.1')).toBe(0);
  });

  it('stops an address guessing at many emails, and gives back what a refusal reserved', async () => {
    const limiter = make();
    for (let index = 0; index < 8; index += 1)
      expect(await limiter.reserve(`person${index}@example.com`, '198.51.100.7')).toBe(0);
    expect(await limiter.reserve('another@example.com', '198.51.100.7')).toBeGreaterThan(0);
    expect(await limiter.reserve('another@example.com', '10.9.9.9')).toBe(0);

    // A pair over its limit does not spend its address's attempts.
    const other = make();
    for (let index = 0; index < 5; index += 1) await other.reserve('a@example.com', '192.0.2.1');
    for (let index = 0; index < 10; index += 1)
      expect(await other.reserve('a@example.com', '192.0.2.1')).toBeGreaterThan(0);
    expect(await other.reserve('b@example.com', '192.0.2.1')).toBe(0);
    expect(await other.reserve('c@example.com', '192.0.2.1')).toBe(0);
    expect(await other.reserve('d@example.com', '192.0.2.1')).toBe(0);
  });

  it("forgets a pair's failures after a right password, and counts only failures per address", async () => {
    const limiter = make();
    for (let index = 0; index < 5; index += 1)
      expect(await limiter.reserve('budi@example.com', '10.0.0.5')).toBe(0);
    await limiter.succeeded('budi@example.com', '10.0.0.5');
    // Budi's pair starts again from 0; the address holds his 4 failures (the success was given
    // back), so 4 more fit under its 8 (without the give-back the 4th would not)…
    for (let index = 0; index < 4; index += 1)
      expect(await limiter.reserve('budi@example.com', '10.0.0.5')).toBe(0);
    // …and then the address is full, whatever the email.
    expect(await limiter.reserve('someone@example.com', '10.0.0.5')).toBeGreaterThan(0);
  });
});
