import { lazy, Suspense, useCallback, useEffect, useRef } from 'react';
import { useSession } from '../auth/session';
import type { TapSync } from '../clock/sync';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useLang } from '../i18n/lang-context';
import { OwnLiveUpdates } from '../live/OwnLiveUpdates';
import { ZoneNotice } from '../time/ZoneNotice';
import { useOnline } from '../ui/use-online';
import { MainMenu } from './MainMenu';
import { Page } from './Page';
import { useAfterFirstPaint } from './after-paint';
import { loadPatiently } from './load-patiently';
import { useRoute } from './route';

// The unread count and its live subscription: after the first screen, never in its download
// (and, asked for when the network is gone, tried again rather than failing the app).
const NotificationBell = lazy(() =>
  loadPatiently(() => import('../notifications/NotificationBell')),
);

/**
 * The signed-in frame: brand, menu, language, sign-out, the offline banner, and the page. Outside
 * the admin area the person's own records follow their live events, and what others changed is
 * told above the page.
 */
export function Shell({ sync }: { sync: TapSync }) {
  const { t } = useLang();
  const { me, signOut } = useSession();
  const path = useRoute();
  const online = useOnline();
  const inAdminArea = path.startsWith('/admin');
  const forgetAnswer = useCallback(() => sync.forgetAnswer(), [sync]);
  // After the first paint, each in an idle moment of its own: the bell, then the live link.
  const bellShown = useAfterFirstPaint();
  const liveOn = useAfterFirstPaint();
  const mainRef = useRef<HTMLElement>(null);
  useEffect(() => {
    mainRef.current?.focus({ preventScroll: true });
  }, [path]);
  return (
    <>
      <a className="skip" href="#main">
        {t('skipToContent')}
      </a>
      <header className="topbar">
        <div className="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>{t('appName')}</span>
        </div>
        <MainMenu path={path} role={me.role} />
        <div className="tools">
          {/* Its place is kept from the start: the header does not move when it comes. */}
          <span className="bell-slot">
            {bellShown && (
              <Suspense fallback={null}>
                <NotificationBell />
              </Suspense>
            )}
          </span>
          <LanguageSwitch />
          <button className="button small" onClick={signOut}>
            {t('signOut')}
          </button>
        </div>
      </header>
      {!online && (
        <p className="banner warn" role="status">
          {t('offlineBanner')}
        </p>
      )}
      <ZoneNotice />
      <main id="main" ref={mainRef} tabIndex={-1} className={inAdminArea ? 'page wide' : 'page'}>
        <OwnLiveUpdates userId={me.id} enabled={!inAdminArea && liveOn} onNotice={forgetAnswer} />
        <Page path={path} role={me.role} sync={sync} />
      </main>
    </>
  );
}
