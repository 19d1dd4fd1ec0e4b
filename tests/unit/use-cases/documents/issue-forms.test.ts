import { describe, expect, it, vi } from 'vitest';
import { eventId, type DomainEvent } from '../../../../shared/domain/events.ts';
import { issueForms } from '../../../../shared/use-cases/documents/issue-forms.ts';
import type { DocumentRepository } from '../../../../shared/use-cases/ports/document-repository.ts';
import { fakeAgencyRepository } from '../../../support/fakes/agency-repository.ts';
import { fakeCatalogueRepository } from '../../../support/fakes/catalogue-repository.ts';
import { fakeDocumentRepository } from '../../../support/fakes/document-repository.ts';
import { fakeDocumentStore } from '../../../support/fakes/document-store.ts';
import { fakeDossierRepository } from '../../../support/fakes/dossier-repository.ts';
import { commune, permit, submittedPermit, sxd } from '../../lifecycle/fixtures.ts';

const dossier = submittedPermit();
const changed = (version: number, data: Partial<DomainEvent<'DossierChanged'>['data']>): DomainEvent => ({
  id: eventId(dossier.code, version, 'DossierChanged'),
  type: 'DossierChanged',
  dossierCode: dossier.code,
  occurredAt: '2026-03-03T10:15:00+07:00',
  data: {
    applicantId: dossier.applicantId,
    agencyId: sxd.id,
    action: 'request-supplement',
    from: 'received',
    to: 'supplement-requested',
    dueAt: '2026-03-20T17:00:00+07:00',
    ...data,
  },
});

function setup(documents: DocumentRepository = fakeDocumentRepository()) {
  const store = fakeDocumentStore();
  const issue = issueForms({
    dossiers: fakeDossierRepository([dossier]),
    catalogue: fakeCatalogueRepository([permit]),
    agencies: fakeAgencyRepository({ agencies: [sxd, commune] }),
    documents,
    store,
    publicUrl: 'https://dichvucong.bacninh.gov.vn',
  });
  return { issue, store, documents };
}

describe('issuing the forms a step calls for (Thông tư 03/2025/TT-VPCP, phụ lục I)', () => {
  it('renders the form the step names, keeps the PDF under the dossier and lists it, named by the annex', async () => {
    const { issue, store, documents } = setup();
    await issue(changed(7, { form: '02' }));
    const [listed, ...more] = await documents.list(dossier.code);
    expect(more).toEqual([]);
    expect(listed).toMatchObject({
      id: 'form-02-v0007',
      kind: 'form',
      form: '02',
      name: expect.stringMatching(/^Mẫu số 02: /),
      status: 'verified',
      createdBy: 'system',
      createdAt: '2026-03-03T10:15:00+07:00',
    });
    const stored = store.objects.get(listed?.key ?? '');
    expect(listed?.key).toContain(`dossiers/${dossier.code}/forms/`);
    expect(stored?.contentType).toBe('application/pdf');
    expect(
      Buffer.from(stored?.body ?? [])
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    expect(listed?.size).toBe(stored?.body.length);
  });

  it('does nothing for a step without a form, nor for the control slip (06), which is drawn when read', async () => {
    const { issue, store, documents } = setup();
    await issue(changed(7, {}));
    await issue(changed(8, { form: '06' }));
    expect(await documents.list(dossier.code)).toEqual([]);
    expect(store.objects.size).toBe(0);
  });

  it('a redelivered event finds its form listed and renders nothing again', async () => {
    const documents = fakeDocumentRepository();
    const create = vi.spyOn(documents, 'create');
    const { issue, store } = setup(documents);
    await issue(changed(7, { form: '03' }));
    const written = [...store.objects.values()][0]?.body;
    await issue(changed(7, { form: '03' }));
    expect(create).toHaveBeenCalledTimes(1);
    expect(store.objects.size).toBe(1);
    expect([...store.objects.values()][0]?.body).toBe(written);
  });

  it('keys each form by the version of the step that issued it, zero-padded so they list oldest first', async () => {
    const { issue, documents } = setup();
    await issue(changed(12, { form: '02' }));
    await issue(changed(9, { form: '02' }));
    expect((await documents.list(dossier.code)).map((d) => d.id).sort()).toEqual(['form-02-v0009', 'form-02-v0012']);
  });

  it('fails for a dossier it cannot find, so the queue retries and nothing is listed', async () => {
    const { issue, documents } = setup();
    await expect(issue({ ...changed(7, { form: '02' }), dossierCode: '24.SXD-260302-0999' })).rejects.toThrow(
      /not found/,
    );
    expect(await documents.list('24.SXD-260302-0999')).toEqual([]);
  });
});
