import type { LiveEvent } from '../../api/types';

/** Newest first, each event id once. */
export function mergeEvents(...lists: LiveEvent[][]): LiveEvent[] {
  const byId = new Map<string, LiveEvent>();
  for (const list of lists)
    for (const event of list) if (!byId.has(event.id)) byId.set(event.id, event);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)).slice(0, 30);
}
