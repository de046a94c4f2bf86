import type { LiveEvent } from '../../api/types';

/** Newest first, each event id once. */
export function mergeEvents(...lists: LiveEvent[][]): LiveEvent[] {
  const byId = new Map<string, LiveEvent>();
  for (const list of lists)
    for (const event of list) if (!byId.has(event.id)) byId.set(event.id, event);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).slice(0, 30);
}

/** The part of the company a dashboard shows: one department, one site, or (both empty) all. */
export interface DashboardView {
  department: string;
  siteId: string;
}

/** Whether an event belongs on a dashboard narrowed to a department or a site (its taps there). */
export function inView(event: LiveEvent, view: DashboardView): boolean {
  if (view.department && event.data.department !== view.department) return false;
  return !view.siteId || event.data.siteId === Number(view.siteId);
}

/** `admin.dashboard`'s input for a view: only what narrows it. */
export function dashboardInput(view: DashboardView) {
  return {
    ...(view.department ? { department: view.department } : {}),
    ...(view.siteId ? { siteId: Number(view.siteId) } : {}),
  };
}
