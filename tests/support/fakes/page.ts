import { RuleViolation } from '../../../shared/domain/rule-violation.ts';
import type { Page, PageRequest } from '../../../shared/use-cases/ports/page.ts';

/** What the adapters answer for a cursor they did not hand out, or one of another list (dynamo/cursor.ts). */
export const invalidCursor = () =>
  new RuleViolation('bad-request', 'invalid-cursor', 'Con trỏ trang (cursor) không hợp lệ.');

/**
 * One page of `items` (already in list order, each with a unique `keyOf`): at most `limit`, after the
 * item the cursor names. The cursor is opaque and bound to `scope`, so one list's cursor is refused by
 * another, as the adapters refuse a cursor of another partition.
 */
export function pageOf<T>(items: readonly T[], keyOf: (item: T) => string, scope: string, page: PageRequest): Page<T> {
  let start = 0;
  if (page.cursor !== undefined) {
    const after = decode(page.cursor, scope);
    const index = items.findIndex((item) => keyOf(item) === after);
    if (index < 0) throw invalidCursor();
    start = index + 1;
  }
  const slice = items.slice(start, start + page.limit);
  const last = slice.at(-1);
  const more = start + slice.length < items.length;
  return { items: slice, ...(more && last !== undefined ? { nextCursor: encode(scope, keyOf(last)) } : {}) };
}

const encode = (scope: string, after: string) => Buffer.from(JSON.stringify({ scope, after })).toString('base64url');

function decode(cursor: string, scope: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      scope?: unknown;
      after?: unknown;
    };
    if (parsed.scope === scope && typeof parsed.after === 'string') return parsed.after;
  } catch {
    // Not one of ours: refused below.
  }
  throw invalidCursor();
}

/** Deep copies in and out: a use case that mutates what it read must not change what is stored. */
export const copy = <T>(value: T): T => structuredClone(value);

/** Orders by a string key as DynamoDB orders sort keys (code units, not the locale's collation). */
export const byKey =
  <T>(keyOf: (item: T) => string, order: 'ascending' | 'descending' = 'ascending') =>
  (a: T, b: T): number => {
    const [x, y] = order === 'ascending' ? [keyOf(a), keyOf(b)] : [keyOf(b), keyOf(a)];
    return x < y ? -1 : x > y ? 1 : 0;
  };
