import { beforeAll, describe, expect, it } from 'vitest';
import { createTestClient, errorOf, type TestClient } from '@absensi/api/testing';
import { ADMIN, type TestNode } from './node.js';
import { describeApi } from './fixture.js';

describeApi('auth', (fixture) => {
  let node!: TestNode;
  let admin!: TestClient;
  let employee!: TestClient;
  let employeeId!: number;
  beforeAll(() => {
    ({ node, admin, employee, employeeId } = fixture.started());
  });

  describe('auth', () => {
    it('signs in with an HttpOnly session cookie and knows who is signed in', async () => {
      expect(
        admin.setCookies.some(
          (line) =>
            /^absensi\.sid=/.test(line) && /HttpOnly/i.test(line) && /SameSite=Lax/i.test(line),
        ),
      ).toBe(true);
      expect(await admin.trpc.auth.me.query()).toMatchObject({
        email: ADMIN.email,
        role: 'admin',
      });
      expect(await employee.trpc.auth.me.query()).toMatchObject({
        id: employeeId,
        role: 'employee',
        department: 'Operations',
      });
    });

    it('gives the same answer for a wrong password and an unknown email', async () => {
      const visitor = createTestClient(node.url);
      const wrong = await errorOf(
        visitor.trpc.auth.login.mutate({ email: ADMIN.email, password: 'not-it-at-all' }),
      );
      const unknown = await errorOf(
        visitor.trpc.auth.login.mutate({
          email: 'nobody@example.com',
          password: 'not-it-at-all',
        }),
      );
      expect(wrong).toEqual(unknown);
      expect(wrong).toMatchObject({ code: 'UNAUTHORIZED', httpStatus: 401 });
      expect(wrong.message).toBe('That email and password do not match an active account.');
    });

    it('stops guessing after five failures for one email, even with the right password', async () => {
      await admin.trpc.admin.users.create.mutate({
        name: 'Target',
        email: 'target@example.com',
        password: 'target-password',
      });
      const visitor = createTestClient(node.url);
      for (let attempt = 0; attempt < 5; attempt += 1) {
        expect(
          (
            await errorOf(
              visitor.trpc.auth.login.mutate({
                email: 'target@example.com',
                password: `guess-${attempt}-x`,
              }),
            )
          ).code,
        ).toBe('UNAUTHORIZED');
      }
      const blocked = await errorOf(
        visitor.trpc.auth.login.mutate({
          email: 'target@example.com',
          password: 'target-password',
        }),
      );
      expect(blocked).toMatchObject({ code: 'TOO_MANY_REQUESTS', httpStatus: 429 });
      expect(blocked.message).toMatch(/Try again in \d+ minute/);
    });

    it('signs out, after which the session no longer works', async () => {
      const client = createTestClient(node.url);
      await client.trpc.auth.login.mutate(ADMIN);
      await client.trpc.auth.logout.mutate();
      expect((await errorOf(client.trpc.auth.me.query())).code).toBe('UNAUTHORIZED');
    });

    it('tags every response with the node that served it', async () => {
      const response = await fetch(`${node.url}/healthz`);
      expect(response.headers.get('x-app-node')).toBe('api-test');
    });
  });
});
