/**
 * The WebSocket at /ws that carries subscriptions. Loaded only when a screen first subscribes (the
 * admin's), so the employee's screen never downloads it.
 */
import { createWSClient, wsLink } from '@trpc/client';
import { setLiveConnected } from './live-connection';
import type { AppRouter } from './types';

const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;

// Lazy: the socket opens only while a subscription needs it, after sign-in, since the server
// refuses an upgrade without a session.
const wsClient = createWSClient({
  url: wsUrl,
  lazy: { enabled: true, closeMs: 10_000 },
  retryDelayMs: (attempt) => Math.min(250 * 2 ** attempt, 5_000),
  keepAlive: { enabled: true, intervalMs: 15_000, pongTimeoutMs: 5_000 },
  onOpen: () => setLiveConnected(true),
  onClose: () => setLiveConnected(false),
});

export const liveLink = wsLink<AppRouter>({ client: wsClient });
