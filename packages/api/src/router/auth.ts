import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword } from '@absensi/db';
import { protectedProcedure, publicProcedure, router, sessionUserOf } from '../trpc.js';
import { email } from './inputs.js';

// Verified against when the email is unknown, so that both answers take the same time.
let dummyHash: Promise<string> | undefined;
const unknownUserHash = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));

const WRONG_CREDENTIALS = 'That email and password do not match an active account.';

export const authRouter = router({
  login: publicProcedure
    .input(
      z.object({ email, password: z.string().min(1, { message: 'must not be empty' }).max(200) }),
    )
    .mutation(async ({ ctx, input }) => {
      const { deps } = ctx;
      const wait = await deps.loginLimiter.retryAfterSeconds(input.email, ctx.clientAddress);
      if (wait > 0) {
        throw new TRPCError({
          code: 'TOO_MANY_REQUESTS',
          message: `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minute(s).`,
        });
      }
      const user = await deps.db.models.User.findOne({ where: { email: input.email } });
      const valid = await verifyPassword(
        user?.passwordHash ?? (await unknownUserHash()),
        input.password,
      );
      if (!user || !valid || !user.active) {
        await deps.loginLimiter.recordFailure(input.email, ctx.clientAddress);
        throw new TRPCError({ code: 'UNAUTHORIZED', message: WRONG_CREDENTIALS });
      }
      await deps.loginLimiter.recordSuccess(input.email);
      await ctx.session.signIn(user.id);
      deps.log.info({ userId: user.id }, 'signed in');
      return sessionUserOf(user);
    }),

  logout: publicProcedure.mutation(async ({ ctx }) => {
    await ctx.session.signOut();
    return { signedOut: true as const };
  }),

  me: protectedProcedure.query(({ ctx }) => ctx.user),
});
