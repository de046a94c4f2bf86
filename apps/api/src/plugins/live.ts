import type { FastifyInstance } from 'fastify';
import type { LiveSocket } from '@absensi/api';

/** Subscriptions on /ws in this process (the embedded mode); other upgrades are refused. */
export function serveLiveSocket(app: FastifyInstance, live: LiveSocket | undefined) {
  if (!live) return;
  app.server.on('upgrade', (request, socket, head) => {
    if (!live.handleUpgrade(request, socket, head)) socket.destroy();
  });
}
