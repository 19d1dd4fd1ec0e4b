import type { Procedure } from '../procedure.ts';
import { RuleViolation } from '../rule-violation.ts';

/** Everything an admin edits: a procedure without its code (the path names it) and version (assigned). */
export type ProcedureContent = Omit<Procedure, 'code' | 'version'>;

export const contentOf = ({ code: _code, version: _version, ...content }: Procedure): ProcedureContent => content;

/** JSON with object keys sorted and `undefined` dropped: equal content, equal text. Array order counts. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonical(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sameContent = (a: ProcedureContent, b: ProcedureContent): boolean => canonical(a) === canonical(b);

export type VersionDecision = { kind: 'unchanged'; procedure: Procedure } | { kind: 'created'; procedure: Procedure };

/**
 * The versioning rule. Saving a procedure creates version latest + 1 (1 for a new code), and
 * dossiers filed under an earlier version keep theirs. Content identical to the latest version
 * creates nothing and returns that version, so a retried save is harmless.
 */
export function nextVersion(code: string, latest: Procedure | undefined, content: ProcedureContent): VersionDecision {
  if (latest && sameContent(contentOf(latest), content)) return { kind: 'unchanged', procedure: latest };
  return { kind: 'created', procedure: { code, version: (latest?.version ?? 0) + 1, ...content } };
}

/** Another admin saved this version first with other content: the loser re-reads and edits again. */
export const procedureVersionTaken = (code: string, version: number) =>
  new RuleViolation(
    'conflict',
    'procedure-version-conflict',
    `Thủ tục ${code} vừa được người khác cập nhật lên phiên bản ${version}; vui lòng tải lại và sửa trên phiên bản mới.`,
    { currentVersion: version },
  );
