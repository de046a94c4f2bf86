import { isUniqueViolation, repos, type NewSite, type Site, type SiteChanges } from '@absensi/db';
import type { Actor } from '../actor.js';
import { writeAudit } from '../audit/write.js';
import { afterCommit } from '../changes.js';
import { definedOnly } from '../defined.js';
import type { CoreDeps } from '../deps.js';
import { DomainError } from '../errors.js';
import { siteAssignmentsOf, type SiteAssignmentView } from './queries.js';
import { canonicalTimeZone } from '../settings/time-zone.js';
import { siteView, type SiteView } from './views.js';

// `planning`: a tap's geofence is checked against the sites the planning cache holds.
type Deps = Pick<
  CoreDeps,
  'db' | 'feed' | 'log' | 'sentMarks' | 'dashboardCache' | 'users' | 'planning'
>;

function nameTaken(name: string | undefined) {
  return (error: unknown): never => {
    if (isUniqueViolation(error))
      throw new DomainError(
        'CONFLICT',
        `Another site is already called "${name}" (it may be inactive): choose another name.`,
        'name',
        { reason: 'SITE_NAME_TAKEN', params: { name: name ?? '' } },
      );
    throw error;
  };
}

/**
 * The canonical IANA name of `timeZone` (see canonicalTimeZone), or undefined when not given.
 * @throws DomainError INVALID naming `timeZone` when it is no IANA time zone.
 */
function ianaZone(timeZone: string | undefined): string | undefined {
  if (timeZone === undefined) return undefined;
  const canonical = canonicalTimeZone(timeZone);
  if (canonical === null)
    throw new DomainError(
      'INVALID',
      `timeZone: "${timeZone}" is not an IANA time zone such as Asia/Jakarta`,
      'timeZone',
      { reason: 'UNKNOWN_TIME_ZONE', params: { timeZone } },
    );
  return canonical;
}

/** A new site: its centre in degrees, radius and accuracy cap in metres, IANA zone and policy. */
export type SiteInput = Omit<NewSite, 'maxAccuracyM'> & { maxAccuracyM?: number | undefined };

/**
 * Creates a site, active; the site and its audit row commit together.
 * @throws DomainError CONFLICT when another site has the name; INVALID for an unknown time zone.
 */
export async function createSite(deps: Deps, admin: Actor, input: SiteInput): Promise<SiteView> {
  const timeZone = ianaZone(input.timeZone)!;
  const view = await deps.db
    .transaction(async (tx) => {
      const site = await repos.sites.create(
        deps.db,
        { ...input, timeZone, maxAccuracyM: input.maxAccuracyM ?? 100 },
        tx,
      );
      const created = siteView(site);
      await writeAudit(
        deps,
        {
          actorId: admin.id,
          action: 'site.create',
          entityType: 'site',
          entityId: site.id,
          reason: 'created',
          before: null,
          after: created,
        },
        tx,
      );
      return created;
    })
    .catch(nameTaken(input.name));
  await afterCommit(deps, { calendar: true });
  return view;
}

/** Writes a change to a site with its audit row, in one transaction under the site's row lock. */
async function changeSite(
  deps: Deps,
  admin: Actor,
  siteId: number,
  audit: { action: string; reason: string },
  changes: SiteChanges,
): Promise<SiteView> {
  const view = await deps.db
    .transaction(async (tx) => {
      const site: Site | null = await repos.sites.byId(deps.db, siteId, { tx, lock: true });
      if (!site)
        throw new DomainError('NOT_FOUND', `There is no site with id ${siteId}.`, 'id', {
          reason: 'SITE_NOT_FOUND',
          params: { id: siteId },
        });
      const before = siteView(site);
      await repos.sites.update(site, changes, tx);
      const after = siteView(site);
      await writeAudit(
        deps,
        {
          actorId: admin.id,
          action: audit.action,
          entityType: 'site',
          entityId: site.id,
          reason: audit.reason,
          before,
          after,
        },
        tx,
      );
      return after;
    })
    .catch(nameTaken(changes.name));
  await afterCommit(deps, { calendar: true });
  return view;
}

