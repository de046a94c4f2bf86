import { describe, expect, it } from 'vitest';
import { eventIdAt } from './event-id';

describe('the event id of an instant', () => {
  it("writes the instant as a ULID's time, the smallest id of that millisecond", () => {
    // The ULID specification's example: 1469918176385 is 01ARYZ6S41.
    expect(eventIdAt(1469918176385)).toBe('01ARYZ6S410000000000000000');
  });

  it('sorts after every event made before the instant and before every one made at it or after', () => {
    const at = Date.parse('2026-11-24T01:00:00.000Z');
    const made = (ms: number) => `${eventIdAt(ms).slice(0, 10)}ZZZZZZZZZZZZZZZZ`;
    expect(made(at - 1) < eventIdAt(at)).toBe(true);
    expect(eventIdAt(at) < made(at)).toBe(true);
    expect(eventIdAt(at) < made(at + 1)).toBe(true);
  });
});
