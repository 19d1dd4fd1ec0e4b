import type { Role } from '../caller.ts';
import type { ActionType } from './actions.ts';
import type { DossierStatus } from './status.ts';
import { openStatuses } from './status.ts';

/**
 * Who may do what, from which status (docs/domain.md "Lifecycle"). `applicant` is the dossier's own
 * applicant; official roles act only on dossiers their agency holds.
 */
export interface Transition {
  from: readonly DossierStatus[];
  by: readonly (Extract<Role, 'receiver' | 'specialist' | 'leader'> | 'applicant')[];
  /**
   * The receivers of the service centre that received the dossier may also do this while the competent
   * agency holds it: the applicant pays and brings papers at the centre's counter (Nghị định 118/2025/NĐ-CP).
   */
  atIntakeCentre?: true;
}

export const transitions: Record<ActionType, Transition> = {
  receive: { from: ['submitted'], by: ['receiver'] },
  refuse: { from: ['submitted'], by: ['receiver'] },
  'request-supplement': { from: ['submitted', 'processing'], by: ['receiver', 'specialist', 'leader'] },
  supplement: { from: ['supplement-requested'], by: ['applicant', 'receiver'], atIntakeCentre: true },
  forward: { from: ['received', 'processing'], by: ['receiver', 'specialist', 'leader'] },
  transfer: { from: ['processing'], by: ['specialist', 'leader'] },
  'request-fees': { from: ['processing'], by: ['specialist', 'leader'] },
  'confirm-payment': { from: ['awaiting-fees'], by: ['receiver'], atIntakeCentre: true },
  'request-extension': { from: ['processing', 'supplement-requested', 'awaiting-fees'], by: ['leader'] },
  stop: { from: ['processing', 'supplement-requested'], by: ['leader'] },
  decide: { from: ['processing', 'awaiting-fees'], by: ['leader'] },
  'return-result': { from: ['decided'], by: ['receiver'] },
  withdraw: { from: openStatuses, by: ['applicant'] },
};

/** Statuses after which nothing more happens to a dossier. */
export const finalStatuses: readonly DossierStatus[] = ['refused', 'withdrawn', 'stopped', 'returned'];
