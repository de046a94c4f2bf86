/** The sites and user_sites tables: places of work with their geofences, and who works where. */
import { Op, QueryTypes, col, fn } from 'sequelize';
import type { Database, Tx } from '../connect.js';
import type { Site, UserSite } from '../models/index.js';

/** Every site by name; only the active ones, or only the inactive ones, when `active` is given. */
export function list(db: Database, filter: { active?: boolean | undefined } = {}): Promise<Site[]> {
  return db.models.Site.findAll({
    where: filter.active === undefined ? {} : { active: filter.active },
    order: [
      ['name', 'ASC'],
      ['id', 'ASC'],
    ],
  });
}

/** One site, or null; `lock` takes a row lock for the rest of `tx`. */
export function byId(
  db: Database,
  id: number,
  options: { tx?: Tx; lock?: boolean } = {},
): Promise<Site | null> {
  return db.models.Site.findByPk(id, {
    transaction: options.tx ?? null,
    ...(options.lock && options.tx ? { lock: options.tx.LOCK.UPDATE } : {}),
  });
}

/** The sites with these ids that exist (in no particular order). */
export function byIds(db: Database, ids: readonly number[], tx?: Tx): Promise<Site[]> {
  return db.models.Site.findAll({
    where: { id: { [Op.in]: [...new Set(ids)] } },
    transaction: tx ?? null,
  });
}

export type NewSite = Pick<
  Site,
  'name' | 'lat' | 'lng' | 'radiusM' | 'timeZone' | 'geofencePolicy' | 'maxAccuracyM'
>;

/** Creates a site, active; a taken name surfaces as a unique violation. */
export function create(db: Database, site: NewSite, tx: Tx): Promise<Site> {
  return db.models.Site.create(site, { transaction: tx });
}

export type SiteChanges = Partial<NewSite & Pick<Site, 'active'>>;

/** Writes `changes` to the site (the instance then holds them too). */
export async function update(site: Site, changes: SiteChanges, tx: Tx): Promise<void> {
  await site.update(changes, { transaction: tx });
}

/** How many employees each site has assigned, by site id (sites with none are absent). */
export async function assignedCounts(db: Database): Promise<Map<number, number>> {
  const rows = (await db.models.UserSite.findAll({
    attributes: ['siteId', [fn('COUNT', col('user_id')), 'employees']],
    group: ['siteId'],
    raw: true,
  })) as unknown as { siteId: number; employees: number | string }[];
  return new Map(rows.map((row) => [Number(row.siteId), Number(row.employees)]));
}

/** An employee's assignment with its site. */
export type Assignment = UserSite & { site: Site };

/** The employee's assignments with their sites, active or not: the primary first, then by name. */
export async function assignmentsOf(
  db: Database,
  userId: number,
  options: { tx?: Tx } = {},
): Promise<Assignment[]> {
  const rows = await db.models.UserSite.findAll({
    where: { userId },
    include: [{ model: db.models.Site, as: 'site', required: true }],
    order: [
      ['isPrimary', 'DESC'],
      [{ model: db.models.Site, as: 'site' }, 'name', 'ASC'],
      ['siteId', 'ASC'],
    ],
    transaction: options.tx ?? null,
  });
  return rows as Assignment[];
}

/** Replaces the employee's assignments with these, in `tx`. */
export async function replaceAssignments(
  db: Database,
  userId: number,
  assignments: readonly { siteId: number; isPrimary: boolean }[],
  tx: Tx,
): Promise<void> {
  await db.models.UserSite.destroy({ where: { userId }, transaction: tx });
  if (assignments.length > 0)
    await db.models.UserSite.bulkCreate(
      assignments.map((assignment) => ({ userId, ...assignment })),
      { transaction: tx },
    );
}

