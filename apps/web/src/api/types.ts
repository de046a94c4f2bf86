/** What the server's procedures take and give, from the router's type (never its code). */
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@absensi/api';

export type { AppRouter };
export type Outputs = inferRouterOutputs<AppRouter>;
export type Inputs = inferRouterInputs<AppRouter>;
export type AttendanceView = Outputs['attendance']['today']['records'][number];
export type Me = Outputs['auth']['me'];
export type Today = Outputs['attendance']['today'];
export type Dashboard = Outputs['admin']['dashboard'];
export type LiveEvent = Dashboard['latest'][number];
