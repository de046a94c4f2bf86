export {
  assignSites,
  createSite,
  deactivateSite,
  updateSite,
  type SiteAssignmentInput,
  type SiteInput,
} from './manage.js';
export {
  listSites,
  siteAssignmentsOf,
  sitesOfUser,
  type SiteAssignmentView,
  type SiteListItem,
} from './queries.js';
export {
  accuracyAllowance,
  distanceMetres,
  formatDistance,
  geofenceCheck,
  geofenceDecision,
  type GeoPoint,
  type GeofenceCheck,
  type GeofenceDecision,
  type GeofenceOutcome,
  type GeofencePolicy,
  type GeofenceSite,
  type GeofenceVerdict,
  type PunchLocation,
} from './rules.js';
export { siteView, type AssignedSiteView, type EmployeeSite, type SiteView } from './views.js';
