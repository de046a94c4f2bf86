import type { LiveEvent } from '../../api/types';
import { feedLine } from '../dashboard/feed-line';

/**
 * When each API node last took a tap, from the events this screen knows (the dashboard's latest
 * and those that arrived live): node id → ISO instant. Nodes with no such event are absent.
 */
export function lastSeenByNode(events: LiveEvent[], timeZone: string): Map<string, string> {
  const seen = new Map<string, string>();
  for (const event of events) {
    const { at } = feedLine(event, timeZone);
    const before = seen.get(event.nodeId);
    if (!before || Date.parse(at) > Date.parse(before)) seen.set(event.nodeId, at);
  }
  return seen;
}

/**
 * How long the newest live event took to reach this screen, in milliseconds: from when it
 * happened to `receivedAt` (never negative, whatever the clocks' drift). Null before any arrives.
 */
export function feedLagMs(newest: LiveEvent | undefined, timeZone: string, receivedAt: number) {
  if (!newest) return null;
  return Math.max(0, receivedAt - Date.parse(feedLine(newest, timeZone).at));
}
