import { describe, expect, it } from 'vitest';
import { createdEvent } from '../../api/event-fixture';
import { dashboardInput, inView, mergeEvents } from './events';

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

describe('a narrowed dashboard', () => {
  const warehouse = createdEvent({ department: 'Gudang', siteId: 2 });
  const office = createdEvent({ department: 'Kantor', siteId: 1 });
  const nowhere = createdEvent({ department: null, siteId: null });

  it('shows every event when nothing narrows it', () => {
    const all = { department: '', siteId: '' };
    expect([warehouse, office, nowhere].filter((event) => inView(event, all))).toHaveLength(3);
    expect(dashboardInput(all)).toEqual({});
  });

  it("keeps a department's events, or the taps made at a site", () => {
    expect(inView(warehouse, { department: 'Gudang', siteId: '' })).toBe(true);
    expect(inView(office, { department: 'Gudang', siteId: '' })).toBe(false);
    expect(inView(nowhere, { department: 'Gudang', siteId: '' })).toBe(false);
    expect(inView(office, { department: '', siteId: '1' })).toBe(true);
    expect(inView(warehouse, { department: '', siteId: '1' })).toBe(false);
    expect(inView(warehouse, { department: 'Gudang', siteId: '1' })).toBe(false);
    expect(dashboardInput({ department: 'Gudang', siteId: '2' })).toEqual({
      department: 'Gudang',
      siteId: 2,
    });
  });
});
