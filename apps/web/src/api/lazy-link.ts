import { TRPCClientError, type OperationLink, type TRPCLink } from '@trpc/client';
import type { AnyTRPCRouter } from '@trpc/server';
import { observable, type Unsubscribable } from '@trpc/server/observable';

/**
 * A terminating link whose code is fetched on its first operation, then kept: what only some
 * screens use stays out of the first download. An operation cancelled before the code arrives is
 * never started; code that cannot be fetched fails the operation as a network error would.
 */
export function lazyLink<TRouter extends AnyTRPCRouter>(
  load: () => Promise<TRPCLink<TRouter>>,
): TRPCLink<TRouter> {
  return (runtime) => {
    let loaded: Promise<OperationLink<TRouter>> | undefined;
    return ({ op, next }) =>
      observable((observer) => {
        let cancelled = false;
        let inner: Unsubscribable | undefined;
        (loaded ??= load().then((link) => link(runtime))).then(
          (operationLink) => {
            if (!cancelled) inner = operationLink({ op, next }).subscribe(observer);
          },
          (cause: unknown) => {
            loaded = undefined;
            if (!cancelled) observer.error(TRPCClientError.from(cause as Error));
          },
        );
        return () => {
          cancelled = true;
          inner?.unsubscribe();
        };
      });
  };
}
