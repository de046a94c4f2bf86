import { describe, expect, it } from 'vitest';
import type { Database } from '@absensi/db';
import { ConnectionWait, watchConnectionWait } from './connection-wait.js';

describe('ConnectionWait', () => {
  it('reports the wait of the oldest pending acquire, 0 when none waits', () => {
    let now = 1_000;
    const wait = new ConnectionWait(10_000, () => now);
    const [a, b] = [{}, {}];
    expect(wait.oldestMs()).toBe(0);
    wait.began(a);
    now += 30;
    wait.began(b);
    now += 20;
    expect(wait.oldestMs()).toBe(50);
    expect(wait.waiting).toBe(2);
    wait.ended(a);
    expect(wait.oldestMs()).toBe(20);
    wait.ended(b);
    expect(wait.oldestMs()).toBe(0);
  });

  it('forgets an acquire that timed out (the pool never reports it)', () => {
    let now = 0;
    const wait = new ConnectionWait(10_000, () => now);
    const [lost, fresh] = [{}, {}];
    wait.began(lost);
    now = 9_000;
    wait.began(fresh);
    now = 10_500;
    expect(wait.oldestMs()).toBe(1_500);
    expect(wait.waiting).toBe(1);
  });
});

describe('watchConnectionWait', () => {
  it('counts a wait from asking for a connection until it is had or the attempt fails', async () => {
    const attempts: { resolve: (value: object) => void; reject: (error: Error) => void }[] = [];
    const manager = {
      getConnection: () =>
        new Promise<object>((resolve, reject) => attempts.push({ resolve, reject })),
    };
    const db = { sequelize: { connectionManager: manager } } as unknown as Database;
    const wait = watchConnectionWait(db);
    const had = manager.getConnection();
    const refused = manager.getConnection();
    expect(wait.waiting).toBe(2);
    attempts[0]!.resolve({});
    await had;
    expect(wait.waiting).toBe(1);
    attempts[1]!.reject(new Error('ECONNREFUSED'));
    await expect(refused).rejects.toThrow('ECONNREFUSED');
    expect(wait.waiting).toBe(0);
    expect(wait.oldestMs()).toBe(0);
  });
});
