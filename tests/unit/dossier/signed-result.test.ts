import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../../shared/domain/dossier/dossier.ts';
import { expectedVersionHolds } from '../../../shared/domain/dossier/annotations.ts';
import { act } from '../../../shared/domain/dossier/lifecycle.ts';
import { recordSignedResult } from '../../../shared/domain/dossier/signed-result.ts';
import { RuleViolation } from '../../../shared/domain/rule-violation.ts';
import { context, people, submittedPermit } from '../lifecycle/fixtures.ts';

const decided = (returnMethod: Dossier['returnMethod'] = 'online'): Dossier => ({
  ...submittedPermit(),
  version: 9,
  status: 'decided',
  returnMethod,
  decision: { outcome: 'approved', decidedAt: '2026-03-10T10:00:00+07:00', by: 'leader-son' },
});
const signed = {
  documentId: 'result-v9',
  signerName: 'Lê Văn Sơn',
  signedAt: new Date('2026-03-10T03:00:05Z'),
};

describe('recording the signed result on the dossier', () => {
  it('adds a system entry naming the signer, keeps the status and records a result-signed change', () => {
    const before = decided();
    const decision = recordSignedResult(before, signed);
    expect(decision).toBeDefined();
    const { dossier, events } = decision as NonNullable<typeof decision>;
    expect(dossier.version).toBe(10);
    expect(dossier.status).toBe('decided');
    expect(dossier.timeline).toHaveLength(before.timeline.length + 1);
    expect(dossier.timeline.at(-1)).toEqual({
      at: '2026-03-10T10:00:05+07:00',
      actor: { sub: 'system', role: 'system' },
      action: 'result-signed',
      from: 'decided',
      to: 'decided',
      agencyId: '24.SXD',
      note: expect.stringMatching(/^Kết quả đã được ký số bởi Lê Văn Sơn\. .*tải bản điện tử/),
      documentId: 'result-v9',
    });
    expect(events).toEqual([
      expect.objectContaining({
        id: '24.SXD-260302-0001:10:DossierChanged',
        type: 'DossierChanged',
        occurredAt: '2026-03-10T10:00:05+07:00',
        data: expect.objectContaining({ action: 'result-signed', from: 'decided', to: 'decided' }),
      }),
    ]);
  });

  it('tells where a counter result is collected', () => {
    const note = recordSignedResult(decided('counter'), signed)?.dossier.timeline.at(-1)?.note;
    expect(note).toContain('Bộ phận tiếp nhận và trả kết quả');
  });

  it('records a document once: a redelivery decides nothing', () => {
    const once = recordSignedResult(decided(), signed)?.dossier as Dossier;
    expect(recordSignedResult(once, signed)).toBeUndefined();
    expect(recordSignedResult(once, { ...signed, signedAt: new Date() })).toBeUndefined();
  });

  it('records nothing on a dossier without a decision', () => {
    expect(recordSignedResult(submittedPermit(), signed)).toBeUndefined();
  });
});

describe('returning the result only once it is signed', () => {
  // docs/domain.md "Results, signatures, digitisation": the result is returned only once signed by
  // the leader and by the agency (its organisation certificate in place of the seal).
  const paid = (): Dossier => ({ ...decided('counter'), fee: { amount: 150_000, due: 'result', paid: true } });
  const returnResult = (dossier: Dossier) =>
    act({ type: 'return-result' }, context(dossier, people.receiver, { now: new Date('2026-03-10T04:00:00Z') }));

  it('refuses to return a decided dossier whose result is not signed yet: 409 result-not-signed, in Vietnamese', () => {
    let refusal: unknown;
    try {
      returnResult(paid());
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(RuleViolation);
    expect(refusal).toMatchObject({ kind: 'conflict', code: 'result-not-signed' });
    expect((refusal as RuleViolation).message).toContain('chưa được ký số');
  });

  it('returns it once the signed result is recorded', () => {
    const ready = recordSignedResult(paid(), signed)?.dossier as Dossier;
    const { dossier } = returnResult(ready);
    expect(dossier.status).toBe('returned');
    expect(dossier.timeline.at(-1)).toMatchObject({ action: 'return-result', from: 'decided', to: 'returned' });
  });

  it('still refuses an unpaid fee due at result first', () => {
    const unpaid = recordSignedResult(
      { ...decided('counter'), fee: { amount: 150_000, due: 'result', paid: false } },
      signed,
    )?.dossier as Dossier;
    expect(() => returnResult(unpaid)).toThrow(expect.objectContaining({ code: 'fee-unpaid' }));
  });
});

describe('the signed result is an annotation: it does not invalidate an official’s next step', () => {
  it('accepts the version the official saw before the annotation, and the current one', () => {
    const before = decided('counter');
    const annotated = recordSignedResult(before, signed)?.dossier as Dossier;
    expect(annotated.version).toBe(before.version + 1);
    expect(annotated.annotated).toEqual({ from: before.version, to: annotated.version });
    expect(expectedVersionHolds(annotated, before.version)).toBe(true);
    expect(expectedVersionHolds(annotated, annotated.version)).toBe(true);
    // A version before the decision was a different state: the official must re-read.
    expect(expectedVersionHolds(annotated, before.version - 1)).toBe(false);
    expect(expectedVersionHolds(annotated, annotated.version + 1)).toBe(false);
  });

  it('spans consecutive annotations, and closes at the next change that is not one', () => {
    const before: Dossier = { ...decided('counter'), fee: { amount: 150_000, due: 'result', paid: true } };
    const once = recordSignedResult(before, signed)?.dossier as Dossier;
    const twice = recordSignedResult(once, { ...signed, documentId: 'result-v10' })?.dossier as Dossier;
    expect(twice.annotated).toEqual({ from: before.version, to: before.version + 2 });
    expect(expectedVersionHolds(twice, before.version)).toBe(true);
    const returned = act({ type: 'return-result' }, context(twice, people.receiver)).dossier;
    expect(expectedVersionHolds(returned, returned.version)).toBe(true);
    expect(expectedVersionHolds(returned, twice.version)).toBe(false);
    expect(expectedVersionHolds(returned, before.version)).toBe(false);
  });

  it('a dossier never annotated accepts exactly its version', () => {
    const dossier = decided();
    expect(expectedVersionHolds(dossier, dossier.version)).toBe(true);
    expect(expectedVersionHolds(dossier, dossier.version - 1)).toBe(false);
  });
});
