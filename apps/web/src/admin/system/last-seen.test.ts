import { describe, expect, it } from 'vitest';
import { createdEvent, updatedEvent } from '../../api/event-fixture';
import { feedLagMs, lastSeenByNode } from './last-seen';

const zone = 'Asia/Jakarta';

describe("the System page's node figures", () => {
  it("takes each node's latest tap, at the tap's own time, whatever order the events came in", () => {
    const events = [
      createdEvent({ clockInAt: '2026-11-23T01:00:00.000Z' }, { nodeId: 'api-1', id: 'a' }),
      createdEvent({ clockInAt: '2026-11-23T02:30:00.000Z' }, { nodeId: 'api-1', id: 'b' }),
      createdEvent({ clockInAt: '2026-11-23T01:45:00.000Z' }, { nodeId: 'api-1', id: 'c' }),
      updatedEvent('clock_out', { clockOutAt: '2026-11-23T10:00:00.000Z' }),
    ];
    expect(Object.fromEntries(lastSeenByNode(events, zone))).toEqual({
      'api-1': '2026-11-23T02:30:00.000Z',
      'api-2': '2026-11-23T10:00:00.000Z',
    });
    expect(lastSeenByNode([], zone).size).toBe(0);
  });

  it('measures the newest event from when it happened to when it arrived, never below zero', () => {
    const tap = createdEvent({ clockInAt: '2026-11-23T01:00:00.000Z' });
    const at = Date.parse('2026-11-23T01:00:00.000Z');
    expect(feedLagMs(tap, zone, at + 180)).toBe(180);
    expect(feedLagMs(tap, zone, at - 50)).toBe(0);
    expect(feedLagMs(undefined, zone, at)).toBeNull();
  });
});
