import { z } from 'zod';
import { ROLES } from '@absensi/db';
import {
  createUser,
  deactivateUser,
  departments,
  listUsers,
  managerScopes,
  setManagerScopes,
  resetPassword,
  updateUser,
} from '@absensi/core';
import { adminProcedure, managerProcedure, router } from '../../trpc.js';
import { department, email, id, localDate, pageLimit, password, personName } from '../inputs.js';

const role = z.enum(ROLES, { message: 'must be employee, manager or admin' });

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
    .query(({ ctx, input }) => listUsers(ctx.deps, input)),

  /** The departments the caller sees: every one for admins, their own for managers. */
  departments: managerProcedure.query(({ ctx }) => departments(ctx.deps, ctx.user)),

  create: adminProcedure
    .input(
      z.object({
        name: personName,
        email,
        password: password.optional(),
        role: role.default('employee'),
        department: department.optional(),
        /** From when they are expected at work; today by default. */
        hiredOn: localDate.nullable().optional(),
      }),
    )
    .mutation(({ ctx, input }) => createUser(ctx.deps, ctx.user, input)),

  update: adminProcedure
    .input(
      z.object({
        id,
        name: personName.optional(),
        email: email.optional(),
        role: role.optional(),
        department: department.optional(),
        active: z.boolean().optional(),
        hiredOn: localDate.nullable().optional(),
      }),
    )
    .mutation(({ ctx, input: { id: userId, ...changes } }) =>
      updateUser(ctx.deps, ctx.user, userId, changes),
    ),

  deactivate: adminProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => deactivateUser(ctx.deps, ctx.user, input.id)),

  /** The departments and sites a manager looks after. */
  scopes: adminProcedure
    .input(z.object({ userId: id }))
    .query(({ ctx, input }) => managerScopes(ctx.deps, input.userId)),

  setScopes: adminProcedure
    .input(
      z.object({
        userId: id,
        departments: z.array(z.string().trim().min(1).max(120)).max(100).default([]),
        siteIds: z.array(id).max(100).default([]),
      }),
    )
    .mutation(({ ctx, input: { userId, ...scopes } }) =>
      setManagerScopes(ctx.deps, ctx.user, userId, scopes),
    ),

  resetPassword: adminProcedure
    .input(z.object({ id, password: password.optional() }))
    .mutation(({ ctx, input }) => resetPassword(ctx.deps, ctx.user, input.id, input.password)),
});
