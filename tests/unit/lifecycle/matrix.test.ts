import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../shared/domain/caller.ts';
import type { Action, ActionType } from '../../../shared/domain/dossier/actions.ts';
import type { Dossier } from '../../../shared/domain/dossier/dossier.ts';
import { transferTargets } from '../../../shared/domain/dossier/joint.ts';
import { act } from '../../../shared/domain/dossier/lifecycle.ts';
import { recordSignedResult } from '../../../shared/domain/dossier/signed-result.ts';
import type { DossierStatus } from '../../../shared/domain/dossier/status.ts';
import { RuleViolation } from '../../../shared/domain/rule-violation.ts';
import { calendar, commune, context, people, submittedPermit } from './fixtures.ts';

type Actor = keyof typeof people;

/** docs/domain.md's lifecycle, written out independently of the code: action → (from statuses, who). */
const spec: Record<ActionType, { from: DossierStatus[]; by: Actor[] }> = {
  receive: { from: ['submitted'], by: ['receiver'] },
  refuse: { from: ['submitted'], by: ['receiver'] },
  'request-supplement': { from: ['submitted', 'processing'], by: ['receiver', 'specialist', 'leader'] },
  supplement: { from: ['supplement-requested'], by: ['applicant', 'receiver'] },
  forward: { from: ['received', 'processing'], by: ['receiver', 'specialist', 'leader'] },
  transfer: { from: ['processing'], by: ['specialist', 'leader'] },
  'request-fees': { from: ['processing'], by: ['specialist', 'leader'] },
  'confirm-payment': { from: ['awaiting-fees'], by: ['receiver'] },
  'request-extension': { from: ['processing', 'supplement-requested', 'awaiting-fees'], by: ['leader'] },
  stop: { from: ['processing', 'supplement-requested'], by: ['leader'] },
  decide: { from: ['processing', 'awaiting-fees'], by: ['leader'] },
  'return-result': { from: ['decided'], by: ['receiver'] },
  withdraw: {
    from: ['submitted', 'received', 'processing', 'supplement-requested', 'awaiting-fees'],
    by: ['applicant'],
  },
};

const actions: Record<ActionType, Action> = {
  receive: { type: 'receive' },
  refuse: { type: 'refuse', reason: 'Hồ sơ không thuộc thẩm quyền' },
  'request-supplement': { type: 'request-supplement', defects: ['Thiếu bản vẽ thiết kế'] },
  supplement: { type: 'supplement' },
  forward: { type: 'forward' },
  transfer: { type: 'transfer', agencyId: '24.07210' },
  'request-fees': { type: 'request-fees' },
  'confirm-payment': { type: 'confirm-payment' },
  'request-extension': { type: 'request-extension', extraWorkingDays: 2, reason: 'Cần xác minh thêm' },
  stop: { type: 'stop', reason: 'Người nộp không bổ sung hồ sơ' },
  decide: { type: 'decide', outcome: 'approved' },
  'return-result': { type: 'return-result' },
  withdraw: { type: 'withdraw', reason: 'Không còn nhu cầu' },
};

const step = (dossier: Dossier, actor: Caller, action: Action) => act(action, context(dossier, actor)).dossier;

/** The sign worker's part: a decided dossier is ready to return once its result is signed. */
const signed = (dossier: Dossier): Dossier =>
  recordSignedResult(dossier, { documentId: 'result-v1', signerName: 'Lãnh đạo', signedAt: new Date() })?.dossier ??
  dossier;

/** A dossier in each status, reached through the lifecycle itself. */
function inStatus(status: DossierStatus): Dossier {
  const submitted = submittedPermit();
  const received = step(submitted, people.receiver, actions.receive);
  const processing = step(received, people.receiver, actions.forward);
  const awaiting = step(processing, people.specialist, actions['request-fees']);
  const paid = step(awaiting, people.receiver, actions['confirm-payment']);
  const dossiers: Record<DossierStatus, () => Dossier> = {
    draft: () => ({ ...submitted, status: 'draft' }),
    submitted: () => submitted,
    received: () => received,
    processing: () => processing,
    'supplement-requested': () => step(processing, people.specialist, actions['request-supplement']),
    'awaiting-fees': () => awaiting,
    decided: () => signed(step(paid, people.leader, actions.decide)),
    refused: () => step(submitted, people.receiver, actions.refuse),
    withdrawn: () => step(submitted, people.applicant, actions.withdraw),
    stopped: () => step(processing, people.leader, actions.stop),
    returned: () => step(signed(step(paid, people.leader, actions.decide)), people.receiver, actions['return-result']),
  };
  const dossier = dossiers[status]();
  expect(dossier.status).toBe(status);
  return dossier;
}

const statuses = Object.keys({
  draft: 0,
  submitted: 0,
  received: 0,
  processing: 0,
  'supplement-requested': 0,
  'awaiting-fees': 0,
  decided: 0,
  refused: 0,
  withdrawn: 0,
  stopped: 0,
  returned: 0,
} satisfies Record<DossierStatus, 0>) as DossierStatus[];

const cases = statuses.flatMap((status) =>
  (Object.keys(spec) as ActionType[]).flatMap((type) =>
    (Object.keys(people) as Actor[]).map((actor) => ({
      status,
      type,
      actor,
      allowed: spec[type].from.includes(status) && spec[type].by.includes(actor),
    })),
  ),
);

describe('every (status, action, actor) of the lifecycle', () => {
  it.each(cases)('$status · $type · $actor → allowed: $allowed', ({ status, type, actor, allowed }) => {
    const dossier = inStatus(status);
    const caller = people[actor];
    const transfer =
      type === 'transfer'
        ? { allowed: transferTargets(context(dossier, caller).procedure, dossier, '24'), agency: commune, calendar }
        : undefined;
    const attempt = () => act(actions[type], context(dossier, caller, transfer ? { transfer } : {}));
    if (allowed) {
      const { dossier: next, events } = attempt();
      expect(next.version).toBe(dossier.version + 1);
      expect(next.timeline.at(-1)).toMatchObject({ action: type, from: status, actor: { sub: caller.sub } });
      expect(events).toEqual([
        expect.objectContaining({ type: 'DossierChanged', id: `${dossier.code}:${next.version}:DossierChanged` }),
      ]);
    } else {
      expect(attempt).toThrow(RuleViolation);
      try {
        attempt();
      } catch (error) {
        expect(['transition-not-allowed', 'action-not-allowed']).toContain((error as RuleViolation).code);
      }
    }
  });

  it('covers every status, action and actor', () => {
    expect(cases).toHaveLength(11 * 13 * 7);
    expect(cases.filter((c) => c.allowed).length).toBeGreaterThan(20);
  });
});
