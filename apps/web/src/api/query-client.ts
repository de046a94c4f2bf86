import { QueryClient } from '@tanstack/react-query';

/**
 * TanStack Query as the app had it before: a screen reads when it opens, when what it shows has
 * changed (invalidation) or when the person asks; a failed read shows at once, saying why, with
 * "Try again" (no silent retries); calls go out offline too, so "no network" is said rather than
 * waited on (the tap queue, not the cache, is what works offline).
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: false,
        networkMode: 'always',
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
      mutations: { networkMode: 'always' },
    },
  });
}
