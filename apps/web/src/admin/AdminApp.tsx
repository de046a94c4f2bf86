import type { Role } from '../auth/roles';
import { AttendanceScreen } from './attendance/AttendanceScreen';
import { CompanyZoneGate } from './CompanyZoneGate';
import { Dashboard } from './dashboard/Dashboard';
import { ExportScreen } from './export/ExportScreen';
import { HolidaysScreen } from './holidays/HolidaysScreen';
import { RecapScreen } from './recap/RecapScreen';
import { RequestsAdminScreen } from './requests/RequestsAdminScreen';
import { RosterScreen } from './roster/RosterScreen';
import { SchedulesScreen } from './schedules/SchedulesScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import { ShiftTypesScreen } from './shifts/ShiftTypesScreen';
import { SitesScreen } from './sites/SitesScreen';
import { SystemScreen } from './system/SystemScreen';
import { UsersScreen } from './users/UsersScreen';

/** The screens only admins open (a manager gets the dashboard instead). */
function adminOnlyScreen(path: string) {
  if (path.startsWith('/admin/users')) return <UsersScreen />;
  if (path.startsWith('/admin/settings')) return <SettingsScreen />;
  if (path.startsWith('/admin/shifts')) return <ShiftTypesScreen />;
  if (path.startsWith('/admin/schedules'))
    return <CompanyZoneGate render={(zone) => <SchedulesScreen zone={zone} />} />;
  if (path.startsWith('/admin/sites')) return <SitesScreen />;
  if (path.startsWith('/admin/system')) return <SystemScreen />;
  if (path.startsWith('/admin/holidays'))
    return <CompanyZoneGate render={(zone) => <HolidaysScreen zone={zone} />} />;
  if (path.startsWith('/admin/export'))
    return <CompanyZoneGate render={(zone) => <ExportScreen zone={zone} />} />;
  return null;
}

/**
 * The admin area, loaded only when an admin or a manager opens it (with its chart library). A
 * manager sees the dashboard, the records, the roster, the requests and the monthly recap of their
 * own people, nothing else.
 */
export default function AdminApp({ path, role }: { path: string; role: Role }) {
  if (path.startsWith('/admin/attendance'))
    return <CompanyZoneGate render={(zone) => <AttendanceScreen zone={zone} />} />;
  if (path.startsWith('/admin/roster'))
    return <CompanyZoneGate render={(zone) => <RosterScreen zone={zone} />} />;
  if (path.startsWith('/admin/requests'))
    return <CompanyZoneGate render={(zone) => <RequestsAdminScreen zone={zone} />} />;
  if (path.startsWith('/admin/recap'))
    return <CompanyZoneGate render={(zone) => <RecapScreen zone={zone} />} />;
  return (role === 'admin' && adminOnlyScreen(path)) || <Dashboard />;
}
