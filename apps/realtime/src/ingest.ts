import { timingSafeEqual } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import { z } from 'zod';
import { closeConnectionsWhenClosing, describeZodError } from '@absensi/api';
import { appEventSchema, type LiveHub } from '@absensi/events';

export const INGEST_PATH = '/internal/events';
// Every subscriber posts every event, so most events arrive as copies already published: the
// envelope is checked first, and only events not yet seen are validated in full.
const envelopeSchema = z.object({
  events: z
    .array(z.object({ id: z.string().min(1).max(64) }).passthrough())
    .min(1)
    .max(1_000),
});

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

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
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (!sameSecret(token, options.secret)) {
      return reply
        .code(401)
        .send({ error: 'A valid ingest secret is required (Authorization: Bearer …).' });
    }
    const envelope = envelopeSchema.safeParse(request.body);
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
