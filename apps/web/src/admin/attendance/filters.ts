import type { Inputs } from '../../api/types';
import type { Status } from './correction';

/** Rows on one page of the attendance list. */
export const PAGE_SIZE = 100;

/** The attendance list's filters as the form holds them (an empty string: any). */
export interface Filters {
  from: string;
  to: string;
  userId: string;
  department: string;
  status: string;
  siteId: string;
}

export function todayOnly(today: string): Filters {
  return { from: today, to: today, userId: '', department: '', status: '', siteId: '' };
}

/** `admin.attendance.list`'s input: a page of the filters that are set, after `cursor` if given. */
export function listInput(
  filters: Filters,
  cursor?: number,
): Inputs['admin']['attendance']['list'] {
  return {
    from: filters.from,
    to: filters.to,
    limit: PAGE_SIZE,
    ...(filters.userId ? { userId: Number(filters.userId) } : {}),
    ...(filters.department ? { department: filters.department } : {}),
    ...(filters.status ? { status: filters.status as Status } : {}),
    ...(filters.siteId ? { siteId: Number(filters.siteId) } : {}),
    ...(cursor === undefined ? {} : { cursor }),
  };
}

/** Which rows a page shows, counted from 1: page 0 of 342 rows at 100 a page is 1–100. */
export function pageRange(page: number, shown: number, total: number) {
  const first = shown === 0 ? 0 : page * PAGE_SIZE + 1;
  return { first, last: shown === 0 ? 0 : first + shown - 1, total };
}
