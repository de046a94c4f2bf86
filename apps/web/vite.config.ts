import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';

/** What the employee screen may load before it works: its entry and every chunk that entry imports statically. */
export const EMPLOYEE_JS_BUDGET_BYTES = 70 * 1024;

interface ChunkInfo {
  type: 'chunk';
  fileName: string;
  code: string;
  isEntry: boolean;
  imports: string[];
  modules: Record<string, { renderedLength: number }>;
}

function packageOf(id: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  return match ? match[1]! : 'app';
}

/** Prints the gzipped size of the employee screen's JavaScript and fails the build over budget. */
function employeeBudget(): Plugin {
  return {
    name: 'absensi:employee-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, ChunkInfo>();
      for (const item of Object.values(bundle)) {
        if (item.type === 'chunk') chunks.set(item.fileName, item);
      }
      const entry = [...chunks.values()].find(
        (chunk) => chunk.isEntry && chunk.fileName.startsWith('assets/'),
      );
      if (!entry) return;
      const seen = new Set<string>();
      const visit = (name: string) => {
        if (seen.has(name)) return;
        seen.add(name);
        for (const next of chunks.get(name)?.imports ?? []) visit(next);
      };
      visit(entry.fileName);
      let total = 0;
      const lines: string[] = [];
      for (const name of seen) {
        const size = gzipSync(chunks.get(name)!.code, { level: 9 }).length;
        total += size;
        lines.push(`    ${name}  ${(size / 1024).toFixed(1)} KB gzip`);
      }
      const byPackage = new Map<string, number>();
      for (const name of seen) {
        for (const [id, info] of Object.entries(chunks.get(name)!.modules)) {
          byPackage.set(packageOf(id), (byPackage.get(packageOf(id)) ?? 0) + info.renderedLength);
        }
      }
      const biggest = [...byPackage.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6);
      lines.push(
        `    largest parts (before minifying): ${biggest.map(([pkg, size]) => `${pkg} ${(size / 1024).toFixed(0)} KB`).join(', ')}`,
      );
      const kb = (total / 1024).toFixed(1);
      const budget = EMPLOYEE_JS_BUDGET_BYTES / 1024;
      console.log(
        `\nemployee screen JS: ${kb} KB gzipped (budget ${budget} KB)\n${lines.join('\n')}\n`,
      );
      if (total > EMPLOYEE_JS_BUDGET_BYTES) {
        this.error(
          `The employee screen's JavaScript is ${kb} KB gzipped, over the ${budget} KB budget.`,
        );
      }
    },
  };
}

/**
 * The modules the entry imports statically, directly or not: the employee's first screen. Kept in
 * one chunk: left to itself the bundler splits them into shared chunks as soon as lazy screens
 * import some too (rolldown issue #10731), which cost the first download about 3 KB.
 */
const firstScreen = new Set<string>();
/** @trpc/client's WebSocket link: its index reaches it, but only the lazily loaded live link uses it. */
const WS_LINK = /[\\/]@trpc[\\/]client[\\/]dist[\\/](links[\\/])?wsLink/;

function firstScreenModules(): Plugin {
  return {
    name: 'absensi:first-screen-modules',
    apply: 'build',
    buildEnd() {
      firstScreen.clear();
      const visit = (id: string) => {
        if (firstScreen.has(id) || WS_LINK.test(id)) return;
        firstScreen.add(id);
        for (const next of this.getModuleInfo(id)?.importedIds ?? []) visit(next);
      };
      for (const id of this.getModuleIds()) if (this.getModuleInfo(id)?.isEntry) visit(id);
    },
  };
}

/** Chunks that src/app/after-paint.ts loads once the first screen is drawn. */
const AFTER_PAINT = /(NotificationBell|live-link|reasons|workbox-window)[^/]*\.js$/;

const API = 'http://127.0.0.1:8000';

/**
 * React's API from Preact (preact/compat): the same components and hooks (TanStack Query and
 * tRPC's React integration included) at a tenth of react-dom's weight, which was most of what the
 * employee's phone downloaded first (98.6 KB gzipped with React 19, 40.9 KB with Preact). JSX
 * compiles to Preact's runtime; an edit in development reloads the page (no React Fast Refresh).
 */
const PREACT_ALIASES = [
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/compat/jsx-dev-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];

export default defineConfig({
  resolve: { alias: PREACT_ALIASES },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: 'Absensi',
        short_name: 'Absensi',
        description: 'Clock in and out, and see who is at work.',
        lang: 'id',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#f8fafc',
        theme_color: '#0f766e',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/trpc/, /^\/ws/, /^\/healthz/, /^\/readyz/, /^\/metrics/],
        cleanupOutdatedCaches: true,
        importScripts: ['push-sw.js'],
      },
    }),
    employeeBudget(),
    firstScreenModules(),
    // A Brotli and a gzip twin of every text file, sent by the node in embedded mode
    // (apps/api/src/plugins/web.ts, @fastify/static `preCompressed`) to a browser that accepts one;
    // nginx compresses on the fly in the cluster. Brotli at its best quality: built once, sent often.
    compression({
      include: /\.(js|mjs|css|html|svg|json|webmanifest)$/,
      threshold: 512,
      skipIfLargerOrEqual: true,
      algorithms: ['gzip', 'brotliCompress'],
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    modulePreload: {
      // Every browser that runs this app knows <link rel=modulepreload>.
      polyfill: false,
      // What is loaded after the first paint (the bell, the live link, the refusal texts, the
      // service worker's helper) fetches its own imports when it comes: no <link> elements made
      // for it while the clock is drawn. The first screen is one chunk; a lazy screen still gets
      // its shared chunks preloaded with it.
      resolveDependencies: (filename, deps) => (AFTER_PAINT.test(filename) ? [] : deps),
    },
    rolldownOptions: {
      // "use client" in TanStack Query's modules is for React Server Components; nothing to do here.
      onLog(level, log, handler) {
        if (log.code !== 'MODULE_LEVEL_DIRECTIVE') handler(level, log);
      },
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'index',
              test: (id: string) => firstScreen.has(id),
              // Only these: the WebSocket link @trpc/client's index imports stays with the live link.
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
      treeshake: {
        // @trpc/client's modules touch nothing outside themselves, but its package does not say so:
        // told, the bundler leaves the WebSocket link (imported by src/api/live-link.ts alone) out
        // of the employee's first download.
        moduleSideEffects: (id) => (/\/node_modules\/@trpc\/client\//.test(id) ? false : undefined),
      },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/trpc': API,
      '/ws': { target: API.replace('http', 'ws'), ws: true },
    },
  },
});
