import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifySession from '@fastify/session';
import fastifyStatic from '@fastify/static';
import {
  fastifyTRPCPlugin,
  type CreateFastifyContextOptions,
  type FastifyTRPCPluginOptions,
} from '@trpc/server/adapters/fastify';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyRequest } from 'fastify';
import {
  appRouter,
  closeConnectionsWhenClosing,
  SESSION_COOKIE,
  type AppDeps,
  type AppRouter,
  type Context,
  type LiveSocket,
  type RequestSession,
  type SessionStore,
} from '@absensi/api';
import { pendingMigrations } from '@absensi/db';
import type { Metrics } from './metrics.js';
import { sendWholeJsonAnswers } from './whole-responses.js';

declare module 'fastify' {
  interface Session {
    userId?: number;
  }
}

export interface ServerOptions {
  deps: AppDeps;
  metrics: Metrics;
  sessions: SessionStore;
  sessionSecret: string;
  sessionTtlHours: number;
  cookieSecure: boolean;
  trustProxy: boolean;
  logger: FastifyBaseLogger;
  /** The built PWA to serve at /, when this process serves it (the embedded mode). */
  webRoot?: string | undefined;
  /** Subscriptions on /ws in this process (the embedded mode). */
  liveSocket?: LiveSocket | undefined;
}

const RETRY_AFTER_SECONDS = '5';

function requestSession(request: FastifyRequest): RequestSession {
  return {
    userId: request.session.get('userId') ?? null,
    async signIn(userId) {
      await request.session.regenerate();
      request.session.set('userId', userId);
      await request.session.save();
    },
    async signOut() {
      await request.session.destroy();
    },
  };
}

/** One API node: tRPC over HTTP at /trpc, health, readiness and metrics; listening is the caller's job. */
export async function buildServer(options: ServerOptions) {
  const { deps } = options;
  const app = Fastify({
    loggerInstance: options.logger,
    trustProxy: options.trustProxy,
    bodyLimit: 256 * 1024,
    routerOptions: { maxParamLength: 5_000 },
    // Per-request lines would dominate the logs at rush hour; errors and 5xx are still logged.
    logController: new LogController({ disableRequestLogging: true }),
  });

  app.addHook('onRequest', async (_request, reply) => {
    reply.header('x-app-node', deps.nodeId);
  });
  closeConnectionsWhenClosing(app);
  sendWholeJsonAnswers(app);
  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode === 503) reply.header('retry-after', RETRY_AFTER_SECONDS);
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    options.metrics.observeRequest(
      request.method,
      route.startsWith('/trpc') ? '/trpc' : route,
      reply.statusCode,
    );
    if (reply.statusCode >= 500)
      request.log.warn({ url: request.url, status: reply.statusCode }, 'server error');
  });

  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    secret: options.sessionSecret,
    cookieName: SESSION_COOKIE,
    // Our stores keep the same callback contract; the plugin's type only names its own Session shape.
    store: options.sessions as unknown as fastifySession.SessionStore,
    saveUninitialized: false,
    // Written at sign-in only: a rolling session would write to Redis and the database on every request.
    rolling: false,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: options.cookieSecure,
      path: '/',
      maxAge: options.sessionTtlHours * 3_600_000,
    },
  });

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

  // A finished export, to the admin who started it (the worker stores it; any node hands it out).
  app.get<{ Params: { jobId: string } }>('/exports/:jobId', async (request, reply) => {
    const userId = request.session.get('userId');
    const owner =
      userId === undefined
        ? null
        : await deps.db.models.User.findByPk(userId, { attributes: ['id', 'role', 'active'] });
    if (!owner?.active || owner.role !== 'admin') {
      return reply.code(401).send({ error: 'Sign in as an administrator to download exports.' });
    }
    const file = await deps.db.models.ReportFile.findOne({
      where: { jobId: request.params.jobId, ownerId: owner.id },
    });
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

  app.get('/healthz', () => ({ status: 'ok', node: deps.nodeId }));

  app.get('/readyz', async (_request, reply) => {
    if (!(await deps.db.ping())) {
      return reply
        .code(503)
        .send({ status: 'unavailable', node: deps.nodeId, reason: 'database unreachable' });
    }
    const pending = await pendingMigrations(deps.db).catch(() => null);
    if (pending === null || pending.length > 0) {
      return reply
        .code(503)
        .send({ status: 'unavailable', node: deps.nodeId, reason: 'schema not current', pending });
    }
    return { status: 'ready', node: deps.nodeId };
  });

  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', options.metrics.registry.contentType);
    return options.metrics.registry.metrics();
  });

  if (options.webRoot && existsSync(options.webRoot)) {
    await app.register(fastifyStatic, {
      root: options.webRoot,
      wildcard: false,
      // Our own Cache-Control below; the plugin's default (max-age=0) would replace it.
      cacheControl: false,
      setHeaders(response, path) {
        const immutable = /[/\\]assets[/\\]/.test(path);
        response.setHeader(
          'cache-control',
          immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
    // Client-side routes fall back to the app shell.
    app.setNotFoundHandler((request, reply) => {
      if (
        request.method === 'GET' &&
        !request.url.startsWith('/trpc') &&
        request.headers.accept?.includes('text/html')
      ) {
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
      }
      return reply.code(404).send({ error: 'Not Found' });
    });
  }

  if (options.liveSocket) {
    const live = options.liveSocket;
    app.server.on('upgrade', (request, socket, head) => {
      if (!live.handleUpgrade(request, socket, head)) socket.destroy();
    });
  }

  return app;
}
