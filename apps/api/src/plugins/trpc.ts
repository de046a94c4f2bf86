import {
  fastifyTRPCPlugin,
  type CreateFastifyContextOptions,
  type FastifyTRPCPluginOptions,
} from '@trpc/server/adapters/fastify';
import type { FastifyInstance } from 'fastify';
import { appRouter, type AppDeps, type AppRouter, type Context } from '@absensi/api';
import { RETRY_AFTER_SECONDS } from './responses.js';
import { requestSession } from './session.js';

/** The router over HTTP at /trpc, one context per request. */
export async function registerTrpc(app: FastifyInstance, deps: AppDeps) {
  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req }: CreateFastifyContextOptions): Context => ({
        deps,
        session: requestSession(req),
        clientAddress: req.ip,
      }),
      // A caller told "service unavailable" should know when to come back. Said here because a
      // streamed tRPC answer carries its status past Fastify's onSend hooks.
      responseMeta: ({ errors }) =>
        errors.some((error) => error.code === 'SERVICE_UNAVAILABLE')
          ? { headers: { 'retry-after': RETRY_AFTER_SECONDS } }
          : {},
      onError({ error, path }) {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          app.log.error({ err: error.cause ?? error, path }, 'tRPC error');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });
}
