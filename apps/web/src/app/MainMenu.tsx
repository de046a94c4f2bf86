import type { Role } from '../auth/roles';
import { useLang } from '../i18n/lang-context';
import { NavLink } from './NavLink';

/**
 * The pages a person may open: everyone's; a manager's dashboard, records and roster of their
 * own people; and the whole admin area for admins.
 */
export function MainMenu({ path, role }: { path: string; role: Role }) {
  const { t } = useLang();
  const admin = role === 'admin';
  return (
    <nav aria-label={t('mainMenu')} className="nav">
      <NavLink to="/" label="navClock" path={path} />
      <NavLink to="/history" label="navHistory" path={path} />
      <NavLink to="/account" label="navAccount" path={path} />
      {(admin || role === 'manager') && (
        <>
          <NavLink to="/admin" label="navDashboard" path={path} />
          <NavLink to="/admin/attendance" label="navAttendance" path={path} />
          <NavLink to="/admin/roster" label="navRoster" path={path} />
        </>
      )}
      {admin && (
        <>
          <NavLink to="/admin/shifts" label="navShifts" path={path} />
          <NavLink to="/admin/schedules" label="navSchedules" path={path} />
          <NavLink to="/admin/sites" label="navSites" path={path} />
          <NavLink to="/admin/holidays" label="navHolidays" path={path} />
          <NavLink to="/admin/users" label="navUsers" path={path} />
          <NavLink to="/admin/export" label="navExport" path={path} />
          <NavLink to="/admin/settings" label="navSettings" path={path} />
        </>
      )}
    </nav>
  );
}
