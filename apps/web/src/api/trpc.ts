import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { AppRouter } from './types';

/** `useTRPC()` gives each procedure's TanStack Query options: queryOptions, mutationOptions, keys. */
export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();
