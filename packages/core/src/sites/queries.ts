import { repos } from '@absensi/db';
import type { CoreDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import {
  assignedSiteView,
  siteView,
  type AssignedSiteView,
  type EmployeeSite,
  type SiteView,
} from './views.js';

/** A site in the admin's list, with how many employees are assigned to it. */
export interface SiteListItem extends SiteView {
  employees: number;
}

/** Every site by name (only active or only inactive ones when `active` is given). */
export async function listSites(
  deps: Pick<CoreDeps, 'db'>,
  filter: { active?: boolean | undefined } = {},
): Promise<SiteListItem[]> {
  const [sites, counts] = await Promise.all([
    repos.sites.list(deps.db, filter),
    repos.sites.assignedCounts(deps.db),
  ]);
  return sites.map((site) => ({ ...siteView(site), employees: counts.get(site.id) ?? 0 }));
}

/**
 * The employee's active sites, the primary one first, then by name: what a tap's geofence is
 * checked against (`geofenceCheck(location, sites)`) and whose time zone a schedule is read in.
 * Empty for an employee with no site (or only inactive ones). One prepared query, for the
 * clock-in path.
 */
export function sitesOfUser(deps: Pick<CoreDeps, 'db'>, userId: number): Promise<EmployeeSite[]> {
  return repos.sites.activeOfUser(deps.db, userId);
}

/** An employee's sites as an admin sees them: inactive ones included, the primary first. */
export interface SiteAssignmentView {
  userId: number;
  sites: AssignedSiteView[];
}

/**
 * The employee's sites, active or not, for an admin.
 * @throws DomainError NOT_FOUND for an unknown user.
 */
export async function siteAssignmentsOf(
  deps: Pick<CoreDeps, 'db'>,
  userId: number,
): Promise<SiteAssignmentView> {
  if (!(await repos.users.byId(deps.db, userId)))
    throw new DomainError('NOT_FOUND', `There is no user with id ${userId}.`, 'userId', {
      reason: 'USER_NOT_FOUND',
      params: { id: userId },
    });
  const assignments = await repos.sites.assignmentsOf(deps.db, userId);
  return {
    userId,
    sites: assignments.map(assignedSiteView),
  };
}
