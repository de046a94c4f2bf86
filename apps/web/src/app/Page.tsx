import { lazy, Suspense } from 'react';
import { ClockScreen } from '../clock/ClockScreen';
import { seesAdminArea, type Role } from '../auth/roles';
import type { TapSync } from '../clock/sync';
import { HistoryScreen } from '../history/HistoryScreen';
import { useLang } from '../i18n/lang-context';

// The admin area (and its chart library) downloads only when an admin or a manager opens it.
const AdminApp = lazy(() => import('../admin/AdminApp'));
// Opened now and then: kept out of the employee's first download too.
const AccountScreen = lazy(() =>
  import('../account/AccountScreen').then((module) => ({ default: module.AccountScreen })),
);

/**
 * The screen for a path: the admin area for admins (a manager's part of it for managers), the
 * history, the account, else the clock.
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
