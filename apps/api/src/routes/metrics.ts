import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../metrics.js';

/** Prometheus metrics of this node. */
export function metricsRoute(app: FastifyInstance, metrics: Metrics) {
  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
