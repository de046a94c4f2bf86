import { createTRPCClient, createWSClient, httpLink, wsLink, TRPCClientError } from '@trpc/client';
import { WebSocket } from 'ws';
import type { AppRouter } from '../root.js';

/** A tRPC client over real HTTP that keeps its session cookie, as a browser would. */
export function createTestClient(baseUrl: string, headers: Record<string, string> = {}) {
  const jar = new Map<string, string>();
  const setCookies: string[] = [];
  /** The x-app-node header of every response, in order: which node served each call. */
  const servedBy: string[] = [];
  const fetchWithCookies: typeof fetch = async (input, init) => {
    const cookie = [...jar.entries()].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(input, {
      ...init,
      headers: {
        ...(init?.headers as Record<string, string>),
        ...headers,
        ...(cookie ? { cookie } : {}),
      },
    });
    servedBy.push(response.headers.get('x-app-node') ?? '');
    for (const line of response.headers.getSetCookie()) {
      setCookies.push(line);
      const [pair] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') jar.delete(name!.trim());
      else jar.set(name!.trim(), value);
    }
    return response;
  };
  const trpc = createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${baseUrl}/trpc`, fetch: fetchWithCookies })],
  });
  return {
    trpc,
    setCookies,
    servedBy,
    cookieHeader: () => [...jar.entries()].map(([name, value]) => `${name}=${value}`).join('; '),
    fetch: fetchWithCookies,
  };
}

export type TestClient = ReturnType<typeof createTestClient>;

/** A subscription client on /ws carrying the given cookie, as the PWA's wsLink does in a browser. */
export function createLiveClient(wsUrl: string, cookieHeader: string) {
  class CookieWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie: cookieHeader } });
    }
  }
  const wsClient = createWSClient({
    url: wsUrl,
    WebSocket: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    retryDelayMs: () => 200,
  });
  const trpc = createTRPCClient<AppRouter>({ links: [wsLink({ client: wsClient })] });
  return { trpc, close: () => wsClient.close() };
}

/** The tRPC error code of a failed call (BAD_REQUEST, FORBIDDEN…), or throws if it did not fail. */
export async function errorOf(call: Promise<unknown>): Promise<{
  code: string;
  message: string;
  httpStatus: number;
  reason: string | undefined;
  params: Record<string, string | number> | undefined;
  issues: { path: string; code: string; params: Record<string, string | number> }[] | undefined;
}> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) {
      const data = (error as TRPCClientError<AppRouter>).data;
      return {
        code: data?.code ?? 'UNKNOWN',
        message: error.message,
        httpStatus: data?.httpStatus ?? 0,
        reason: data?.reason,
        params: data?.params,
        issues: data?.issues,
      };
    }
    throw error;
  }
  throw new Error('expected the call to fail, and it succeeded');
}
