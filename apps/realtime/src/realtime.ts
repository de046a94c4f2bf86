import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '@absensi/config';
import { createLiveSocket } from '@absensi/api';
import { connectInfrastructure, coreDeps, liveSocketSettings } from '@absensi/runtime';
import { LiveHub } from '@absensi/events';
import { buildIngest } from './ingest.js';

/** Events reloaded from the feed at start, so clients that resume after a restart get what they missed. */
const REPLAY_DEPTH = 10_000;

export interface RunningRealtime {
  /** ws://host:port/ws for clients. */
  wsUrl: string;
  /** http://host:port of the internal ingest. */
  ingestUrl: string;
  hub: LiveHub;
  close(): Promise<void>;
}

/**
 * The realtime service: tRPC subscriptions over WebSocket on PORT (/ws), fed by the subscribers
 * through the authenticated ingest on INGEST_PORT.
 */
export async function startRealtime(config: Config): Promise<RunningRealtime> {
  if (!config.REALTIME_SECRET)
    throw new Error(
      'REALTIME_SECRET (or REALTIME_SECRET_FILE) is required: the subscribers authenticate with it',
    );
  const infra = await connectInfrastructure(config, { migrate: false });
  const hub = new LiveHub(REPLAY_DEPTH);
  // Without this reload a restarted realtime could not tell events it had already delivered from new
  // ones, and clients resuming with their last event id would miss or repeat some.
  for (let attempt = 1; ; attempt += 1) {
    try {
      for (const entry of await infra.feed.tail(REPLAY_DEPTH)) {
        if (entry.event) hub.publish(entry.event);
      }
      break;
    } catch (error) {
      if (attempt >= 10)
        throw new Error('could not reload recent events from the feed', { cause: error });
      infra.logger.warn(
        { err: error, attempt },
        'feed unreachable; retrying the reload of recent events',
      );
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }

  const deps = { ...coreDeps(infra, config.APP_NODE_ID), live: hub };
  const liveSocket = createLiveSocket({ deps, ...liveSocketSettings(config, infra) });
  const server = createServer((request, response) => {
    if (request.url === '/healthz') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          status: 'ok',
          node: config.APP_NODE_ID,
          connections: liveSocket.connectionCount,
        }),
      );
      return;
    }
    response.writeHead(404).end();
  });
  liveSocket.attach(server);
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));

  const ingest = await buildIngest({ hub, secret: config.REALTIME_SECRET, logger: infra.logger });
  await ingest.listen({ host: config.HOST, port: config.INGEST_PORT });

  const port = (server.address() as AddressInfo).port;
  const ingestPort = (ingest.server.address() as AddressInfo).port;
  infra.logger.info(
    { port, ingestPort, replayable: hub.missedSince('').length },
    'realtime listening',
  );
  return {
    wsUrl: `ws://${config.HOST}:${port}/ws`,
    ingestUrl: `http://${config.HOST}:${ingestPort}`,
    hub,
    async close() {
      await liveSocket.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ingest.close();
      await infra.close();
    },
  };
}
