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

describe('the members of RFC 9457', () => {
  it('keep their meaning whatever facts a problem adds: a fact named `status` does not replace the HTTP status', () => {
    const facts = { status: 'submitted', code: 'x', type: 'y', title: 'z', instance: 'w', currentVersion: 3 };
    const answer = problemResponse(
      new Problem(409, 'not-returned', 'Xung đột dữ liệu', 'Chưa trả kết quả.', facts),
      'req-1',
    );
    expect(JSON.parse(String(answer.body))).toEqual({
      type: 'https://egov-one-stop.gov.vn/problems/not-returned',
      code: 'not-returned',
      status: 409,
      title: 'Xung đột dữ liệu',
      detail: 'Chưa trả kết quả.',
      instance: 'req-1',
      currentVersion: 3,
    });
  });
});
