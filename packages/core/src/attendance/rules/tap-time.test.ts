import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveTapTime, MAX_TAP_AGE_MS, OFFLINE_AFTER_MS } from './tap-time.js';

const received = new Date('2026-11-24T01:20:00Z'); // 08:20 in Jakarta
const minutes = (count: number) => count * 60_000;
const shifted = (date: Date, ms: number) => new Date(date.getTime() + ms);

describe('the effective time of a tap: received − (sentAt − at)', () => {
  it.each([
    // [case, phone clock error (ms, + = ahead), held on the phone before sending (ms), effective = received − held]
    ['a right clock, sent at once', 0, 0],
    ['a clock 20 minutes slow, sent at once', -minutes(20), 0],
    ['a clock 3 hours fast, sent at once', minutes(180), 0],
    ['a clock 20 minutes slow, kept offline 2 hours', -minutes(20), minutes(120)],
    ['a clock a day fast, kept offline 71 hours', minutes(24 * 60), minutes(71 * 60)],
    ['a right clock, held exactly the offline threshold', 0, OFFLINE_AFTER_MS],
    ['a right clock, held exactly 72 hours', 0, MAX_TAP_AGE_MS],
  ] as const)('%s', (_case, clockErrorMs, heldMs) => {
    const tappedReally = shifted(received, -heldMs);
    const tap = effectiveTapTime({
      receivedAt: received,
      deviceAt: shifted(tappedReally, clockErrorMs),
      deviceSentAt: shifted(received, clockErrorMs),
    });
    expect(tap).toEqual({
      ok: true,
      effectiveAt: tappedReally,
      source: heldMs > OFFLINE_AFTER_MS ? 'offline' : 'online',
    });
  });

  it('refuses a tap held longer than 72 hours, a sentAt before at, and a sentAt alone', () => {
    expect(
      effectiveTapTime({
        receivedAt: received,
        deviceAt: shifted(received, -MAX_TAP_AGE_MS - 1),
        deviceSentAt: received,
      }),
    ).toEqual({ ok: false, reason: 'too_old' });
    expect(
      effectiveTapTime({
        receivedAt: received,
        deviceAt: received,
        deviceSentAt: shifted(received, -1),
      }),
    ).toEqual({ ok: false, reason: 'sent_before_tap' });
    expect(effectiveTapTime({ receivedAt: received, deviceSentAt: received })).toEqual({
      ok: false,
      reason: 'sent_without_tap',
    });
  });

  it('takes the server clock when the phone sends no time', () => {
    expect(effectiveTapTime({ receivedAt: received })).toEqual({
      ok: true,
      effectiveAt: received,
      source: 'online',
    });
  });

  describe('an old client that sends only at', () => {
    it.each([
      ['a few seconds behind: the phone time', -5_000, -5_000, 'online'],
      [
        'behind by more than a minute: kept offline, the phone time',
        -minutes(50),
        -minutes(50),
        'offline',
      ],
      ['ahead: not believed, the server time', minutes(30), 0, 'online'],
      ['exactly 72 hours behind: still counted', -MAX_TAP_AGE_MS, -MAX_TAP_AGE_MS, 'offline'],
    ] as const)('%s', (_case, atOffset, effectiveOffset, source) => {
      expect(
        effectiveTapTime({ receivedAt: received, deviceAt: shifted(received, atOffset) }),
      ).toEqual({ ok: true, effectiveAt: shifted(received, effectiveOffset), source });
    });

    it('refuses one more than 72 hours behind', () => {
      expect(
        effectiveTapTime({
          receivedAt: received,
          deviceAt: shifted(received, -MAX_TAP_AGE_MS - 1),
        }),
      ).toEqual({ ok: false, reason: 'too_old' });
    });
  });

  it('gives the true instant for any phone clock error and any time held, and never a future one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -10 * 365 * 86_400_000, max: 10 * 365 * 86_400_000 }),
        fc.integer({ min: 0, max: MAX_TAP_AGE_MS }),
        fc.integer({ min: 0, max: 2_000_000_000_000 }),
        (clockErrorMs, heldMs, receivedMs) => {
          const receivedAt = new Date(receivedMs + 1_000_000_000_000);
          const tap = effectiveTapTime({
            receivedAt,
            deviceAt: shifted(receivedAt, clockErrorMs - heldMs),
            deviceSentAt: shifted(receivedAt, clockErrorMs),
          });
          return (
            tap.ok &&
            tap.effectiveAt.getTime() === receivedAt.getTime() - heldMs &&
            tap.effectiveAt <= receivedAt
          );
        },
      ),
    );
  });
});
