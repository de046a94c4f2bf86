/**
 * The built PWA as the node serves it in embedded mode (plugins/web.ts): a browser that accepts
 * Brotli or gzip gets the build's precompressed twin of a file, any other client the plain file,
 * and every answer says it varies with Accept-Encoding.
 */
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWebApp } from '../src/plugins/web.js';

const SCRIPT = `export const clock = ${JSON.stringify('tap '.repeat(400))};\n`;
const SHELL = '<!doctype html><title>Absensi</title><div id="root"></div>';

describe('the built PWA, served by the node', () => {
  let app: FastifyInstance;
  let root: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'absensi-web-'));
    mkdirSync(join(root, 'assets'));
    const files: Record<string, string> = { 'index.html': SHELL, 'assets/index-1a2b.js': SCRIPT };
    for (const [name, text] of Object.entries(files)) {
      writeFileSync(join(root, name), text);
      writeFileSync(join(root, `${name}.br`), brotliCompressSync(text));
      writeFileSync(join(root, `${name}.gz`), gzipSync(text));
    }
    writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    app = Fastify();
    await serveWebApp(app, root);
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('sends the Brotli twin of a script to a browser that accepts br', async () => {
    const response = await app.inject({
      url: '/assets/index-1a2b.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.rawPayload.length).toBeLessThan(SCRIPT.length / 4);
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(SCRIPT);
  });

  it('sends the gzip twin to a client that accepts gzip alone', async () => {
    const response = await app.inject({
      url: '/assets/index-1a2b.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(response.rawPayload).toString()).toBe(SCRIPT);
  });

  it('sends the plain file to a client that accepts no encoding', async () => {
    const response = await app.inject({ url: '/assets/index-1a2b.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.body).toBe(SCRIPT);
  });

  it('sends the shell compressed on a client-side route, revalidated', async () => {
    const response = await app.inject({
      url: '/history',
      headers: { accept: 'text/html', 'accept-encoding': 'br' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(SHELL);
  });

  it('sends a file the build left uncompressed as it is, whatever the client accepts', async () => {
    const response = await app.inject({
      url: '/favicon.svg',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body).toContain('<svg');
  });
});
