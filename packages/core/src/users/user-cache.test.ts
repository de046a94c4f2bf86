import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor.js';
import { UserCache } from './user-cache.js';

const budi: Actor = {
  id: 7,
  name: 'Budi',
  email: 'budi@example.com',
  role: 'employee',
  department: null,
} as const;

describe('the signed-in user cache', () => {
  it('reads a user once while fresh, again after its time or when told to forget', async () => {
    const cache = new UserCache(40);
    let loads = 0;
    const load = (): Promise<Actor | false> =>
      Promise.resolve((loads += 1) > 2 ? false : { ...budi });
    expect(await cache.get(7, load)).toEqual(budi);
    expect(await cache.get(7, load)).toEqual(budi);
    expect(loads).toBe(1);
    cache.forget(7);
    expect(await cache.get(7, load)).toEqual(budi);
    expect(loads).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await cache.get(7, load)).toBe(false);
    expect(loads).toBe(3);
  });
});
