import {
  TRPCClientError,
  type Operation,
  type TRPCClientRuntime,
  type TRPCLink,
} from '@trpc/client';
import type { AnyTRPCRouter } from '@trpc/server';
import { observable } from '@trpc/server/observable';
import { describe, expect, it } from 'vitest';
import { lazyLink } from './lazy-link';

const runtime = {} as TRPCClientRuntime;
const op = (id: number): Operation => ({
  id,
  type: 'subscription',
  path: 'live.attendance',
  input: { n: id },
  context: {},
  signal: null,
});

/** A link that answers each operation with its input, and records what it started and stopped. */
function echoLink() {
  const started: number[] = [];
  const stopped: number[] = [];
  const link: TRPCLink<AnyTRPCRouter> = () => (props) =>
    observable((observer) => {
      started.push(props.op.id);
      observer.next({ result: { type: 'data', data: props.op.input } });
      return () => stopped.push(props.op.id);
    });
  return { link, started, stopped };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const noNext = () => {
  throw new Error('a terminating link never calls next');
};

describe('a link loaded on first use', () => {
  it('fetches its code once, then passes every operation and its results through', async () => {
    const echo = echoLink();
    let loads = 0;
    const opLink = lazyLink(() => {
      loads += 1;
      return Promise.resolve(echo.link);
    })(runtime);
    const seen: unknown[] = [];
    const first = opLink({ op: op(1), next: noNext }).subscribe({
      next: (value) => seen.push(value.result.data),
    });
    opLink({ op: op(2), next: noNext }).subscribe({
      next: (value) => seen.push(value.result.data),
    });
    await settle();
    expect(loads).toBe(1);
    expect(seen).toEqual([{ n: 1 }, { n: 2 }]);
    first.unsubscribe();
    expect(echo.stopped).toEqual([1]);
  });

  it('never starts an operation cancelled before its code arrived', async () => {
    const echo = echoLink();
    const opLink = lazyLink(() => Promise.resolve(echo.link))(runtime);
    opLink({ op: op(1), next: noNext })
      .subscribe({})
      .unsubscribe();
    await settle();
    expect(echo.started).toEqual([]);
  });

  it('fails the operation as a client error when the code cannot be fetched, and tries again later', async () => {
    const echo = echoLink();
    let fail = true;
    const opLink = lazyLink(() =>
      fail ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve(echo.link),
    )(runtime);
    const errors: unknown[] = [];
    opLink({ op: op(1), next: noNext }).subscribe({ error: (error) => errors.push(error) });
    await settle();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(TRPCClientError);
    fail = false;
    opLink({ op: op(2), next: noNext }).subscribe({});
    await settle();
    expect(echo.started).toEqual([2]);
  });
});
