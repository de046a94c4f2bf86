import { z } from 'zod';
import { changeOwnPassword, login } from '@absensi/core';
import { protectedProcedure, publicProcedure, router } from '../trpc.js';
import { email, password } from './inputs.js';

const givenPassword = z.string().min(1, { message: 'must not be empty' }).max(200);

export const authRouter = router({
  login: publicProcedure
    .input(z.object({ email, password: givenPassword }))
    .mutation(async ({ ctx, input }) => {
      const { actor, sessionGeneration } = await login(ctx.deps, {
        ...input,
        clientAddress: ctx.clientAddress,
      });
      await ctx.session.signIn(actor.id, sessionGeneration);
      return actor;
    }),

  logout: publicProcedure.mutation(async ({ ctx }) => {
    await ctx.session.signOut();
    return { signedOut: true as const };
  }),

  me: protectedProcedure.query(({ ctx }) => ctx.user),

  /**
   * The caller's own password, proving the current one. Every other session of the account ends
   * (on every node, and its live sockets close); this one goes on under a new session id.
   */
  changePassword: protectedProcedure
    .input(z.object({ currentPassword: givenPassword, newPassword: password }))
    .mutation(async ({ ctx, input }) => {
      const { sessionGeneration } = await changeOwnPassword(ctx.deps, ctx.user, {
        ...input,
        clientAddress: ctx.clientAddress,
      });
      await ctx.session.signIn(ctx.user.id, sessionGeneration);
      return { changed: true as const };
    }),
});
