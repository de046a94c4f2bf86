import { expect } from 'vitest';
import { errorOf, type TestClient } from '@absensi/api/testing';
import type { ApiFixture } from './fixture.js';

/** Calls of some procedures, each made by the client given. */
export type Calls = Record<string, (client: TestClient) => Promise<unknown>>;

/** Every call, made by `client`, is refused with `code` (and `status`), and no row changes. */
export async function expectRefusedToAll(
  fixture: ApiFixture,
  client: TestClient,
  calls: Calls,
  refusal: { code: string; status: number },
) {
  const before = await fixture.rowCounts();
  for (const [name, call] of Object.entries(calls)) {
    const error = await errorOf(call(client));
    expect({ name, code: error.code, status: error.httpStatus }).toEqual({
      name,
      code: refusal.code,
      status: refusal.status,
    });
  }
  expect(await fixture.rowCounts()).toEqual(before);
}

/** The call is refused as a bad request (400) whose message matches, and no row changes. */
export async function expectBadInput(
  fixture: ApiFixture,
  call: () => Promise<unknown>,
  message: RegExp,
) {
  const before = await fixture.rowCounts();
  const error = await errorOf(call());
  expect({ code: error.code, status: error.httpStatus }).toEqual({
    code: 'BAD_REQUEST',
    status: 400,
  });
  expect(error.message).toMatch(message);
  expect(await fixture.rowCounts()).toEqual(before);
}