/** One of an employee's active sites: what a tap's geofence and a schedule's time zone need. */
export type EmployeeSiteRow = Pick<
  Site,
  'id' | 'name' | 'lat' | 'lng' | 'radiusM' | 'timeZone' | 'geofencePolicy' | 'maxAccuracyM'
> & { isPrimary: boolean };

const EMPLOYEE_SITE_COLUMNS = `s.id, s.name, s.lat, s.lng, s.radius_m AS radiusM,
    s.time_zone AS timeZone, s.geofence_policy AS geofencePolicy,
    s.max_accuracy_m AS maxAccuracyM, us.is_primary AS isPrimary`;

const ACTIVE_OF_USER_SQL = `SELECT ${EMPLOYEE_SITE_COLUMNS}
  FROM user_sites us JOIN sites s ON s.id = us.site_id
  WHERE us.user_id = $userId AND s.active = 1
  ORDER BY us.is_primary DESC, s.name ASC, s.id ASC`;

type EmployeeSiteResult = Omit<EmployeeSiteRow, 'isPrimary'> & { isPrimary: unknown };

// MySQL and SQLite hand a boolean column back as 1/0, and MySQL a DECIMAL as a string.
const employeeSiteOf = ({ isPrimary, lat, lng, ...row }: EmployeeSiteResult): EmployeeSiteRow => ({
  ...row,
  lat: Number(lat),
  lng: Number(lng),
  isPrimary: Boolean(isPrimary),
});

/**
 * The employee's active sites, the primary first, then by name: one prepared SELECT, as it is read
 * on every tap.
 */
export async function activeOfUser(db: Database, userId: number): Promise<EmployeeSiteRow[]> {
  const rows = await db.sequelize.query<EmployeeSiteResult>(ACTIVE_OF_USER_SQL, {
    type: QueryTypes.SELECT,
    bind: { userId },
  });
  return rows.map(employeeSiteOf);
}

/**
 * Every employee's active sites, as `activeOfUser` gives each, keyed by user id (people without
 * one are absent); null when there are more than `limit` assignments (a caller then reads each
 * person's).
 */
export async function activeOfEveryone(
  db: Database,
  limit: number,
): Promise<ReadonlyMap<number, readonly EmployeeSiteRow[]> | null> {
  const rows = await db.sequelize.query<EmployeeSiteResult & { userId: number | string }>(
    `SELECT us.user_id AS userId, ${EMPLOYEE_SITE_COLUMNS}
       FROM user_sites us JOIN sites s ON s.id = us.site_id
      WHERE s.active = 1
      ORDER BY us.user_id ASC, us.is_primary DESC, s.name ASC, s.id ASC
      LIMIT :rows`,
    { type: QueryTypes.SELECT, replacements: { rows: limit + 1 } },
  );
  if (rows.length > limit) return null;
  const sites = new Map<number, EmployeeSiteRow[]>();
  for (const { userId, ...row } of rows) {
    const id = Number(userId);
    const own = sites.get(id) ?? [];
    own.push(Object.freeze(employeeSiteOf(row)));
    sites.set(id, own);
  }
  // Held and handed to every tap: frozen, so no caller can change another's.
  for (const own of sites.values()) Object.freeze(own);
  return sites;
}

/** The primary site of each of the given users who has one (active sites only), by user id. */
export async function primaryOf(
  db: Database,
  userIds: readonly number[],
): Promise<Map<number, { siteId: number; timeZone: string }>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.sequelize.query<{ userId: number; siteId: number; timeZone: string }>(
    `SELECT us.user_id AS userId, s.id AS siteId, s.time_zone AS timeZone
     FROM user_sites us JOIN sites s ON s.id = us.site_id
     WHERE us.is_primary = 1 AND s.active = 1 AND us.user_id IN (:userIds)`,
    { type: QueryTypes.SELECT, replacements: { userIds: [...userIds] } },
  );
  return new Map(
    rows.map((row) => [Number(row.userId), { siteId: Number(row.siteId), timeZone: row.timeZone }]),
  );
}
