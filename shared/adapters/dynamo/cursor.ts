import { RuleViolation } from '../../domain/rule-violation.ts';

/**
 * Opaque page cursors: the last evaluated key, base64url-encoded. A cursor is checked against the
 * partition the caller may read, so a forged one cannot reach another partition.
 */
export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | undefined {
  return lastKey ? Buffer.from(JSON.stringify(lastKey)).toString('base64url') : undefined;
}

export function decodeCursor(
  cursor: string | undefined,
  expected: Record<string, string>,
): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const valid =
      key && typeof key === 'object' && Object.entries(expected).every(([name, value]) => key[name] === value);
    if (valid) return key;
  } catch {
    // Fall through to the validation problem.
  }
  throw new RuleViolation('bad-request', 'invalid-cursor', 'Con trỏ trang (cursor) không hợp lệ.');
}
