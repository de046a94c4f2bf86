import type { FastifyInstance } from 'fastify';
import { pendingMigrations, type Database } from '@absensi/db';

/** /healthz: the process answers. /readyz: it can serve (database reachable, schema current). */
export function healthRoutes(app: FastifyInstance, nodeId: string, db: Database) {
  app.get('/healthz', () => ({ status: 'ok', node: nodeId }));

  app.get('/readyz', async (_request, reply) => {
    if (!(await db.ping())) {
      return reply
        .code(503)
        .send({ status: 'unavailable', node: nodeId, reason: 'database unreachable' });
    }
    const pending = await pendingMigrations(db).catch(() => null);
    if (pending === null || pending.length > 0) {
      return reply
        .code(503)
        .send({ status: 'unavailable', node: nodeId, reason: 'schema not current', pending });
    }
    return { status: 'ready', node: nodeId };
  });
}
