/** The users table: accounts, roles and departments. */
import { literal, Op, QueryTypes, type WhereOptions } from 'sequelize';
import type { Database, Tx } from '../connect.js';
import type { Role, User } from '../models/index.js';
import { containsPattern } from './stored.js';

export interface SessionUserRow {
  id: number;
  name: string;
  email: string;
  role: Role;
  department: string | null;
  active: boolean;
  /** The account's session generation: a session carrying another one has ended. */
  sessionGeneration: number;
}

/**
 * The signed-in user's row as one prepared SELECT: read on every request whose node has not seen
 * that user lately (in a morning rush, every clock-in), where findByPk's model path cost more CPU.
 */
export async function sessionUserRow(db: Database, id: number): Promise<SessionUserRow | null> {
  const rows = await db.sequelize.query<
    Omit<SessionUserRow, 'active' | 'sessionGeneration'> & { active: unknown; generation: unknown }
  >(
    'SELECT id, name, email, role, department, active, session_generation AS generation FROM users WHERE id = $id',
    { type: QueryTypes.SELECT, bind: { id } },
  );
  const row = rows[0];
  if (!row) return null;
  const { generation, ...rest } = row;
  // MySQL and SQLite hand a boolean column back as 1/0.
  return { ...rest, active: Boolean(row.active), sessionGeneration: Number(generation) };
}

/**
 * Locks the user's row until `tx` ends: every write of one employee's shifts takes it first, so
 * those writes happen one after another whichever node makes them. SQLite runs one write
 * transaction at a time anyway. Returns false for an unknown id.
 */
export async function lock(db: Database, id: number, tx: Tx): Promise<boolean> {
  const rows = await db.sequelize.query(
    db.kind === 'mysql'
      ? 'SELECT id FROM users WHERE id = $id FOR UPDATE'
      : 'SELECT id FROM users WHERE id = $id',
    { type: QueryTypes.SELECT, bind: { id }, transaction: tx },
  );
  return rows.length > 0;
}

export function byId(db: Database, id: number, tx?: Tx): Promise<User | null> {
  return db.models.User.findByPk(id, { transaction: tx ?? null });
}

export function byEmail(db: Database, email: string): Promise<User | null> {
  return db.models.User.findOne({ where: { email } });
}

export interface UserFilter {
  /** Part of the name or email, taken literally (`%` and `_` are no wildcards). */
  search?: string | undefined;
  department?: string | undefined;
  /** Only people of these departments (an empty list: nobody). */
  departments?: readonly string[] | undefined;
  role?: Role | undefined;
  active?: boolean | undefined;
  /** Only users with an id above this one (the next page of an id-ordered list). */
  after?: number | undefined;
  limit: number;
}

/** Users matching the filter, by id. */
export function list(db: Database, filter: UserFilter): Promise<User[]> {
  const where: WhereOptions<User>[] = [];
  if (filter.search) {
    const pattern = db.sequelize.escape(containsPattern(filter.search));
    // ESCAPE said explicitly: SQLite has no escape character for LIKE unless told one.
    where.push(literal(`(name LIKE ${pattern} ESCAPE '!' OR email LIKE ${pattern} ESCAPE '!')`));
  }
  if (filter.department !== undefined) where.push({ department: filter.department });
  if (filter.departments !== undefined)
    where.push({ department: { [Op.in]: [...filter.departments] } });
  if (filter.role !== undefined) where.push({ role: filter.role });
  if (filter.active !== undefined) where.push({ active: filter.active });
  if (filter.after !== undefined) where.push({ id: { [Op.gt]: filter.after } });
  return db.models.User.findAll({
    where: { [Op.and]: where },
    order: [['id', 'ASC']],
    limit: filter.limit,
  });
}

/** Every department named on some account, in order. */
export async function departments(db: Database): Promise<string[]> {
  const rows = await db.models.User.findAll({
    attributes: ['department'],
    where: { department: { [Op.ne]: null } },
    group: ['department'],
    order: [['department', 'ASC']],
  });
  return rows.map((row) => row.department).filter((name): name is string => Boolean(name));
}

export type NewUser = Pick<User, 'name' | 'email' | 'passwordHash' | 'role' | 'department'> & {
  hiredOn?: string | null;
};

/** Creates an account; a taken email surfaces as a unique violation. */
export function create(db: Database, user: NewUser, tx?: Tx): Promise<User> {
  return db.models.User.create(user, { transaction: tx ?? null });
}

export type UserChanges = Partial<
  Pick<User, 'name' | 'email' | 'passwordHash' | 'role' | 'department' | 'active' | 'hiredOn'>
>;

/** Writes `changes` to the account (the instance then holds them too). */
export async function update(user: User, changes: UserChanges, tx: Tx): Promise<void> {
  await user.update(changes, { transaction: tx });
}

/**
 * Ends every session of the account: raises its session generation in the transaction of the
 * change that requires it.
 * @returns the new generation, which a session started now must carry.
 */
export async function endSessions(db: Database, id: number, tx: Tx): Promise<number> {
  await db.models.User.increment('sessionGeneration', { by: 1, where: { id }, transaction: tx });
  const row = await db.models.User.findByPk(id, {
    attributes: ['sessionGeneration'],
    transaction: tx,
  });
  return row?.sessionGeneration ?? 0;
}

/** How many active admins there are. */
export function countActiveAdmins(db: Database, tx?: Tx): Promise<number> {
  return db.models.User.count({ where: { role: 'admin', active: true }, transaction: tx ?? null });
}

/** Names of the given users, by id. */
export async function namesOf(db: Database, ids: readonly number[]): Promise<Map<number, string>> {
  const users = await db.models.User.findAll({
    where: { id: { [Op.in]: [...new Set(ids)] } },
    attributes: ['id', 'name'],
  });
  return new Map(users.map((user) => [user.id, user.name]));
}

/** Names and departments of these users, by id (unknown ids are absent). */
export async function namesAndDepartmentsOf(
  db: Database,
  ids: readonly number[],
): Promise<Map<number, { name: string; department: string | null }>> {
  if (ids.length === 0) return new Map();
  const users = await db.models.User.findAll({
    where: { id: { [Op.in]: [...new Set(ids)] } },
    attributes: ['id', 'name', 'department'],
  });
  return new Map(users.map((user) => [user.id, { name: user.name, department: user.department }]));
}
