export const roles = ['citizen', 'receiver', 'specialist', 'leader', 'admin', 'auditor', 'integration'] as const;
export type Role = (typeof roles)[number];

/** Who is calling, as the verified token says: never taken from a request body. */
export interface Caller {
  sub: string;
  roles: readonly Role[];
  agencyId?: string;
  /** The phone and e-mail the identity provider verified for the account (never a request's). */
  contacts?: { phone?: string; email?: string };
}

export const hasRole = (caller: Caller, ...wanted: Role[]): boolean => wanted.some((r) => caller.roles.includes(r));
