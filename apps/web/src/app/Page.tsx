import type { ComponentType } from 'react';
import { ClockScreen } from '../clock/ClockScreen';
import { seesAdminArea, type Role } from '../auth/roles';
import type { TapSync } from '../clock/sync';
import { lazyScreen } from './lazy-screen';

// The admin area (and its chart library) downloads only when an admin or a manager opens it.
// Each says so, and waits, when its code cannot come (the network gone): see lazy-screen.tsx.
const AdminApp = lazyScreen(() => import('../admin/AdminApp').then((module) => module.default));
// Opened now and then: kept out of the employee's first download too.
const AccountScreen = lazyScreen(() =>
  import('../account/AccountScreen').then((module) => module.AccountScreen),
);
const HistoryScreen = lazyScreen(() =>
  import('../history/HistoryScreen').then((module) => module.HistoryScreen),
);
const RequestsScreen = lazyScreen(() =>
  import('../requests/RequestsScreen').then((module) => module.default),
);
const NotificationsScreen = lazyScreen(() =>
  import('../notifications/NotificationsScreen').then((module) => module.default),
);
const LAZY_PAGES: Record<string, ComponentType> = {
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
  if (path.startsWith('/admin') && seesAdminArea(role)) return <AdminApp path={path} role={role} />;
  const Lazy = LAZY_PAGES[path];
  if (Lazy) return <Lazy />;
  return <ClockScreen sync={sync} />;
}
