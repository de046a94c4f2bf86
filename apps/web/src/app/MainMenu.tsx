import type { Role } from '../auth/roles';
import { useLang } from '../i18n/lang-context';
import type { MessageKey } from '../i18n/translate';
import { NavLink } from './NavLink';

type Pages = [to: string, label: MessageKey][];

const EVERYONE: Pages = [
  ['/', 'navClock'],
  ['/history', 'navHistory'],
  ['/requests', 'navRequests'],
  ['/account', 'navAccount'],
];
const APPROVERS: Pages = [
  ['/admin', 'navDashboard'],
  ['/admin/attendance', 'navAttendance'],
  ['/admin/roster', 'navRoster'],
  ['/admin/requests', 'navApprovals'],
  ['/admin/recap', 'navRecap'],
];
const ADMINS: Pages = [
  ['/admin/shifts', 'navShifts'],
  ['/admin/schedules', 'navSchedules'],
  ['/admin/sites', 'navSites'],
  ['/admin/holidays', 'navHolidays'],
  ['/admin/users', 'navUsers'],
  ['/admin/export', 'navExport'],
  ['/admin/settings', 'navSettings'],
  ['/admin/system', 'navSystem'],
];

/**
 * The pages a person may open: everyone's; a manager's dashboard, records, roster, requests and
 * recap of their own people; and the whole admin area for admins.
 */
export function MainMenu({ path, role }: { path: string; role: Role }) {
  const { t } = useLang();
  const pages = [
    ...EVERYONE,
    ...(role === 'admin' || role === 'manager' ? APPROVERS : []),
    ...(role === 'admin' ? ADMINS : []),
  ];
  return (
    <nav aria-label={t('mainMenu')} className="nav">
      {pages.map(([to, label]) => (
        <NavLink key={to} to={to} label={label} path={path} />
      ))}
    </nav>
  );
}
