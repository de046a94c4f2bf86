import { readFileSync } from 'node:fs';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** What the server answers each of the three batched reads, in order (tRPC's batch form). */
type Answer =
  { result: { data: unknown } } | { error: { message: string; code: number; data: object } };

const refused: Answer = {
  error: {
    message: 'Sign in first.',
    code: -32001,
    data: { code: 'UNAUTHORIZED', httpStatus: 401, path: 'auth.me' },
  },
};
const ME = { id: 7, name: 'Siti Rahma', role: 'employee' };
const TODAY = { records: [], plan: { kind: 'none' }, settings: { timeZone: 'Asia/Jakarta' } };
const WEEK = { days: [], shiftTypes: [] };

let requested: string[] = [];
let store: Map<string, string>;

/** Loads the module afresh against a server that gives `answers`; starts the reads on `path`. */
async function firstReads(answers: Answer[], path = '/') {
  vi.stubGlobal('fetch', (url: string) => {
    requested.push(url);
    const status = answers.every((answer) => 'error' in answer) ? 401 : 207;
    return Promise.resolve(
      new Response(JSON.stringify(answers), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    );
  });
  const { startFirstReads } = await import('./first-reads');
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  void startFirstReads(queryClient, path);
  await vi.waitFor(() => {
    expect(queryClient.isFetching()).toBe(0);
  });
  await new Promise((resolve) => setTimeout(resolve, 0));
  return { queryClient };
}

describe('the first reads, sent before the first render', () => {
  beforeEach(() => {
    requested = [];
    store = new Map();
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => store.set(key, value),
      removeItem: (key: string) => store.delete(key),
    });
    vi.resetModules();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('go in one request, at the URL index.html preloads', async () => {
    const { FIRST_READS_URL } = await import('./first-reads');
    await firstReads([
      { result: { data: ME } },
      { result: { data: TODAY } },
      { result: { data: WEEK } },
    ]);
    expect(requested).toEqual([FIRST_READS_URL]);
    const html = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
    expect(html).toContain(`rel="preload"`);
    expect(html).toContain(`href="${FIRST_READS_URL}"`);
  });

  it('give a signed-in person their day and week with the session check', async () => {
    const { queryClient } = await firstReads([
      { result: { data: ME } },
      { result: { data: TODAY } },
      { result: { data: WEEK } },
    ]);
    expect(queryClient.getQueryData([['auth', 'me'], { type: 'query' }])).toEqual(ME);
    expect(queryClient.getQueryData([['attendance', 'today'], { type: 'query' }])).toEqual(TODAY);
    expect(queryClient.getQueryData([['attendance', 'schedule'], { type: 'query' }])).toEqual(WEEK);
  });

  it('leave no refused day or week behind when nobody is signed in, only the check', async () => {
    const { queryClient } = await firstReads([refused, refused, refused]);
    const all = queryClient.getQueryCache().getAll();
    expect(all.map((query) => query.queryKey[0])).toEqual([['auth', 'me']]);
    expect(all[0]!.state.status).toBe('error');
    expect(all[0]!.meta).toEqual({ sessionCheck: true });
  });

  it('read the day and week as the clock does when someone is remembered on this phone', async () => {
    store.set('absensi.me', JSON.stringify(ME));
    const { queryClient } = await firstReads([refused, refused, refused]);
    const statuses = queryClient
      .getQueryCache()
      .getAll()
      .map((query) => [query.queryKey[0], query.state.status]);
    // Refused for a remembered person: the session has ended, as any read's refusal says.
    expect(statuses).toEqual([
      [['auth', 'me'], 'error'],
      [['attendance', 'today'], 'error'],
      [['attendance', 'schedule'], 'error'],
    ]);
  });
});
