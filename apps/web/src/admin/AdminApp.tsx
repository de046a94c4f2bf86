import { AttendanceTable } from './AttendanceTable';
import { Dashboard } from './Dashboard';
import { Export } from './Export';
import { Settings } from './Settings';
import { Users } from './Users';

/** The admin area, loaded only when an admin opens it (with its chart library). */
export default function AdminApp({ path }: { path: string }) {
  if (path.startsWith('/admin/attendance')) return <AttendanceTable />;
  if (path.startsWith('/admin/users')) return <Users />;
  if (path.startsWith('/admin/settings')) return <Settings />;
  if (path.startsWith('/admin/export')) return <Export />;
  return <Dashboard />;
}
