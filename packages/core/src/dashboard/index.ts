export {
  buildDashboard,
  dashboard,
  hoursOfQuarterHours,
  DASHBOARD_LIST_LIMIT,
  type Dashboard,
} from './build.js';
export {
  cachedSnapshot,
  snapshotJson,
  viewName,
  MemorySnapshotCache,
  type SnapshotCache,
  type StoredSnapshot,
} from './snapshot-cache.js';
export { leaveAround, type LeaveAround, type OnLeavePerson } from './on-leave.js';