/**
 * Changes a site's name, centre, radius, time zone, policy, accuracy cap or active flag (a site is
 * reactivated with `active: true`).
 * @throws DomainError NOT_FOUND, CONFLICT (name taken), INVALID (unknown time zone).
 */
export async function updateSite(
  deps: Deps,
  admin: Actor,
  siteId: number,
  changes: SiteChanges,
): Promise<SiteView> {
  const defined = definedOnly({ ...changes, timeZone: ianaZone(changes.timeZone) });
  return changeSite(deps, admin, siteId, { action: 'site.update', reason: 'updated' }, defined);
}

/**
 * Deactivates a site: its employees' taps are no longer checked against it and it is offered for
 * no new assignment or holiday; its shifts, holidays and assignments stay.
 * @throws DomainError NOT_FOUND.
 */
export function deactivateSite(deps: Deps, admin: Actor, siteId: number): Promise<SiteView> {
  return changeSite(
    deps,
    admin,
    siteId,
    { action: 'site.deactivate', reason: 'deactivated' },
    { active: false },
  );
}

export interface SiteAssignmentInput {
  userId: number;
  /** Every site the employee works at; empty to unassign them from all. */
  siteIds: readonly number[];
  /** One of `siteIds`; by default the first of them. */
  primarySiteId?: number | null | undefined;
}

/**
 * Sets the sites an employee works at, one of them primary, replacing the ones before; the change
 * and its audit row commit together under the employee's lock, so two admins assigning at once
 * leave one whole assignment, with one primary site.
 * @throws DomainError NOT_FOUND for an unknown user or site; INVALID for an inactive site, or a
 * primary site not among `siteIds`.
 */
export async function assignSites(
  deps: Deps,
  admin: Actor,
  input: SiteAssignmentInput,
): Promise<SiteAssignmentView> {
  const siteIds = [...new Set(input.siteIds)];
  const primary = input.primarySiteId ?? siteIds[0] ?? null;
  if (primary !== null && !siteIds.includes(primary))
    throw new DomainError(
      'INVALID',
      `primarySiteId: site ${primary} must be one of the sites in siteIds`,
      'primarySiteId',
      { reason: 'PRIMARY_SITE_NOT_ASSIGNED' },
    );
  await deps.db.transaction(async (tx) => {
    if (!(await repos.users.lock(deps.db, input.userId, tx)))
      throw new DomainError('NOT_FOUND', `There is no user with id ${input.userId}.`, 'userId', {
        reason: 'USER_NOT_FOUND',
        params: { id: input.userId },
      });
    const sites = await repos.sites.byIds(deps.db, siteIds, tx);
    const missing = siteIds.filter((id) => !sites.some((site) => site.id === id));
    if (missing.length > 0)
      throw new DomainError(
        'NOT_FOUND',
        `There is no site with id ${missing.join(', ')}.`,
        'siteIds',
        { reason: 'SITE_NOT_FOUND', params: { id: missing.join(', ') } },
      );
    const inactive = sites.filter((site) => !site.active);
    if (inactive.length > 0)
      throw new DomainError(
        'INVALID',
        `siteIds: ${inactive.map((site) => site.name).join(', ')} is inactive; reactivate it first`,
        'siteIds',
        {
          reason: 'SITE_INACTIVE',
          params: { siteName: inactive.map((site) => site.name).join(', ') },
        },
      );
    const before = await repos.sites.assignmentsOf(deps.db, input.userId, { tx });
    const after = siteIds.map((siteId) => ({ siteId, isPrimary: siteId === primary }));
    await repos.sites.replaceAssignments(deps.db, input.userId, after, tx);
    await writeAudit(
      deps,
      {
        actorId: admin.id,
        action: 'user.assign_sites',
        entityType: 'user',
        entityId: input.userId,
        reason: 'sites assigned',
        before: before.map((row) => ({ siteId: row.siteId, isPrimary: Boolean(row.isPrimary) })),
        after,
      },
      tx,
    );
  });
  await afterCommit(deps, { calendar: true });
  return siteAssignmentsOf(deps, input.userId);
}
