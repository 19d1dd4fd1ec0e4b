import { describe, expect, it } from 'vitest';
import { alreadyApplied, requestDigest, requestMark } from '../../../shared/use-cases/request-key.ts';

const body = { type: 'receive', expectedVersion: 1 };

describe("an official's step marked by its Idempotency-Key", () => {
  it('is marked the same for the same caller, key and body, in 16 characters each', () => {
    const mark = requestMark('receiver-mai', 'key-1', body);
    expect(requestMark('receiver-mai', 'key-1', { ...body })).toEqual(mark);
    expect(mark.key).toHaveLength(16);
    expect(mark.digest).toHaveLength(16);
  });

  it('binds the key to its caller: another official’s same key is another request', () => {
    expect(requestMark('leader-son', 'key-1', body).key).not.toBe(requestMark('receiver-mai', 'key-1', body).key);
  });

  it('binds the body', () => {
    const mark = requestMark('receiver-mai', 'key-1', body);
    const other = requestMark('receiver-mai', 'key-1', { ...body, note: 'Đủ giấy tờ' });
    expect(other.key).toBe(mark.key);
    expect(other.digest).not.toBe(mark.digest);
  });

  it('finds a replay applied, a new key not applied, and refuses another body under a used key', () => {
    const mark = requestMark('receiver-mai', 'key-1', body);
    const marks = [requestMark('receiver-mai', 'key-0', body), mark];
    expect(alreadyApplied(marks, mark)).toBe(true);
    expect(alreadyApplied(marks, requestMark('receiver-mai', 'key-2', body))).toBe(false);
    expect(() => alreadyApplied(marks, requestMark('receiver-mai', 'key-1', { ...body, expectedVersion: 2 }))).toThrow(
      expect.objectContaining({ kind: 'invalid', code: 'idempotency-key-reused' }),
    );
  });

  it('digests every part in order', () => {
    expect(requestDigest('online', body)).not.toBe(requestDigest(body, 'online'));
    expect(requestDigest('online', body)).toBe(requestDigest('online', { ...body }));
  });
});
