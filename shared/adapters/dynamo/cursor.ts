import { RuleViolation } from '../../domain/rule-violation.ts';
import { tableLayout } from './table-layout.ts';

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
    const names = startKeyNames(expected);
    // Exactly the start key's string attributes: a forged shape would make DynamoDB fail with a 500.
    const valid =
      key &&
      typeof key === 'object' &&
      Object.entries(expected).every(([name, value]) => key[name] === value) &&
      Object.keys(key).length === names.size &&
      Object.entries(key).every(([name, value]) => names.has(name) && typeof value === 'string');
    if (valid) return key;
  } catch {
    // Fall through to the validation problem.
  }
  throw new RuleViolation('bad-request', 'invalid-cursor', 'Con trỏ trang (cursor) không hợp lệ.');
}

/** The cursor that resumes right after `row`: its start-key attributes in the partition `scope` names. */
export function cursorAfter(row: Record<string, unknown>, scope: Record<string, string>): string | undefined {
  return encodeCursor(Object.fromEntries([...startKeyNames(scope)].map((name) => [name, row[name]])));
}

/** The attributes of a start key in the partition `expected` names: the table's key, plus the index's for an index. */
function startKeyNames(expected: Record<string, string>): Set<string> {
  const names = new Set<string>([tableLayout.partitionKey, tableLayout.sortKey]);
  for (const index of Object.values(tableLayout.indexes)) {
    if (index.partitionKey in expected) names.add(index.partitionKey).add(index.sortKey);
  }
  return names;
}
