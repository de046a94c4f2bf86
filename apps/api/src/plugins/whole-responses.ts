import type { FastifyInstance } from 'fastify';

/** A tRPC answer that is one JSON document, not a jsonl batch stream or server-sent events. */
function isWholeJson(response: Response): boolean {
  return (
    response.body !== null &&
    !response.headers.has('transfer-encoding') &&
    (response.headers.get('content-type') ?? '').startsWith('application/json')
  );
}

/**
 * tRPC's Fastify adapter hands Fastify a fetch Response, which Fastify streams chunk by chunk with
 * chunked transfer encoding. A whole JSON answer is sent here as one buffer with a Content-Length
 * instead: one socket write, no stream reader (about 15 % of a small read's CPU in the profile).
 * Streams (httpBatchStreamLink, SSE) go through untouched.
 */
export function sendWholeJsonAnswers(app: FastifyInstance) {
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!(payload instanceof Response) || !isWholeJson(payload)) return payload;
    reply.code(payload.status);
    payload.headers.forEach((value, name) => {
      reply.header(name, value);
    });
    return Buffer.from(await payload.arrayBuffer());
  });
}
