import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { TRPCError } from '@trpc/server';
import { getWSConnectionHandler, type CreateWSSContextFnOptions } from '@trpc/server/adapters/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  sessionCookieFrom,
  userIdFromSignedSession,
  type RequestSession,
  type SessionStore,
} from '@absensi/runtime';
import { FrameCache, servePushPath, TrpcFacingSocket } from './push.js';
import { appRouter } from '../root.js';
import type { AppDeps, Context } from '../trpc.js';

export interface LiveSocketOptions {
  deps: AppDeps;
  sessions: SessionStore;
  sessionSecret: string;
  /** URL path served, `/ws` by contract. */
  path?: string;
  /** Ping a quiet connection after this long; drop it when no pong follows within `pongWaitMs`. */
  pingMs?: number;
  pongWaitMs?: number;
}

/** A WebSocket session is read-only: signing in and out happen over HTTP. */
function connectionSession(userId: number): RequestSession {
  const refuse = () =>
    Promise.reject(
      new TRPCError({ code: 'METHOD_NOT_SUPPORTED', message: 'Sign in and out over HTTP.' }),
    );
  return { userId, signIn: refuse, signOut: refuse };
}

function pathOf(request: IncomingMessage): string {
  return new URL(request.url ?? '/', 'http://localhost').pathname;
}

/** The client signs in with its first message, not a cookie: tRPC's wsLink sends `connectionParams=1`. */
function expectsConnectionParams(request: IncomingMessage): boolean {
  return (
    new URL(request.url ?? '/', 'http://localhost').searchParams.get('connectionParams') === '1'
  );
}

/**
 * The tRPC WebSocket endpoint for subscriptions, used by realtime and by the embedded mode alike.
 * A browser is known by its session cookie at the upgrade (anonymous upgrades get 401); other
 * clients may send their signed session id as the connection param `session` instead.
 */
export function createLiveSocket(options: LiveSocketOptions) {
  const path = options.path ?? '/ws';
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });

  const userIdOf = (signed: string | undefined) =>
    userIdFromSignedSession(signed, options.sessionSecret, options.sessions);
  /** Users already known from the upgrade's cookie, so the context does not look them up again. */
  const upgradedAs = new WeakMap<IncomingMessage, number>();

  async function contextOf({ req, info }: CreateWSSContextFnOptions): Promise<Context> {
    const params = info.connectionParams as Record<string, string> | null;
    const userId =
      upgradedAs.get(req) ??
      (await userIdOf(sessionCookieFrom(req.headers.cookie) ?? params?.session));
    if (userId === null)
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to receive live updates.' });
    return {
      deps: options.deps,
      session: connectionSession(userId),
      clientAddress: req.socket.remoteAddress ?? 'unknown',
    };
  }

  const serveTrpc = getWSConnectionHandler({
    wss,
    router: appRouter,
    // tRPC makes the context once per connection; the push path uses the same one.
    createContext(contextOptions) {
      const context = contextOf(contextOptions);
      (contextOptions.res as unknown as TrpcFacingSocket).context = context;
      return context;
    },
    keepAlive: {
      enabled: true,
      pingMs: options.pingMs ?? 30_000,
      pongWaitMs: options.pongWaitMs ?? 10_000,
    },
    onError({ error, path: procedure }) {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        options.deps.log.error({ err: error, path: procedure }, 'subscription failed');
    },
  });
  const frames = new FrameCache();
  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    const trpc = new TrpcFacingSocket(socket);
    // tRPC reads and writes through the facade, which has the socket's surface it uses.
    serveTrpc(trpc as unknown as WebSocket, request);
    servePushPath({
      socket,
      trpc,
      expectsConnectionParams: expectsConnectionParams(request),
      frames,
      log: options.deps.log,
    });
  });

  function refuse(socket: Duplex, status: string) {
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  }

  /** Takes an HTTP upgrade for our path; returns false for any other path so others may take it. */
  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    if (pathOf(request) !== path) return false;
    const checked = expectsConnectionParams(request)
      ? Promise.resolve(true)
      : userIdOf(sessionCookieFrom(request.headers.cookie)).then((id) => {
          if (id === null) return false;
          upgradedAs.set(request, id);
          return true;
        });
    checked.then(
      (allowed) => {
        if (!allowed) return refuse(socket, '401 Unauthorized');
        wss.handleUpgrade(request, socket, head, (client) =>
          wss.emit('connection', client, request),
        );
      },
      (error: unknown) => {
        options.deps.log.error({ err: error }, 'session lookup failed during upgrade');
        refuse(socket, '503 Service Unavailable');
      },
    );
    return true;
  }

  return {
    wss,
    handleUpgrade,
    attach(server: Server) {
      server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
        if (!handleUpgrade(request, socket, head)) refuse(socket, '404 Not Found');
      });
    },
    get connectionCount() {
      return wss.clients.size;
    },
    /** Tells every client to reconnect (elsewhere, or here after a restart), then closes. */
    close(): Promise<void> {
      const reconnect = JSON.stringify({ id: null, method: 'reconnect' });
      for (const client of wss.clients)
        if (client.readyState === client.OPEN) client.send(reconnect);
      return new Promise((resolve) => {
        for (const client of wss.clients) client.close(1012, 'Service restart');
        wss.close(() => resolve());
      });
    },
  };
}

export type LiveSocket = ReturnType<typeof createLiveSocket>;
