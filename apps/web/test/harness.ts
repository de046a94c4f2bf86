/**
 * What the browser tests stand on: a real API node (embedded mode, its own SQLite database and
 * DATA_DIR) serving this package's built dist/, Debian's Chromium driven by playwright-core, and a
 * cookie-keeping tRPC client for setting up users and reading what the server recorded.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTRPCClient, httpLink } from '@trpc/client';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
} from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { AppRouter } from '@absensi/api';
import { startNode, type RunningNode } from '@absensi/api-node';
import { parseConfig, testEnvironment } from '@absensi/config';

export const CHROMIUM = '/usr/bin/chromium';
export const DIST = fileURLToPath(new URL('../dist', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('../test-artifacts', import.meta.url));
/** Debian's Chromium, headless; never a downloaded browser. */
export const LAUNCH = {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
};
export const ADMIN = { email: 'admin@example.com', password: 'admin-password-123', name: 'Admin' };

/** Why the browser tests cannot run here, or null. In CI that is a failure, never a skip. */
export function missingPrerequisite(): string | null {
  if (!existsSync(CHROMIUM))
    return `Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`;
  if (!existsSync(join(DIST, 'index.html')))
    return `the web app is not built (${DIST}): run npm run build`;
  return null;
}

export function checkPrerequisites(): boolean {
  const missing = missingPrerequisite();
  if (missing === null) return true;
  if (testEnvironment().ci) throw new Error(`browser tests cannot run: ${missing}`);
  console.warn(`SKIPPING the browser tests: ${missing}`);
  return false;
}

export function apiClient(baseUrl: string) {
  const jar = new Map<string, string>();
  const fetchWithCookies: typeof fetch = async (input, init) => {
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(input, {
      ...init,
      headers: { ...(init?.headers as Record<string, string>), ...(cookie ? { cookie } : {}) },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      jar.set(name!.trim(), rest.join('='));
    }
    return response;
  };
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${baseUrl}/trpc`, fetch: fetchWithCookies })],
  });
}

export type ApiClient = ReturnType<typeof apiClient>;

export interface Stack {
  url: string;
  node: RunningNode;
  admin: ApiClient;
  browser: Browser;
  /** Cuts every live WebSocket and refuses new ones until `restore()`: a dropped connection. */
  dropLive(): { restore(): void };
  /** Makes an employee (with a password) and returns their credentials. */
  employee(
    name: string,
    department?: string,
  ): Promise<{ id: number; email: string; password: string; name: string }>;
  stop(): Promise<void>;
}

let counter = 0;

export async function startStack(): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'absensi-web-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const config = parseConfig({
    DATABASE_URL: `sqlite:${join(dir, 'absensi.sqlite')}`,
    DATA_DIR: dir,
    HOST: '127.0.0.1',
    PORT: '0',
    APP_NODE_ID: 'api-1',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
    WEB_DIST: DIST,
  });
  const node = await startNode(config);
  const url = node.url.replace('localhost', '127.0.0.1');
  const liveSockets = new Set<Duplex>();
  let refuseLive = false;
  node.app.server.prependListener('upgrade', (request: IncomingMessage, socket: Duplex) => {
    if (!request.url?.startsWith('/ws')) return;
    if (refuseLive) {
      socket.destroy();
      return;
    }
    liveSockets.add(socket);
    socket.once('close', () => liveSockets.delete(socket));
  });
  const admin = apiClient(url);
  await admin.auth.login.mutate({ email: ADMIN.email, password: ADMIN.password });
  const browser = await chromium.launch(LAUNCH);
  return {
    url,
    node,
    admin,
    browser,
    dropLive() {
      refuseLive = true;
      for (const socket of liveSockets) socket.destroy();
      return {
        restore: () => {
          refuseLive = false;
        },
      };
    },
    async employee(name, department = 'Operations') {
      counter += 1;
      const email = `employee${counter}-${Date.now()}@example.com`;
      const password = 'employee-password-1';
      const created = await admin.admin.users.create.mutate({ name, email, password, department });
      return { id: created.user.id, email, password, name };
    },
    async stop() {
      await browser.close().catch(() => undefined);
      await node.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * One stack for the tests of a describe block: started before them, stopped after them with every
 * browser context they opened through `newContext`.
 */
/** Records a context's CSP violations: the console's "Refused to…" and the DOM's own event. */
async function watchCsp(context: BrowserContext, violations: string[]) {
  await context.exposeFunction('__reportCsp', (text: string) => violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCsp: (text: string) => void }).__reportCsp;
      report(`${event.violatedDirective} blocked ${event.blockedURI} in ${event.documentURI}`);
    });
  });
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
}

export function useStack() {
  let stack: Stack | undefined;
  const contexts: BrowserContext[] = [];
  /** What Chromium reported as blocked by the Content-Security-Policy, in every context. */
  const cspViolations: string[] = [];
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await stack?.stop();
  });
  return {
    get stack(): Stack {
      if (!stack) throw new Error('the stack has not started');
      return stack;
    },
    /** A context (a separate browser profile) closed when the tests are done. */
    async newContext(options: BrowserContextOptions) {
      const context = await this.stack.browser.newContext(options);
      contexts.push(context);
      await watchCsp(context, cspViolations);
      return context;
    },
    /** Keeps a context opened elsewhere to close with the others, watching it for CSP violations. */
    async keep(context: BrowserContext) {
      contexts.push(context);
      await watchCsp(context, cspViolations);
    },
    cspViolations,
  };
}
