import { lazy, Suspense, useSyncExternalStore, type ComponentType } from 'react';
import { useLang } from '../i18n/lang-context';
import { loadPatiently } from './load-patiently';

/**
 * A screen whose code downloads when it is first opened, outside the clock's first download. On a
 * phone that lost its network before the service worker kept that code, the download fails: the
 * screen then says it opens once the phone is online, and tries again by itself (`loadPatiently`)
 * while the menu and the clock go on working. A failed `import()` under a plain `lazy` took the
 * whole app to its error screen, whose reload, offline, shows nothing at all.
 */
export function lazyScreen<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  let waitingForNetwork = false;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  const failed = () => {
    if (waitingForNetwork) return;
    waitingForNetwork = true;
    for (const listener of listeners) listener();
  };
  const Loaded = lazy(() =>
    loadPatiently(load, undefined, failed).then((Screen) => ({ default: Screen })),
  );

  function Waiting() {
    const { t } = useLang();
    const offline = useSyncExternalStore(subscribe, () => waitingForNetwork);
    return (
      <p className="muted" role="status" data-testid="screen-waiting">
        {t(offline ? 'screenNeedsNetwork' : 'loading')}
      </p>
    );
  }

  return function LazyScreen(props: P) {
    return (
      <Suspense fallback={<Waiting />}>
        <Loaded {...props} />
      </Suspense>
    );
  };
}
