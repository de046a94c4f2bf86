import { lazy, Suspense } from 'react';
import { ClockScreen } from '../clock/ClockScreen';
import type { TapSync } from '../clock/sync';
import { HistoryScreen } from '../history/HistoryScreen';
import { useLang } from '../i18n/lang-context';

// The admin area (and its chart library) downloads only when an admin opens it.
const AdminApp = lazy(() => import('../admin/AdminApp'));
// Opened now and then: kept out of the employee's first download too.
const AccountScreen = lazy(() =>
  import('../account/AccountScreen').then((module) => ({ default: module.AccountScreen })),
);

/** The screen for a path: the admin area for admins, the history, the account, else the clock. */
export function Page({ path, admin, sync }: { path: string; admin: boolean; sync: TapSync }) {
  const { t } = useLang();
  if (path.startsWith('/admin') && admin) {
    return (
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <AdminApp path={path} />
      </Suspense>
    );
  }
  if (path === '/history') return <HistoryScreen />;
  if (path === '/account') {
    return (
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <AccountScreen />
      </Suspense>
    );
  }
  return <ClockScreen sync={sync} />;
}
