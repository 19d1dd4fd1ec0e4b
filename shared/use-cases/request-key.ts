import { createHash } from 'node:crypto';
import { RuleViolation } from '../domain/rule-violation.ts';
import type { RequestMark } from './ports/dossier-repository.ts';

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

/** The mark of an official's step (ports/dossier-repository.ts RequestMark): what a retry is known by. */
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
