import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../api/types';
import { mergeEvents } from './events';

const event = (id: string, userName: string): LiveEvent => ({
  id,
  type: 'AttendanceCreated',
  occurredAt: '2026-11-24T01:00:00.000Z',
  nodeId: 'api-1',
  data: {
    attendanceId: 1,
    userId: 1,
    userName,
    department: null,
    workDate: '2026-11-24',
    status: 'on_time',
    lateMinutes: 0,
    clockInAt: '2026-11-24T01:00:00.000Z',
    clockInNode: 'api-1',
    clockOutAt: null,
    clockOutNode: null,
    clockOutKind: null,
  },
});

describe('the live feed', () => {
  it('shows each event once, newest first, whether it came live, replayed or in the snapshot', () => {
    const a = event('01JCZ0000000000000000000AA', 'A');
    const b = event('01JCZ0000000000000000000BB', 'B');
    const c = event('01JCZ0000000000000000000CC', 'C');
    expect(mergeEvents([c, b], [b, a], [a]).map((item) => item.id)).toEqual([c.id, b.id, a.id]);
  });

  it('keeps the newest 30', () => {
    const many = Array.from({ length: 40 }, (_, index) =>
      event(`01JCZ${String(index).padStart(21, '0')}`, `P${index}`),
    );
    const merged = mergeEvents(many);
    expect(merged).toHaveLength(30);
    expect(merged[0]!.data.userName).toBe('P39');
  });
});
