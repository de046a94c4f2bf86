import { TRPCError } from '@trpc/server';
import { Op, UniqueConstraintError, type WhereOptions } from 'sequelize';
import { z } from 'zod';
import { generatePassword, hashPassword, ROLES, type User } from '@absensi/db';
import { writeAudit } from '../../services/audit.js';
import { userView } from '../../services/views.js';
import type { AppDeps } from '../../deps.js';
import { adminProcedure, router } from '../../trpc.js';
import { department, email, id, pageLimit, password, personName } from '../inputs.js';

const role = z.enum(ROLES, { message: 'must be employee or admin' });

async function findUser(deps: Pick<AppDeps, 'db'>, userId: number): Promise<User> {
  const user = await deps.db.models.User.findByPk(userId);
  if (!user)
    throw new TRPCError({ code: 'NOT_FOUND', message: `There is no user with id ${userId}.` });
  return user;
}

function emailTaken(error: unknown): never {
  if (error instanceof UniqueConstraintError) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: 'Another account already uses this email address.',
    });
  }
  throw error;
}

/** Refuses a change that would leave the company without an active admin, or lock the caller out. */
async function guardAdminChange(
  deps: Pick<AppDeps, 'db'>,
  actorId: number,
  target: User,
  next: { role: string; active: boolean },
) {
  const losesAdmin =
    target.role === 'admin' && target.active && (next.role !== 'admin' || !next.active);
  if (!losesAdmin) return;
  if (target.id === actorId) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: 'You cannot remove your own admin access or deactivate yourself.',
    });
  }
  const admins = await deps.db.models.User.count({ where: { role: 'admin', active: true } });
  if (admins <= 1)
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'At least one active admin must remain.' });
}

export const usersRouter = router({
  list: adminProcedure
    .input(
      z.object({
        search: z.string().trim().max(120).optional(),
        department: z.string().trim().max(120).optional(),
        role: role.optional(),
        active: z.boolean().optional(),
        cursor: id.optional(),
        limit: pageLimit,
      }),
    )
    .query(async ({ ctx, input }) => {
      const where: WhereOptions<User>[] = [];
      if (input.search) {
        const pattern = `%${input.search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
        where.push({
          [Op.or]: [{ name: { [Op.like]: pattern } }, { email: { [Op.like]: pattern } }],
        });
      }
      if (input.department !== undefined) where.push({ department: input.department });
      if (input.role !== undefined) where.push({ role: input.role });
      if (input.active !== undefined) where.push({ active: input.active });
      if (input.cursor !== undefined) where.push({ id: { [Op.gt]: input.cursor } });
      const rows = await ctx.deps.db.models.User.findAll({
        where: { [Op.and]: where },
        order: [['id', 'ASC']],
        limit: input.limit + 1,
      });
      const items = rows.slice(0, input.limit).map(userView);
      return { items, nextCursor: rows.length > input.limit ? items[items.length - 1]!.id : null };
    }),

  departments: adminProcedure.query(async ({ ctx }) => {
    const rows = await ctx.deps.db.models.User.findAll({
      attributes: ['department'],
      where: { department: { [Op.ne]: null } },
      group: ['department'],
      order: [['department', 'ASC']],
    });
    return rows.map((row) => row.department).filter((name): name is string => Boolean(name));
  }),

  create: adminProcedure
    .input(
      z.object({
        name: personName,
        email,
        password: password.optional(),
        role: role.default('employee'),
        department: department.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const chosen = input.password ?? generatePassword();
      const user = await ctx.deps.db.models.User.create({
        name: input.name,
        email: input.email,
        passwordHash: await hashPassword(chosen),
        role: input.role,
        department: input.department ?? null,
      }).catch(emailTaken);
      await writeAudit(ctx.deps, {
        actorId: ctx.user.id,
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        reason: 'created',
        before: null,
        after: userView(user),
      });
      return {
        user: userView(user),
        generatedPassword: input.password === undefined ? chosen : null,
      };
    }),

  update: adminProcedure
    .input(
      z.object({
        id,
        name: personName.optional(),
        email: email.optional(),
        role: role.optional(),
        department: department.optional(),
        active: z.boolean().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const user = await findUser(ctx.deps, input.id);
      const before = userView(user);
      await guardAdminChange(ctx.deps, ctx.user.id, user, {
        role: input.role ?? user.role,
        active: input.active ?? Boolean(user.active),
      });
      const { id: _id, ...changes } = input;
      await user.update(changes).catch(emailTaken);
      ctx.deps.users?.forget(user.id);
      await writeAudit(ctx.deps, {
        actorId: ctx.user.id,
        action: 'user.update',
        entityType: 'user',
        entityId: user.id,
        reason: 'updated',
        before,
        after: userView(user),
      });
      return userView(user);
    }),

  deactivate: adminProcedure.input(z.object({ id })).mutation(async ({ ctx, input }) => {
    const user = await findUser(ctx.deps, input.id);
    await guardAdminChange(ctx.deps, ctx.user.id, user, { role: user.role, active: false });
    const before = userView(user);
    await user.update({ active: false });
    ctx.deps.users?.forget(user.id);
    await writeAudit(ctx.deps, {
      actorId: ctx.user.id,
      action: 'user.deactivate',
      entityType: 'user',
      entityId: user.id,
      reason: 'deactivated',
      before,
      after: userView(user),
    });
    return userView(user);
  }),

  resetPassword: adminProcedure
    .input(z.object({ id, password: password.optional() }))
    .mutation(async ({ ctx, input }) => {
      const user = await findUser(ctx.deps, input.id);
      const chosen = input.password ?? generatePassword();
      await user.update({ passwordHash: await hashPassword(chosen) });
      await writeAudit(ctx.deps, {
        actorId: ctx.user.id,
        action: 'user.reset_password',
        entityType: 'user',
        entityId: user.id,
        reason: 'password reset',
        before: null,
        after: null,
      });
      return { generatedPassword: input.password === undefined ? chosen : null };
    }),
});
