import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { Caller } from '../../../../shared/domain/caller.ts';
import { act } from '../../../../shared/domain/dossier/lifecycle.ts';
import type { Procedure } from '../../../../shared/domain/procedure.ts';
import { completeUpload, requestUpload, UploadBody } from '../../../../shared/use-cases/documents/upload-document.ts';
import { fakeCatalogueRepository } from '../../../support/fakes/catalogue-repository.ts';
import { fakeDocumentRepository } from '../../../support/fakes/document-repository.ts';
import { fakeDocumentStore } from '../../../support/fakes/document-store.ts';
import { fakeDossierRepository } from '../../../support/fakes/dossier-repository.ts';
import { fakePresigner } from '../../../support/fakes/presigner.ts';
import { context, people, permit, submittedPermit } from '../../lifecycle/fixtures.ts';

const code = '24.SXD-260302-0001';
const id = '0d3c7c1e-5b1a-4c2e-9f00-000000000001';
const procedure: Procedure = {
  ...permit,
  documents: [
    { name: 'Đơn đề nghị cấp giấy phép xây dựng', copyType: 'original', count: 1 },
    { name: 'Bản vẽ thiết kế', copyType: 'copy', count: 2 },
  ],
};
const pdf = new Uint8Array([...Buffer.from('%PDF-1.7\n'), ...new Uint8Array(91)]); // 100 bytes
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Uint8Array(92)]);
const requestedAt = new Date('2026-03-02T09:00:00+07:00');

function setup(dossier = submittedPermit()) {
  let now = requestedAt;
  const clock = () => now;
  const documents = fakeDocumentRepository();
  const store = fakeDocumentStore({}, clock);
  const dossiers = fakeDossierRepository([dossier]);
  const attempts = ['attempt-1', 'attempt-2'];
  const verified = vi.fn(async () => undefined);
  const request = requestUpload({
    dossiers,
    documents,
    catalogue: fakeCatalogueRepository([procedure]),
    presigner: fakePresigner(),
    newId: () => id,
    now: clock,
  });
  const complete = completeUpload({
    dossiers,
    documents,
    store,
    newId: () => attempts.shift() ?? 'attempt-x',
    verified,
    now: clock,
  });
  return { documents, store, request, complete, verified, at: (iso: string) => (now = new Date(iso)) };
}

const pdfOf100Bytes = UploadBody.parse({ slot: 0, contentType: 'application/pdf', size: 100 });
const uploadKey = `dossiers/${code}/uploads/${id}`;

describe('asking to upload a file', () => {
  it('creates a pending document for the slot and a form for its exact key, type and size, for 5 minutes', async () => {
    const { documents, request } = setup();
    const grant = await request(people.applicant, code, pdfOf100Bytes);
    expect(grant.document).toMatchObject({
      id,
      dossierCode: code,
      kind: 'upload',
      slot: 0,
      name: 'Đơn đề nghị cấp giấy phép xây dựng',
      status: 'pending',
      digitised: false,
      createdBy: 'citizen-an',
      expiresAt: '2026-03-02T09:05:00+07:00',
    });
    expect(grant.document).not.toHaveProperty('key');
    expect(grant.upload).toMatchObject({
      method: 'POST',
      expiresAt: '2026-03-02T09:05:00+07:00',
      fields: { key: uploadKey, 'Content-Type': 'application/pdf', 'x-size': '100', 'x-expires': '300' },
    });
    expect(await documents.get(code, id)).toMatchObject({ key: uploadKey, status: 'pending' });
  });

  it('counts a receiver’s scan as digitised paper', async () => {
    const { request } = setup();
    expect((await request(people.receiver, code, pdfOf100Bytes)).document.digitised).toBe(true);
  });

  it.each<[string, Caller, string]>([
    ['another citizen', people.otherCitizen, 'not-found'],
    ['an official of another agency', people.otherAgencyLeader, 'not-found'],
    ['a leader, who reads the dossier but does not add to it', people.leader, 'upload-not-allowed'],
  ])('refuses %s, creating nothing', async (_who, caller, refusal) => {
    const { documents, request } = setup();
    await expect(request(caller, code, pdfOf100Bytes)).rejects.toMatchObject({ code: refusal });
    expect(await documents.list(code)).toEqual([]);
  });

  it('refuses the applicant once the dossier is received', async () => {
    const received = act({ type: 'receive' }, context(submittedPermit(), people.receiver)).dossier;
    const { request } = setup(received);
    await expect(request(people.applicant, code, pdfOf100Bytes)).rejects.toMatchObject({
      kind: 'invalid',
      code: 'upload-closed',
    });
  });

  it('refuses a slot the procedure does not ask for', async () => {
    const { request } = setup();
    const slot2 = UploadBody.parse({ slot: 2, contentType: 'application/pdf', size: 100 });
    await expect(request(people.applicant, code, slot2)).rejects.toMatchObject({
      code: 'unknown-slot',
      details: { slots: 2 },
    });
  });
});

