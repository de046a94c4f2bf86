import { describe, expect, it } from 'vitest';
import { createdEvent, envelope, updatedEvent } from '../../api/event-fixture';
import { feedLine } from './feed-line';

const zone = 'Asia/Jakarta';

describe('a line of the live feed', () => {
  it("shows an offline clock-in at the tap's own time and day, not when it was synced", () => {
    expect(feedLine(createdEvent(), zone)).toEqual({
      text: 'eventIn',
      at: '2026-11-23T12:44:00.000Z',
      day: '2026-11-23',
      workDate: '2026-11-23',
      showLate: true,
      showPlace: true,
    });
    expect(feedLine(createdEvent({ status: 'on_time', lateMinutes: 0 }), zone).showLate).toBe(
      false,
    );
  });

  it("shows a clock-out at the clock-out's time, on its own day after midnight", () => {
    expect(feedLine(updatedEvent('clock_out'), zone)).toMatchObject({
      text: 'eventOut',
      at: '2026-11-23T16:30:00.000Z',
      day: '2026-11-23',
    });
    const night = updatedEvent('clock_out', { clockOutAt: '2026-11-23T18:30:00.000Z' });
    expect(feedLine(night, zone)).toMatchObject({ day: '2026-11-24', workDate: '2026-11-23' });
    expect(feedLine(updatedEvent('auto_clock_out', { clockOutKind: 'auto' }), zone).text).toBe(
      'eventAuto',
    );
    expect(
      feedLine(updatedEvent('deactivation', { clockOutKind: 'deactivation' }), zone),
    ).toMatchObject({ text: 'eventDeactivation', at: '2026-11-23T16:30:00.000Z', showLate: false });
  });

  it("shows an admin's correction or added shift when it was made, naming the record's date", () => {
    expect(feedLine(updatedEvent('correction', { clockOutKind: 'correction' }), zone)).toEqual({
      text: 'eventCorrection',
      at: envelope.occurredAt,
      day: '2026-11-24',
      workDate: '2026-11-23',
      showLate: false,
      showPlace: false,
    });
    const added = createdEvent({
      clockOutAt: '2026-11-23T16:00:00.000Z',
      clockOutKind: 'correction',
    });
    expect(feedLine(added, zone)).toMatchObject({
      text: 'eventAdded',
      at: envelope.occurredAt,
      workDate: '2026-11-23',
      showLate: false,
      showPlace: false,
    });
  });
});
