import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { TRPCError } from '@trpc/server';
import { getWSConnectionHandler, type CreateWSSContextFnOptions } from '@trpc/server/adapters/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { isDomainError, signedInActor, type SessionClaim } from '@absensi/core';
import {
  claimFromSignedSession,
  clientAddressOf,
  sessionCookieFrom,
  type ProxyTrust,
  type RequestSession,
  type SessionStore,
  type UserChange,
} from '@absensi/runtime';
import { AddressSlots, originAllowed } from './admission.js';
import { FrameCache, servePushPath, TrpcFacingSocket } from './push.js';
import { appRouter } from '../root.js';
import { MAX_BATCH_CALLS, type AppDeps, type Context } from '../trpc.js';

/** Close code for a socket whose session has ended or never began (the HTTP 401 of WebSockets). */
export const CLOSE_SIGNED_OUT = 4401;

export interface LiveSocketOptions {
  deps: AppDeps;
  sessions: SessionStore;
  sessionSecret: string;
  /** URL path served, `/ws` by contract. */
  path?: string;
  /** Ping a quiet connection after this long; drop it when no pong follows within `pongWaitMs`. */
  pingMs?: number;
  pongWaitMs?: number;
  /** Origins a browser may open the socket from (PUBLIC_ORIGINS); unset, the request's own host. */
  publicOrigins?: readonly string[] | undefined;
  /** Who may name the client's address in X-Forwarded-For (TRUST_PROXY); default no one. */
  trustProxy?: ProxyTrust | undefined;
  /** Sockets one client address may hold open (WS_MAX_CONNECTIONS_PER_ADDRESS); default 200. */
  maxConnectionsPerAddress?: number | undefined;
  /** A socket with nobody signed in this long (ms) after it opened is closed; default 5 s. */
  authTimeoutMs?: number | undefined;
  /**
   * Account changes from every process: the sockets of a changed account are checked, and those
   * whose session has ended (deactivation, role or password change) are closed.
   */
  userChanges?: { subscribe(listener: (change: UserChange) => void): () => void } | undefined;
}

/** One open socket: where it comes from, and who is signed in on it once that is known. */
interface Connection {
  readonly socket: WebSocket;
  readonly address: string;
  claim: (SessionClaim & { userId: number }) | null;
  authTimer: NodeJS.Timeout | null;
}

