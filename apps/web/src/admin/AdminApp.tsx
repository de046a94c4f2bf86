import { AttendanceScreen } from './attendance/AttendanceScreen';
import { CompanyZoneGate } from './CompanyZoneGate';
import { Dashboard } from './dashboard/Dashboard';
import { ExportScreen } from './export/ExportScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { UsersScreen } from './users/UsersScreen';

/** The admin area, loaded only when an admin opens it (with its chart library). */
export default function AdminApp({ path }: { path: string }) {
  if (path.startsWith('/admin/attendance'))
    return <CompanyZoneGate render={(zone) => <AttendanceScreen zone={zone} />} />;
  if (path.startsWith('/admin/users')) return <UsersScreen />;
  if (path.startsWith('/admin/settings')) return <SettingsScreen />;
  if (path.startsWith('/admin/export'))
    return <CompanyZoneGate render={(zone) => <ExportScreen zone={zone} />} />;
  return <Dashboard />;
}
