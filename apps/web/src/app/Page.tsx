import { lazy, Suspense } from 'react';
import { ClockScreen } from '../clock/ClockScreen';
import type { TapSync } from '../clock/sync';
import { HistoryScreen } from '../history/HistoryScreen';
import { useLang } from '../i18n/lang-context';

// The admin area (and its chart library) downloads only when an admin opens it.
const AdminApp = lazy(() => import('../admin/AdminApp'));

/** The screen for a path: the admin area for admins, the history, else the clock. */
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
  return <ClockScreen sync={sync} />;
}
