import type { FastifyInstance } from 'fastify';
import { exportFile, EXPORT_ROUTE, isDomainError, signedInActor } from '@absensi/core';
import type { AppDeps } from '@absensi/api';
import { sessionClaim } from '../plugins/session.js';

/**
 * A finished export, to the admin or manager who started it (the worker stores it; any node hands
 * it out): an admin's month of records, a manager's recap of their people.
 */
export function exportsRoute(app: FastifyInstance, deps: AppDeps) {
  app.get<{ Params: { jobId: string } }>(EXPORT_ROUTE, async (request, reply) => {
    const actor = await signedInActor(deps, sessionClaim(request)).catch((error: unknown) => {
      if (isDomainError(error)) return null;
      throw error;
    });
    if (actor?.role !== 'admin' && actor?.role !== 'manager')
      return reply
        .code(401)
        .send({ error: 'Sign in as an administrator or a manager to download exports.' });
    const file = await exportFile(deps, actor, request.params.jobId);
    if (!file)
      return reply
        .code(404)
        .send({ error: 'There is no such export of yours. It may still be running.' });
    return reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'private, no-store')
      .send(file.content);
  });
}
