import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../shared/domain/caller.ts';
import type { Action } from '../../../shared/domain/dossier/actions.ts';
import type { Dossier } from '../../../shared/domain/dossier/dossier.ts';
import { act } from '../../../shared/domain/dossier/lifecycle.ts';
import type { Procedure } from '../../../shared/domain/procedure.ts';
import { context, people, permit, submittedPermit } from '../lifecycle/fixtures.ts';

/** The permit of the lifecycle fixtures, with a fee the official sets between 500.000 and 5.000.000 đồng. */
const ranged: Procedure = {
  ...permit,
  fee: { schedule: { kind: 'range', min: 500_000, max: 5_000_000 }, due: 'result' },
};
const run = (dossier: Dossier, caller: Caller, action: Action) =>
  act(action, context(dossier, caller, { procedure: ranged })).dossier;
const code = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

const filed = (): Dossier => {
  const dossier = submittedPermit();
  // Filed under the ranged procedure: the amount waits for the official.
  return { ...dossier, fee: { amount: 0, due: 'result', paid: false, range: { min: 500_000, max: 5_000_000 } } };
};
const processing = run(run(filed(), people.receiver, { type: 'receive' }), people.receiver, {
  type: 'forward',
  assigneeId: 'specialist-nam',
});

describe('request-fees on a fee the official sets', () => {
  it('sets the amount inside the range, records who set it, and asks the applicant to pay', () => {
    const awaiting = run(processing, people.specialist, { type: 'request-fees', amount: 1_200_000 });
    expect(awaiting.status).toBe('awaiting-fees');
    expect(awaiting.fee).toMatchObject({ amount: 1_200_000, range: { setBy: 'specialist-nam' } });
    expect(awaiting.timeline.at(-1)?.note).toContain('1.200.000 đồng');
  });

  it('refuses an amount outside the range, and a request without an amount', () => {
    expect(code(() => run(processing, people.specialist, { type: 'request-fees', amount: 6_000_000 }))).toBe(
      'fee-out-of-range',
    );
    expect(code(() => run(processing, people.specialist, { type: 'request-fees' }))).toBe('fee-amount-required');
  });

  it('does not return the result before the fee is set and paid', () => {
    const decided = run(processing, people.leader, { type: 'decide', outcome: 'approved' });
    expect(code(() => run(decided, people.receiver, { type: 'return-result' }))).toBe('fee-unpaid');
  });

  it('returns the result of an exempt dossier with nothing paid', () => {
    const exempt: Dossier = {
      ...processing,
      fee: { amount: 0, due: 'result', paid: false, exemption: { code: 'ho-ngheo', label: 'Người thuộc hộ nghèo' } },
    };
    const decided = run(exempt, people.leader, { type: 'decide', outcome: 'approved' });
    expect(code(() => run(exempt, people.specialist, { type: 'request-fees' }))).toBe('fee-exempt');
    expect(code(() => run(decided, people.receiver, { type: 'return-result' }))).not.toBe('fee-unpaid');
  });
});
