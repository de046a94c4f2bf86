import { describe, expect, it } from 'vitest';
import { createdEvent } from '../../api/event-fixture';
import { mergeEvents } from './events';

const event = (id: string, userName: string) => createdEvent({ userName }, { id });

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
