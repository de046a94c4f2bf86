import { describe, expect, it } from 'vitest';
import type { Actor } from '../actor.js';
import { UserCache, type KnownUser } from './user-cache.js';

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
    const known: KnownUser = { actor: budi, sessionGeneration: 0 };
    const load = (): Promise<KnownUser | false> =>
      Promise.resolve((loads += 1) > 2 ? false : { ...known });
    expect(await cache.get(7, load)).toEqual(known);
    expect(await cache.get(7, load)).toEqual(known);
    expect(loads).toBe(1);
    cache.forget(7);
    expect(await cache.get(7, load)).toEqual(known);
    expect(loads).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await cache.get(7, load)).toBe(false);
    expect(loads).toBe(3);
  });

  it('announces what this process changed, and does not echo what others announced', async () => {
    const announced: number[][] = [];
    const cache = new UserCache(60_000, 100, { announce: (ids) => announced.push([...ids]) });
    let loads = 0;
    const load = () => Promise.resolve({ actor: budi, sessionGeneration: (loads += 1) });
    expect(await cache.get(7, load)).toMatchObject({ sessionGeneration: 1 });
    cache.forgetHere(7);
    expect(await cache.get(7, load)).toMatchObject({ sessionGeneration: 2 });
    expect(announced).toEqual([]);
    cache.forget(7);
    expect(announced).toEqual([[7]]);
    expect(await cache.get(7, load)).toMatchObject({ sessionGeneration: 3 });
    cache.clear();
    expect(await cache.get(7, load)).toMatchObject({ sessionGeneration: 4 });
  });
});
