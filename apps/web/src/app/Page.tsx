import { lazy, Suspense } from 'react';
import { ClockScreen } from '../clock/ClockScreen';
import { seesAdminArea, type Role } from '../auth/roles';
import type { TapSync } from '../clock/sync';
import { useLang } from '../i18n/lang-context';

// The admin area (and its chart library) downloads only when an admin or a manager opens it.
const AdminApp = lazy(() => import('../admin/AdminApp'));
// Opened now and then: kept out of the employee's first download too.
const AccountScreen = lazy(() =>
  import('../account/AccountScreen').then((module) => ({ default: module.AccountScreen })),
);
const HistoryScreen = lazy(() =>
  import('../history/HistoryScreen').then((module) => ({ default: module.HistoryScreen })),
);
const RequestsScreen = lazy(() => import('../requests/RequestsScreen'));
const NotificationsScreen = lazy(() => import('../notifications/NotificationsScreen'));
const LAZY_PAGES: Record<string, typeof RequestsScreen> = {
  '/account': AccountScreen,
  '/history': HistoryScreen,
  '/requests': RequestsScreen,
  '/notifications': NotificationsScreen,
};

/**
 * The screen for a path: the admin area for admins (a manager's part of it for managers), the
 * history, the account, requests and notifications (each loaded when opened, outside the clock's
 * first download), else the clock.
 */
export function Page({ path, role, sync }: { path: string; role: Role; sync: TapSync }) {
  const { t } = useLang();
  if (path.startsWith('/admin') && seesAdminArea(role)) {
    return (
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <AdminApp path={path} role={role} />
      </Suspense>
    );
  }
  const Lazy = LAZY_PAGES[path];
  if (Lazy) {
    return (
      <Suspense fallback={<p className="muted">{t('loading')}</p>}>
        <Lazy />
      </Suspense>
    );
  }
  return <ClockScreen sync={sync} />;
}
