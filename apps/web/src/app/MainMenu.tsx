import { useLang } from '../i18n/lang-context';
import { NavLink } from './NavLink';

/** The pages a person may open: everyone's, and the admin's for admins. */
export function MainMenu({ path, admin }: { path: string; admin: boolean }) {
  const { t } = useLang();
  return (
    <nav aria-label={t('mainMenu')} className="nav">
      <NavLink to="/" label="navClock" path={path} />
      <NavLink to="/history" label="navHistory" path={path} />
      <NavLink to="/account" label="navAccount" path={path} />
      {admin && (
        <>
          <NavLink to="/admin" label="navDashboard" path={path} />
          <NavLink to="/admin/attendance" label="navAttendance" path={path} />
          <NavLink to="/admin/users" label="navUsers" path={path} />
          <NavLink to="/admin/export" label="navExport" path={path} />
          <NavLink to="/admin/settings" label="navSettings" path={path} />
        </>
      )}
    </nav>
  );
}
