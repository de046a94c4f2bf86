/**
 * The one way the app talks to the server: subscriptions over the WebSocket at /ws, everything
 * else batched over HTTP at /trpc, same origin, with the session cookie.
 */
import { createTRPCClient, createWSClient, httpBatchLink, splitLink, wsLink } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@absensi/api';

export type { AppRouter };
export type Outputs = inferRouterOutputs<AppRouter>;
export type Inputs = inferRouterInputs<AppRouter>;
export type AttendanceView = Outputs['attendance']['today']['records'][number];
export type Me = Outputs['auth']['me'];
export type Today = Outputs['attendance']['today'];
export type Dashboard = Outputs['admin']['dashboard'];
export type LiveEvent = Dashboard['latest'][number];

type Listener = (connected: boolean) => void;
const listeners = new Set<Listener>();
let connected = false;
const setConnected = (value: boolean) => {
  connected = value;
  for (const listener of listeners) listener(value);
};

/** Whether the live WebSocket is open now, and a way to follow it. */
export const liveConnection = {
  get connected() {
    return connected;
  },
  subscribe: (listener: Listener) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
};

const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;

// Lazy: the socket opens only while a subscription needs it (the dashboard), after sign-in,
// since the server refuses an upgrade without a session.
const wsClient = createWSClient({
  url: wsUrl,
  lazy: { enabled: true, closeMs: 10_000 },
  retryDelayMs: (attempt) => Math.min(250 * 2 ** attempt, 5_000),
  keepAlive: { enabled: true, intervalMs: 15_000, pongTimeoutMs: 5_000 },
  onOpen: () => setConnected(true),
  onClose: () => setConnected(false),
});

export const trpc = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === 'subscription',
      true: wsLink<AppRouter>({ client: wsClient }),
      false: httpBatchLink({
        url: '/trpc',
        fetch: (url, options) => fetch(url, { ...options, credentials: 'same-origin' }),
      }),
    }),
  ],
});
