import { QueryClientProvider } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { trpcClient } from './client';
import { TRPCProvider } from './trpc';

/**
 * The query cache (made by main.tsx, which starts the first reads into it before the first render)
 * and the typed procedures, for every screen below.
 */
export function ApiProvider({
  queryClient,
  children,
}: {
  queryClient: QueryClient;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
