import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import { describeZodError } from '@absensi/api';
import {
  appEventSchema,
  ingestAuthorized,
  ingestEnvelopeSchema,
  INGEST_PATH,
  type LiveHub,
} from '@absensi/events';
import { closeConnectionsWhenClosing } from '@absensi/runtime';

/**
 * Realtime's internal endpoint: subscribers post batches of feed events here with the shared
 * secret; each event id is kept once. Never routed by nginx.
 */
export async function buildIngest(options: {
  hub: LiveHub;
  secret: string;
  logger: FastifyBaseLogger;
}) {
  const app = Fastify({
    loggerInstance: options.logger,
    bodyLimit: 4 * 1024 * 1024,
    logController: new LogController({ disableRequestLogging: true }),
  });
  closeConnectionsWhenClosing(app);

  app.get('/healthz', () => ({ status: 'ok', subscribers: options.hub.subscriberCount }));

  app.post(INGEST_PATH, async (request, reply) => {
    if (!ingestAuthorized(request.headers.authorization, options.secret)) {
      return reply
        .code(401)
        .send({ error: 'A valid ingest secret is required (Authorization: Bearer …).' });
    }
    const envelope = ingestEnvelopeSchema.safeParse(request.body);
    if (!envelope.success) return reply.code(400).send({ error: describeZodError(envelope.error) });
    const fresh = envelope.data.events.filter((event) => !options.hub.has(event.id));
    const parsed = z.array(appEventSchema).safeParse(fresh);
    if (!parsed.success) return reply.code(400).send({ error: describeZodError(parsed.error) });
    let accepted = 0;
    for (const event of parsed.data) if (options.hub.publish(event)) accepted += 1;
    return { accepted, duplicates: envelope.data.events.length - accepted };
  });

  return app;
}
