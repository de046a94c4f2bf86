import type { Inputs } from '../../api/types';
import type { Status } from './correction';

/** The attendance list's filters as the form holds them (an empty string: any). */
export interface Filters {
  from: string;
  to: string;
  userId: string;
  department: string;
  status: string;
}

export function todayOnly(today: string): Filters {
  return { from: today, to: today, userId: '', department: '', status: '' };
}

/** `admin.attendance.list`'s input for the filters: a hundred rows, the filters that are set. */
export function listInput(filters: Filters): Inputs['admin']['attendance']['list'] {
  return {
    from: filters.from,
    to: filters.to,
    limit: 100,
    ...(filters.userId ? { userId: Number(filters.userId) } : {}),
    ...(filters.department ? { department: filters.department } : {}),
    ...(filters.status ? { status: filters.status as Status } : {}),
  };
}
