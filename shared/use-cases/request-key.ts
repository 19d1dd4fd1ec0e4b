import { createHash } from 'node:crypto';
import { RuleViolation } from '../domain/rule-violation.ts';

/** A digest of what an Idempotency-Key binds (the route's channel and the body as validated): base64url. */
export const requestDigest = (...parts: unknown[]): string =>
  createHash('sha256').update(JSON.stringify(parts)).digest('base64url');

/** The same key sent with another request: refused, as for every Idempotency-Key. */
export const idempotencyKeyReused = (): RuleViolation =>
  new RuleViolation(
    'invalid',
    'idempotency-key-reused',
    'Khóa Idempotency-Key đã dùng cho yêu cầu khác. Mỗi yêu cầu mới cần một Idempotency-Key mới.',
  );

/**
 * An official's step as it rides on the dossier's own write (shared/adapters/dynamo/dossier-repository.ts
 * `requests`): the caller and their Idempotency-Key, and the body, each as 16 characters of a SHA-256
 * (96 bits: no collision among a dossier's few steps), so the mark weighs the same whatever the key.
 */
export interface RequestMark {
  key: string;
  digest: string;
}

export const requestMark = (sub: string, idempotencyKey: string, ...body: unknown[]): RequestMark => ({
  key: createHash('sha256').update(`${sub}\n${idempotencyKey}`).digest('base64url').slice(0, 16),
  digest: requestDigest(...body).slice(0, 16),
});

/**
 * Whether `mark` was already applied: true for a replay of it, false for a request not seen; another
 * body under the same key is refused (422).
 */
export function alreadyApplied(marks: readonly RequestMark[], mark: RequestMark): boolean {
  const seen = marks.find((m) => m.key === mark.key);
  if (!seen) return false;
  if (seen.digest !== mark.digest) throw idempotencyKeyReused();
  return true;
}
