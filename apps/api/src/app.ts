import Fastify, { LogController, type FastifyBaseLogger } from 'fastify';
import type { AppDeps, LiveSocket } from '@absensi/api';
import type { ProxyTrust, SessionStore } from '@absensi/runtime';
import type { Metrics } from './metrics.js';
import { registerAdmission, type AdmissionOptions } from './plugins/admission.js';
import { serveLiveSocket } from './plugins/live.js';
import { shapeResponses } from './plugins/responses.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { registerSessions } from './plugins/session.js';
import { registerTrpc } from './plugins/trpc.js';
import { serveWebApp } from './plugins/web.js';
import { exportsRoute } from './routes/exports.js';
import { healthRoutes } from './routes/health.js';
import { metricsRoute } from './routes/metrics.js';

export interface AppOptions {
  deps: AppDeps;
  metrics: Metrics;
  sessions: SessionStore;
  sessionSecret: string;
  sessionTtlHours: number;
  /** Served behind HTTPS: Secure cookies, HSTS. */
  cookieSecure: boolean;
  /** Who may name the client's address in X-Forwarded-For (TRUST_PROXY, see proxyTrust). */
  trustProxy: ProxyTrust | false;
  /** The bearer token /metrics requires; unset, /metrics answers 404. */
  metricsToken?: string | undefined;
  logger: FastifyBaseLogger;
  /** The built PWA to serve at /, when this process serves it (the embedded mode). */
  webRoot?: string | undefined;
  /** Subscriptions on /ws in this process (the embedded mode). */
  liveSocket?: LiveSocket | undefined;
  /** Admission control's budgets and signal (plugins/admission.ts); unset, every call is taken. */
  admission?: AdmissionOptions | undefined;
}

/** The largest request body taken (a tap, a login or a correction is a few hundred bytes); more is 413. */
export const MAX_BODY_BYTES = 256 * 1024;

/** One API node: tRPC over HTTP at /trpc, health, readiness and metrics; listening is the caller's job. */
export async function buildApp(options: AppOptions) {
  const { deps } = options;
  const app = Fastify({
    loggerInstance: options.logger,
    trustProxy: options.trustProxy,
    bodyLimit: MAX_BODY_BYTES,
    routerOptions: { maxParamLength: 5_000 },
    // Per-request lines would dominate the logs at rush hour; errors and 5xx are still logged.
    logController: new LogController({ disableRequestLogging: true }),
  });
  shapeResponses(app, deps.nodeId, options.metrics);
  // Before the session and the body: a refused call costs no more than its headers.
  if (options.admission) await registerAdmission(app, options.admission);
  registerSecurityHeaders(app, { https: options.cookieSecure });
  await registerSessions(app, options);
  await registerTrpc(app, deps);
  exportsRoute(app, deps);
  healthRoutes(app, deps.nodeId, deps.db);
  metricsRoute(app, options.metrics, options.metricsToken);
  await serveWebApp(app, options.webRoot);
  serveLiveSocket(app, options.liveSocket);
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
