import type { FastifyInstance } from 'fastify';
import { closeConnectionsWhenClosing } from '@absensi/runtime';
import type { Metrics } from '../metrics.js';
import { sendWholeJsonAnswers } from './whole-responses.js';

/** Seconds a caller told "service unavailable" waits before trying again. */
export const RETRY_AFTER_SECONDS = '5';

/**
 * What every answer carries: the node that served it (`x-app-node`), `Retry-After` on a 503, one
 * body for a whole JSON answer, `Connection: close` while the node stops; and what it is counted as.
 */
export function shapeResponses(app: FastifyInstance, nodeId: string, metrics: Metrics) {
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('x-app-node', nodeId);
  });
  closeConnectionsWhenClosing(app);
  sendWholeJsonAnswers(app);
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode === 503 && !reply.hasHeader('retry-after'))
      reply.header('retry-after', RETRY_AFTER_SECONDS);
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeRequest(
      request.method,
      route.startsWith('/trpc') ? '/trpc' : route,
      reply.statusCode,
    );
    // A refusal under load is expected, and one line each would add to the load.
    if (reply.statusCode >= 500 && request.refusedForLoad !== true)
      request.log.warn({ url: request.url, status: reply.statusCode }, 'server error');
  });
}
