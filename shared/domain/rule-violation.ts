/**
 * A request the rules refuse. `kind` tells the HTTP layer which status fits; `message` is the
 * Vietnamese sentence the person reads; `details` are extra machine-readable facts.
 */
export class RuleViolation extends Error {
  constructor(
    readonly kind: 'bad-request' | 'forbidden' | 'invalid' | 'not-found' | 'conflict' | 'rate-limited',
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'RuleViolation';
  }
}

/** Another change reached the dossier first: the loser learns the version it should re-read. */
export const versionConflict = (currentVersion: number | undefined) =>
  new RuleViolation('conflict', 'version-conflict', 'Hồ sơ vừa được người khác cập nhật; vui lòng tải lại.', {
    currentVersion,
  });
