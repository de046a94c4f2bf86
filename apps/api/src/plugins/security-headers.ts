import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The Content-Security-Policy of every answer, by directive: the PWA loads only its own scripts,
 * styles, images (and small `data:` images Vite inlines), manifest and service worker, talks only
 * to its own origin (`/trpc`, and `/ws`: CSP Level 3 browsers count ws: and wss: of the same host
 * as 'self'), and no page may frame it. nginx.conf repeats the same policy for what nginx serves;
 * a test keeps the two equal.
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'object-src': ["'none'"],
} as const satisfies Record<string, readonly string[]>;

/** The policy as one header value, as helmet writes it and nginx.conf repeats it. */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, values]) => `${name} ${values.join(' ')}`)
  .join(';');

/** The location is asked for at clock-in; nothing else the PWA does needs a device. */
export const PERMISSIONS_POLICY = 'geolocation=(self), camera=(), microphone=()';
/** Links out of the app carry no URL of ours. */
export const REFERRER_POLICY = 'no-referrer';
/** Sent only behind HTTPS (COOKIE_SECURE=true): 180 days; subdomains are not ours to decide. */
export const HSTS_MAX_AGE_SECONDS = 15_552_000;

function helmetOptions(https: boolean): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...CSP_DIRECTIVES,
        // Upgrading would send an http-only install's requests to a port that does not answer.
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: REFERRER_POLICY },
    strictTransportSecurity: https
      ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: false }
      : false,
    crossOriginEmbedderPolicy: false,
  };
}

/**
 * The headers helmet sets with these options, worked out once: nothing in them depends on the
 * request (no CSP nonces), and running helmet's dozen middlewares on every answer cost 3–5 % of a
 * read's CPU (a profile of `attendance.today`, 2026-12-02).
 */
export function securityHeaders(https: boolean): Record<string, string> {
  const headers: Record<string, string> = { 'permissions-policy': PERMISSIONS_POLICY };
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  } as unknown as ServerResponse;
  let failure: unknown;
  helmet(helmetOptions(https))({} as IncomingMessage, response, (error?: unknown) => {
    failure = error;
  });
  if (failure !== undefined)
    throw failure instanceof Error
      ? failure
      : new Error('helmet refused its options', { cause: failure });
  return headers;
}

/**
 * The security headers of every answer of this server, set in one place with helmet: the CSP
 * above, `X-Frame-Options: DENY` for browsers without frame-ancestors, nosniff, the referrer
 * policy, cross-origin isolation of windows and resources, the permissions policy, and HSTS when
 * served over HTTPS.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { https: boolean }) {
  const headers = securityHeaders(options.https);
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(headers);
  });
}
