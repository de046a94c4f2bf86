import type { Outputs } from '../../api/types';

export type User = Outputs['admin']['users']['list']['items'][number];
export type Role = User['role'];
