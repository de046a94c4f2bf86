import { z } from 'zod';
import { login } from '@absensi/core';
import { protectedProcedure, publicProcedure, router } from '../trpc.js';
import { email } from './inputs.js';

export const authRouter = router({
  login: publicProcedure
    .input(
      z.object({ email, password: z.string().min(1, { message: 'must not be empty' }).max(200) }),
    )
    .mutation(async ({ ctx, input }) => {
      const user = await login(ctx.deps, { ...input, clientAddress: ctx.clientAddress });
      await ctx.session.signIn(user.id);
      return user;
    }),

  logout: publicProcedure.mutation(async ({ ctx }) => {
    await ctx.session.signOut();
    return { signedOut: true as const };
  }),

  me: protectedProcedure.query(({ ctx }) => ctx.user),
});
