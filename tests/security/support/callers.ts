import { demoUsers } from '../../../infra/local/demo-users.ts';
import { type RouteAuth, usesToken } from '../../../infra/manifest.ts';
import type { Role } from '../../../shared/domain/caller.ts';

/**
 * Who calls, as the matrix sees them: nobody, one demo user per role, and the ownership cases.
 * The fixtures (a dossier for Phường Bắc Giang 24.07210, a feedback to the Sở Xây dựng 24.SXD) belong
 * to `citizen`; `receiver` works at the ward's service centre (24.07210.TTPVHCC, which holds the dossier
 * at intake), `leader` at the ward (which decides it), `specialist` at the feedback's agency,
 * `otherOfficial` at none of them.
 */
export const callerSubs = {
  anonymous: undefined,
  citizen: 'citizen-an',
  otherCitizen: 'citizen-binh',
  receiver: 'receiver-lan',
  specialist: 'specialist-nam',
  leader: 'leader-hung',
  otherOfficial: 'leader-tuan',
  admin: 'admin-quang',
  auditor: 'auditor-thu',
} as const satisfies Record<string, string | undefined>;

export type CallerKind = keyof typeof callerSubs;

export const callerKinds = Object.keys(callerSubs) as CallerKind[];

export function rolesOf(kind: CallerKind): readonly Role[] {
  const sub = callerSubs[kind];
  if (!sub) return [];
  const user = demoUsers.find((u) => u.sub === sub);
  if (!user) throw new Error(`No demo user ${sub}`);
  return user.roles;
}

/** The caller kinds a route lets through, from the manifest alone (none for a partner route: no token helps). */
export function allowedKinds(auth: RouteAuth): CallerKind[] {
  if (auth === 'public') return callerKinds;
  if (!usesToken(auth)) return [];
  return callerKinds.filter((kind) => rolesOf(kind).some((role) => auth.roles.includes(role)));
}
