/**
 * The one way the app talks to the server: subscriptions over the WebSocket at /ws (its code
 * fetched when first needed), everything else batched over HTTP at /trpc, same origin, with the
 * session cookie.
 */
import { createTRPCClient, httpBatchLink, splitLink } from '@trpc/client';
import { lazyLink } from './lazy-link';
import type { AppRouter } from './types';

export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === 'subscription',
      true: lazyLink(() => import('./live-link').then((module) => module.liveLink)),
      false: httpBatchLink({
        url: '/trpc',
        // The server takes at most 10 calls in one request (MAX_BATCH_CALLS in @absensi/api).
        maxItems: 10,
        fetch: (url, options) => fetch(url, { ...options, credentials: 'same-origin' }),
      }),
    }),
  ],
});
