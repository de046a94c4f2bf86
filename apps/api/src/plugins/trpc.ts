import { TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import {
  fastifyTRPCPlugin,
  type CreateFastifyContextOptions,
  type FastifyTRPCPluginOptions,
} from '@trpc/server/adapters/fastify';
import type { FastifyInstance } from 'fastify';
import {
  appRouter,
  MAX_BATCH_CALLS,
  type AppDeps,
  type AppRouter,
  type Context,
} from '@absensi/api';
import { RETRY_AFTER_SECONDS } from './responses.js';
import { requestSession } from './session.js';
import { preSerializedFor } from './whole-responses.js';

function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

/**
 * A call that changes something (POST) must say `Content-Type: application/json`. An HTML form on
 * another site can send only urlencoded, multipart or text bodies, and a page's script may send
 * JSON only to its own origin (the browser asks first, and we allow no other): so no cross-site
 * page can make a signed-in person's browser change anything. Refused in tRPC's error shape, 415.
 */
function requireJsonMutations(app: FastifyInstance) {
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'POST' || !request.url.startsWith('/trpc/')) return;
    if (mediaTypeOf(request.headers['content-type']) === 'application/json') return;
    return reply.code(415).send({
      error: {
        message:
          'Send calls that change something as JSON (Content-Type: application/json); forms and other content types are refused.',
        code: TRPC_ERROR_CODES_BY_KEY.UNSUPPORTED_MEDIA_TYPE,
        data: { code: 'UNSUPPORTED_MEDIA_TYPE', httpStatus: 415 },
      },
    });
  });
}

/** The router over HTTP at /trpc, one context per request, at most MAX_BATCH_CALLS calls a request. */
export async function registerTrpc(app: FastifyInstance, deps: AppDeps) {
  requireJsonMutations(app);
  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      maxBatchSize: MAX_BATCH_CALLS,
      createContext: ({ req }: CreateFastifyContextOptions): Context => ({
        deps,
        session: requestSession(req),
        clientAddress: req.ip,
        preSerialized: preSerializedFor(req),
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
