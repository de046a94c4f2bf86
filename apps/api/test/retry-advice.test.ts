import { describe, expect, it } from 'vitest';
import { RetryAdvice } from '../src/plugins/retry-advice.js';

function adviceAt(leastSeconds = 2, mostSeconds = 30) {
  let now = 0;
  const advice = new RetryAdvice({ leastSeconds, mostSeconds, windowMs: 2_000, now: () => now });
  return { advice, at: (ms: number) => (now = ms) };
}

function repeat(times: number, action: () => void) {
  for (let i = 0; i < times; i++) action();
}

describe('the Retry-After a node gives, grown with how far it is beyond its capacity', () => {
  it.each([
    // taken, refused in the window → seconds (least 2, most 30)
    [0, 0, 2],
    [0, 1, 2],
    [10, 5, 2], // refusing fewer than it takes: the least wait
    [10, 10, 2],
    [10, 11, 3], // 2 × 1.1, rounded up
    [100, 300, 6], // four times capacity: takes one in four, asks the other three to wait 3×
    [10, 1_000, 30], // capped at the most
  ])('%i taken, %i refused → %i s', (taken, refused, seconds) => {
    const { advice } = adviceAt();
    repeat(taken, () => advice.tookOne());
    repeat(refused, () => advice.refusedOne());
    expect(advice.seconds()).toBe(seconds);
  });

  it('forgets what is older than its window, step by step', () => {
    const { advice, at } = adviceAt();
    repeat(10, () => advice.tookOne());
    repeat(60, () => advice.refusedOne());
    expect(advice.seconds()).toBe(12);
    at(499); // still the same step
    expect(advice.seconds()).toBe(12);
    at(1_000); // two steps on: the counts are still in the window
    repeat(10, () => advice.tookOne());
    expect(advice.seconds()).toBe(6);
    at(2_000); // the first step has left the window
    expect(advice.seconds()).toBe(2);
    at(60_000); // long quiet: nothing left
    advice.refusedOne();
    expect(advice.seconds()).toBe(2);
  });

  it('never asks for less than the least or more than the most', () => {
    const { advice } = adviceAt(5, 5);
    repeat(1_000, () => advice.refusedOne());
    expect(advice.seconds()).toBe(5);
    expect(() => new RetryAdvice({ leastSeconds: 10, mostSeconds: 5 })).toThrow(/shorter/);
  });
});
