import { describe, expect, it } from 'vitest';
import { Problem, problemResponse } from '../../../shared/http/problem.ts';

describe('a problem+json answer', () => {
  it('tells a rate-limited client when to try again (RFC 9110, 10.2.3), from the problem’s retryAfterSeconds', () => {
    const limited = problemResponse(
      new Problem(429, 'too-many-filings', 'Quá nhiều yêu cầu', 'x', { retryAfterSeconds: 120 }),
    );
    expect(limited.headers?.['retry-after']).toBe('120');
    expect(JSON.parse(String(limited.body))).toMatchObject({ retryAfterSeconds: 120 });
  });

  it('carries no Retry-After on other statuses, nor on a 429 without a wait', () => {
    expect(
      problemResponse(new Problem(409, 'conflict', 'Xung đột', 'x', { retryAfterSeconds: 5 })).headers,
    ).not.toHaveProperty('retry-after');
    expect(problemResponse(new Problem(429, 'too-many', 'Quá nhiều', 'x')).headers).not.toHaveProperty('retry-after');
  });
});
