import { useEffect } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { useLang } from '../i18n/lang-context';
import { useAfterFirstPaint } from './after-paint';

/**
 * The service worker's news, as a dismissible toast floating over the page: a new version to
 * reload into, or the app now opening offline (gone by itself after 4 s). The worker is
 * registered once the first screen is drawn and the phone is idle (after-paint.ts): its
 * registration, and the install that follows, no longer compete with the clock for the phone's
 * main thread and network. The clock works without it (taps queue in IndexedDB either way).
 */
export function UpdatePrompt() {
  const painted = useAfterFirstPaint();
  // The region stays in the page, empty, so what appears in it is announced; it floats over the
  // page (fixed, top) and never pushes the clock down nor covers its button.
  return (
    <div className="toasts" role="status" aria-live="polite">
      {painted && <ServiceWorkerNews />}
    </div>
  );
}

/** Registers the service worker on mount; shows what it says. */
function ServiceWorkerNews() {
  const { t } = useLang();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      // Look for a new deployment every hour while the app stays open.
      if (registration) setInterval(() => void registration.update(), 60 * 60 * 1000);
    },
  });
  // "Ready offline" is news for a moment; a new version waits for the person to reload.
  useEffect(() => {
    if (!offlineReady) return;
    const timer = setTimeout(() => setOfflineReady(false), 4_000);
    return () => clearTimeout(timer);
  }, [offlineReady, setOfflineReady]);
  if (!needRefresh && !offlineReady) return null;
  return (
    <div className="toast" data-testid="toast">
      <span>{needRefresh ? t('updateAvailable') : t('offlineReady')}</span>
      {needRefresh && (
        <button className="button primary small" onClick={() => void updateServiceWorker(true)}>
          {t('reload')}
        </button>
      )}
      <button
        className="button small"
        onClick={() => {
          setNeedRefresh(false);
          setOfflineReady(false);
        }}
      >
        {t('dismiss')}
      </button>
    </div>
  );
}