describe('completing an upload', () => {
  it('verifies the bytes on a copy no form can overwrite, and serves that copy from then on', async () => {
    const { documents, store, request, complete, verified, at } = setup();
    await request(people.applicant, code, pdfOf100Bytes);
    at('2026-03-02T09:02:00+07:00');
    await store.put(uploadKey, pdf, 'application/pdf');
    const view = await complete(people.applicant, code, id);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    expect(view).toMatchObject({ status: 'verified', sha256, verifiedAt: '2026-03-02T09:02:00+07:00' });
    expect(view).not.toHaveProperty('key');
    const copy = `dossiers/${code}/verified/${id}/attempt-1`;
    expect((await documents.get(code, id))?.key).toBe(copy);
    expect([...store.objects.keys()]).toEqual([copy]);
    expect(verified).toHaveBeenCalledExactlyOnceWith(code);
  });

  it('answers a completion of a verified document as it stands, verifying nothing again', async () => {
    const { store, request, complete, verified } = setup();
    await request(people.applicant, code, pdfOf100Bytes);
    await store.put(uploadKey, pdf, 'application/pdf');
    const first = await complete(people.applicant, code, id);
    expect(await complete(people.applicant, code, id)).toEqual(first);
    expect(verified).toHaveBeenCalledTimes(1);
  });

  it('is missing until the file is there', async () => {
    const { request, complete } = setup();
    await request(people.applicant, code, pdfOf100Bytes);
    await expect(complete(people.applicant, code, id)).rejects.toMatchObject({
      kind: 'invalid',
      code: 'upload-missing',
    });
  });

  it('quarantines a file of another size than declared, and tells the uploader why', async () => {
    const { documents, store, request, complete, verified } = setup();
    await request(people.applicant, code, pdfOf100Bytes);
    await store.put(uploadKey, pdf.slice(0, 99), 'application/pdf');
    await expect(complete(people.applicant, code, id)).rejects.toMatchObject({
      kind: 'invalid',
      code: 'document-rejected',
      details: { reason: 'size-mismatch' },
      message: 'Dung lượng tệp (99 byte) khác dung lượng đã khai (100 byte).',
    });
    expect([...store.objects.keys()]).toEqual([`quarantine/dossiers/${code}/${id}`]);
    expect(await documents.get(code, id)).toMatchObject({
      status: 'quarantined',
      key: `quarantine/dossiers/${code}/${id}`,
    });
    expect(verified).not.toHaveBeenCalled();
    // And refuses it the same way from then on.
    await expect(complete(people.applicant, code, id)).rejects.toMatchObject({ details: { reason: 'size-mismatch' } });
  });

  it('quarantines bytes of another type than declared, leaving nothing under the dossier', async () => {
    const { store, request, complete } = setup();
    await request(people.applicant, code, pdfOf100Bytes);
    await store.put(uploadKey, png, 'application/pdf');
    await expect(complete(people.applicant, code, id)).rejects.toMatchObject({ code: 'document-rejected' });
    expect([...store.objects.keys()]).toEqual([`quarantine/dossiers/${code}/${id}`]);
  });

  it('quarantines a file posted after the form expired', async () => {
    const { store, request, complete, at } = setup();
    await request(people.applicant, code, pdfOf100Bytes);
    // The form ended at 09:05; a minute of clock leeway, then late.
    at('2026-03-02T09:06:01+07:00');
    await store.put(uploadKey, pdf, 'application/pdf');
    await expect(complete(people.applicant, code, id)).rejects.toMatchObject({ details: { reason: 'upload-expired' } });
  });

  it('keeps one verified copy when two completions race', async () => {
    const { documents, store, request, complete, verified } = setup();
    await request(people.applicant, code, pdfOf100Bytes);
    await store.put(uploadKey, pdf, 'application/pdf');
    const [a, b] = await Promise.all([complete(people.applicant, code, id), complete(people.applicant, code, id)]);
    expect(a.status).toBe('verified');
    expect(b).toEqual(a);
    const kept = (await documents.get(code, id))?.key;
    expect([...store.objects.keys()]).toEqual([kept]);
    expect(verified).toHaveBeenCalledTimes(1);
  });

  it('refuses a reader who may not add files, touching neither the file nor the document', async () => {
    const { documents, store, request, complete } = setup();
    await request(people.applicant, code, pdfOf100Bytes);
    await store.put(uploadKey, pdf, 'application/pdf');
    await expect(complete(people.leader, code, id)).rejects.toMatchObject({
      kind: 'forbidden',
      code: 'upload-not-allowed',
    });
    expect([...store.objects.keys()]).toEqual([uploadKey]);
    expect((await documents.get(code, id))?.status).toBe('pending');
  });

  it('is not found for another citizen', async () => {
    const { store, request, complete } = setup();
    await request(people.applicant, code, pdfOf100Bytes);
    await store.put(uploadKey, pdf, 'application/pdf');
    await expect(complete(people.otherCitizen, code, id)).rejects.toMatchObject({ code: 'not-found' });
  });
});
