import { describe, expect, it } from 'vitest';
import { backoffSeconds } from '../../../shared/queue/retry-backoff.ts';

describe('retry backoff', () => {
  it.each([
    [1, 30, 900, 30],
    [2, 30, 900, 60],
    [3, 30, 900, 120],
    [5, 30, 900, 480],
    [6, 30, 900, 900],
    [40, 30, 900, 900],
    [0, 30, 900, 30],
    [3, 0, 900, 0],
  ])('attempt %i with base %i s, cap %i s → %i s', (attempt, base, max, expected) => {
    expect(backoffSeconds(attempt, base, max)).toBe(expected);
  });
});