/** A WebSocket session is read-only: signing in and out happen over HTTP. */
function connectionSession(claim: SessionClaim & { userId: number }): RequestSession {
  const refuse = () =>
    Promise.reject(
      new TRPCError({ code: 'METHOD_NOT_SUPPORTED', message: 'Sign in and out over HTTP.' }),
    );
  return { ...claim, signIn: refuse, signOut: refuse };
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

function refuse(socket: Duplex, status: string, reason = '') {
  const body = reason ? `${reason}\n` : '';
  socket.end(
    `HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** Runs `task` over `items`, at most `width` at a time. */
async function inBatches<T>(items: T[], width: number, task: (item: T) => Promise<void>) {
  for (let start = 0; start < items.length; start += width)
    await Promise.all(items.slice(start, start + width).map(task));
}

/**
 * The tRPC WebSocket endpoint for subscriptions, used by realtime and by the embedded mode alike.
 * A browser is known by its session cookie at the upgrade (anonymous upgrades get 401); other
 * clients may send their signed session id as the connection param `session` instead, within
 * `authTimeoutMs`. Upgrades from a foreign Origin get 403, and beyond the per-address limit 429.
 */
export function createLiveSocket(options: LiveSocketOptions) {
  const path = options.path ?? '/ws';
  const trust = options.trustProxy ?? (() => false);
  const authTimeoutMs = options.authTimeoutMs ?? 5_000;
  const slots = new AddressSlots(options.maxConnectionsPerAddress ?? 200);
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const { deps } = options;

  /** Who a signed session id belongs to, if their session is still in force. */
  async function claimOf(signed: string | undefined) {
    const claim = await claimFromSignedSession(signed, options.sessionSecret, options.sessions);
    if (!claim) return null;
    try {
      await signedInActor(deps, claim);
      return claim;
    } catch (error) {
      if (isDomainError(error)) return null;
      throw error;
    }
  }

  /** Set at the upgrade, read when the connection opens and when tRPC makes its context. */
  const upgrades = new WeakMap<IncomingMessage, { address: string; claim: Connection['claim'] }>();
  const connections = new WeakMap<IncomingMessage, Connection>();
  const byUser = new Map<number, Set<Connection>>();

  function signedIn(connection: Connection, claim: SessionClaim & { userId: number }) {
    connection.claim = claim;
    if (connection.authTimer) clearTimeout(connection.authTimer);
    connection.authTimer = null;
    let sockets = byUser.get(claim.userId);
    if (!sockets) byUser.set(claim.userId, (sockets = new Set()));
    sockets.add(connection);
  }

  function forget(connection: Connection) {
    if (connection.authTimer) clearTimeout(connection.authTimer);
    if (!connection.claim) return;
    const sockets = byUser.get(connection.claim.userId);
    sockets?.delete(connection);
    if (sockets?.size === 0) byUser.delete(connection.claim.userId);
  }

  async function contextOf({ req, info }: CreateWSSContextFnOptions): Promise<Context> {
    const connection = connections.get(req);
    const params = info.connectionParams as Record<string, string> | null;
    const claim =
      connection?.claim ??
      (await claimOf(sessionCookieFrom(req.headers.cookie) ?? params?.session));
    if (claim === null)
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to receive live updates.' });
    if (connection && !connection.claim) signedIn(connection, claim);
    return {
      deps,
      session: connectionSession(claim),
      clientAddress: connection?.address ?? 'unknown',
    };
  }

  const serveTrpc = getWSConnectionHandler({
    wss,
    router: appRouter,
    maxBatchSize: MAX_BATCH_CALLS,
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
        deps.log.error({ err: error, path: procedure }, 'subscription failed');
    },
  });
  const frames = new FrameCache();
  wss.on('connection', (socket: WebSocket, request: IncomingMessage) => {
    const admitted = upgrades.get(request) ?? { address: 'unknown', claim: null };
    const connection: Connection = {
      socket,
      address: admitted.address,
      claim: null,
      authTimer: null,
    };
    connections.set(request, connection);
    if (admitted.claim) signedIn(connection, admitted.claim);
    else {
      // Nobody signed in yet (connection params to come): not for long.
      connection.authTimer = setTimeout(() => {
        if (!connection.claim) socket.close(CLOSE_SIGNED_OUT, 'Sign in to receive live updates.');
      }, authTimeoutMs);
      connection.authTimer.unref();
    }
    socket.once('close', () => forget(connection));
    const trpc = new TrpcFacingSocket(socket);
    // tRPC reads and writes through the facade, which has the socket's surface it uses.
    serveTrpc(trpc as unknown as WebSocket, request);
    servePushPath({
      socket,
      trpc,
      expectsConnectionParams: expectsConnectionParams(request),
      frames,
      maxBatch: MAX_BATCH_CALLS,
      log: deps.log,
    });
  });

  /** Closes the sockets of `userId` whose session has ended; the others go on. */
  async function recheck(userId: number) {
    const sockets = [...(byUser.get(userId) ?? [])];
    const generations = new Map<number, boolean>();
    for (const connection of sockets) {
      const claim = connection.claim;
      if (!claim) continue;
      let valid = generations.get(claim.generation);
      if (valid === undefined) {
        valid = await signedInActor(deps, claim).then(
          () => true,
          (error: unknown) => {
            if (isDomainError(error)) return false;
            deps.log.warn({ err: error, userId }, 'could not check a live socket; kept open');
            return true;
          },
        );
        generations.set(claim.generation, valid);
      }
      if (!valid) connection.socket.close(CLOSE_SIGNED_OUT, 'Your session has ended.');
    }
  }

  const stopListening = options.userChanges?.subscribe((change) => {
    const users = change === 'all' ? [...byUser.keys()] : change.filter((id) => byUser.has(id));
    // The user cache of this process has forgotten them already (it listens first).
    inBatches(users, 20, recheck).catch((error: unknown) =>
      deps.log.error({ err: error }, 'live socket check failed'),
    );
  });

  /** Takes an HTTP upgrade for our path; returns false for any other path so others may take it. */
  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    if (pathOf(request) !== path) return false;
    if (!originAllowed(request, options.publicOrigins)) {
      refuse(socket, '403 Forbidden', 'This page may not open the live connection (Origin).');
      return true;
    }
    const address = clientAddressOf(request, trust);
    if (!slots.take(address)) {
      refuse(socket, '429 Too Many Requests', 'Too many live connections from this address.');
      return true;
    }
    // The slot is the TCP connection's: given back when it closes, whether refused, failed or done.
    socket.once('close', () => slots.release(address));
    const checked = expectsConnectionParams(request)
      ? Promise.resolve({ claim: null, allowed: true })
      : claimOf(sessionCookieFrom(request.headers.cookie)).then((claim) => ({
          claim,
          allowed: claim !== null,
        }));
    checked.then(
      ({ claim, allowed }) => {
        if (!allowed) return refuse(socket, '401 Unauthorized', 'Sign in to receive live updates.');
        upgrades.set(request, { address, claim });
        wss.handleUpgrade(request, socket, head, (client) =>
          wss.emit('connection', client, request),
        );
      },
      (error: unknown) => {
        deps.log.error({ err: error }, 'session lookup failed during upgrade');
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
      stopListening?.();
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
