import { useEffect } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { useLang } from '../i18n/lang-context';

/** The service worker's news: a new version to reload into, or the app now opening offline. */
export function UpdatePrompt() {
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
    <div className="toast" role="status">
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
