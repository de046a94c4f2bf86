import type { FastifyInstance } from 'fastify';

/**
 * Once the server is closing, every answer says "Connection: close". Fastify stops only when its
 * last connection does, and a kept-alive one (nginx's upstream pool, a subscriber's agent, a
 * browser) that was busy when the close began would hold it open past the grace period, and keep
 * bringing requests that can only be refused.
 */
export function closeConnectionsWhenClosing(app: FastifyInstance) {
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
}
