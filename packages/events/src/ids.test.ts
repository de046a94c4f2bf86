import { describe, expect, it } from 'vitest';
import { eventIdTime, newEventId, pooledRandom } from './ids.js';

describe('event ids', () => {
  it('are ULIDs that sort by time and stay strictly increasing within one millisecond', () => {
    const at = Date.UTC(2026, 10, 24, 1, 2, 3, 456);
    const ids = Array.from({ length: 2_000 }, () => newEventId(at));
    expect(ids.every((id) => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(eventIdTime(ids[0]!).getTime()).toBe(at);
    expect(newEventId(at + 1) > ids.at(-1)!).toBe(true);
  });

  it('draw their randomness evenly over all 32 characters, across pool refills', () => {
    const random = pooledRandom(64);
    const counts = new Array<number>(32).fill(0);
    for (let draw = 0; draw < 32_000; draw += 1) {
      const value = random();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
      counts[Math.floor(value * 32)]! += 1;
    }
    // 1,000 expected per character; a stuck or short pool would leave some near 0.
    expect(Math.min(...counts)).toBeGreaterThan(800);
    expect(Math.max(...counts)).toBeLessThan(1_200);
  });

  it('come from pools that each fill from the system source, so two processes draw differently', () => {
    const a = pooledRandom();
    const b = pooledRandom();
    const first = Array.from({ length: 16 }, () => a());
    const second = Array.from({ length: 16 }, () => b());
    expect(first).not.toEqual(second);
  });
});
