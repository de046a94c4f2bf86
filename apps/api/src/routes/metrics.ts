import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../metrics.js';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Prometheus metrics of this node, for a scraper holding METRICS_TOKEN (`Authorization: Bearer
 * <token>`). Without a token configured there are none to read: 404. They name every procedure,
 * its traffic and the node's memory, which is nobody else's business.
 */
export function metricsRoute(app: FastifyInstance, metrics: Metrics, token: string | undefined) {
  app.get('/metrics', async (request, reply) => {
    if (token === undefined)
      return reply
        .code(404)
        .send({ error: 'Metrics are off on this node: set METRICS_TOKEN to read them.' });
    const given = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    if (!sameSecret(given, token))
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="metrics"')
        .send({ error: 'Send the metrics token as Authorization: Bearer <METRICS_TOKEN>.' });
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
