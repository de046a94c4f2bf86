import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * The built PWA at /: hashed assets cached for good, the shell and service worker revalidated.
 * The build writes a Brotli (`.br`) and a gzip (`.gz`) twin beside each text file
 * (vite-plugin-compression2 in apps/web/vite.config.ts); a client that accepts one of them gets it
 * (`content-encoding: br` or `gzip`), any other the plain file. Every file says `Vary:
 * accept-encoding`, so no cache in between hands a compressed body to a client that did not ask.
 */
export async function serveWebApp(app: FastifyInstance, webRoot: string | undefined) {
  if (!webRoot || !existsSync(webRoot)) return;
  await app.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    preCompressed: true,
    // Our own Cache-Control below; the plugin's default (max-age=0) would replace it.
    cacheControl: false,
    setHeaders(response, path) {
      const immutable = /[/\\]assets[/\\]/.test(path);
      response.setHeader(
        'cache-control',
        immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      response.setHeader('vary', 'accept-encoding');
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
