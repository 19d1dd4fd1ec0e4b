import { describe, expect, it, vi } from 'vitest';
import type { Caller } from '../../../../shared/domain/caller.ts';
import type { Action } from '../../../../shared/domain/dossier/actions.ts';
import type { Dossier } from '../../../../shared/domain/dossier/dossier.ts';
import { act } from '../../../../shared/domain/dossier/lifecycle.ts';
import { eventId, type DomainEvent } from '../../../../shared/domain/events.ts';
import { localCertificateAuthority } from '../../../../shared/documents/signing/local-ca.ts';
import { verifyPdf } from '../../../../shared/documents/signing/pades.ts';
import { signResult } from '../../../../shared/use-cases/documents/sign-result.ts';
import { fakeAgencyRepository } from '../../../support/fakes/agency-repository.ts';
import { fakeCatalogueRepository } from '../../../support/fakes/catalogue-repository.ts';
import { fakeDocumentRepository } from '../../../support/fakes/document-repository.ts';
import { fakeDocumentStore } from '../../../support/fakes/document-store.ts';
import { fakeDossierRepository } from '../../../support/fakes/dossier-repository.ts';
import { context, people, permit, roster, submittedPermit, sxd } from '../../lifecycle/fixtures.ts';

const steps: [Caller, Action][] = [
  [people.receiver, { type: 'receive' }],
  [people.receiver, { type: 'forward', assigneeId: 'specialist-nam' }],
  [people.specialist, { type: 'forward', assigneeId: 'leader-son' }],
  [people.leader, { type: 'decide', outcome: 'approved' }],
];
const decided: Dossier = steps.reduce(
  (dossier, [caller, action]) => act(action, context(dossier, caller)).dossier,
  submittedPermit(),
);
const decision: DomainEvent = {
  id: eventId(decided.code, decided.version, 'DossierChanged'),
  type: 'DossierChanged',
  dossierCode: decided.code,
  occurredAt: '2026-03-05T10:00:00+07:00',
  data: {
    applicantId: decided.applicantId,
    agencyId: sxd.id,
    action: 'decide',
    from: 'processing',
    to: 'decided',
    dueAt: '2026-03-16T17:30:00+07:00',
  },
};
const ca = localCertificateAuthority({ now: () => new Date('2026-01-05T00:00:00Z') });

function world() {
  const dossiers = fakeDossierRepository([decided]);
  const documents = fakeDocumentRepository();
  const store = fakeDocumentStore();
  const signer = { ...ca, sign: vi.fn(ca.sign) };
  const sign = signResult({
    dossiers,
    agencies: fakeAgencyRepository({
      agencies: [sxd],
      officials: roster.map((o) => (o.sub === 'leader-son' ? { ...o, name: 'Trịnh Hồng Sơn' } : o)),
    }),
    catalogue: fakeCatalogueRepository([permit]),
    documents,
    store,
    signer,
    publicUrl: 'https://dichvucong.bacninh.gov.vn',
    now: () => new Date('2026-03-05T10:00:05+07:00'),
  });
  return { sign, dossiers, documents, store, signer };
}

// The result is signed by the deciding leader, then by the agency's organisation certificate in place
// of its seal (Nghị định 30/2020/NĐ-CP, phụ lục I), and returned only once signed.
describe('signing the result of a decision', () => {
  it('signs twice — the leader, then the agency — keeps the PDF, lists it and records it on the dossier', async () => {
    const { sign, dossiers, documents, store, signer } = world();
    await sign(decision);
    expect(signer.sign).toHaveBeenCalledTimes(2);
    const [result, ...more] = await documents.list(decided.code);
    expect(more).toEqual([]);
    expect(result).toMatchObject({ kind: 'result', status: 'verified', createdBy: 'leader-son' });
    const pdf = store.objects.get(result?.key ?? '')?.body ?? new Uint8Array();
    const report = await verifyPdf(pdf, await ca.trustedRoots());
    expect(report).toMatchObject({
      valid: true,
      signer: { name: 'Trịnh Hồng Sơn', agency: sxd.name },
      organisation: { name: sxd.name },
    });
    const stored = await dossiers.get(decided.code);
    expect(stored?.dossier.timeline.at(-1)).toMatchObject({ action: 'result-signed' });
    expect(stored?.dossier.version).toBe(decided.version + 1);
  });

  it('a redelivered decision signs nothing again and records the result once', async () => {
    const { sign, dossiers, documents, signer } = world();
    await sign(decision);
    const after = (await dossiers.get(decided.code))?.dossier;
    await sign(decision);
    expect(signer.sign).toHaveBeenCalledTimes(2);
    expect(await documents.list(decided.code)).toHaveLength(1);
    expect((await dossiers.get(decided.code))?.dossier.version).toBe(after?.version);
    expect(
      (await dossiers.get(decided.code))?.dossier.timeline.filter((entry) => entry.action === 'result-signed'),
    ).toHaveLength(1);
  });

  it('ignores every other event', async () => {
    const { sign, documents, signer } = world();
    await sign({ ...decision, data: { ...decision.data, action: 'receive' } } as DomainEvent);
    await sign({ ...decision, type: 'DossierRouted' } as DomainEvent);
    expect(signer.sign).not.toHaveBeenCalled();
    expect(await documents.list(decided.code)).toEqual([]);
  });
});
