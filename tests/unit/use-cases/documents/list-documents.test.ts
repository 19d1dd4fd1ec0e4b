import { describe, expect, it, vi } from 'vitest';
import type { Caller } from '../../../../shared/domain/caller.ts';
import type { DossierDocument } from '../../../../shared/domain/documents/document.ts';
import { act } from '../../../../shared/domain/dossier/lifecycle.ts';
import { listDocuments } from '../../../../shared/use-cases/documents/list-documents.ts';
import { fakeDocumentRepository } from '../../../support/fakes/document-repository.ts';
import { fakeDossierRepository } from '../../../support/fakes/dossier-repository.ts';
import { fakePresigner } from '../../../support/fakes/presigner.ts';
import { context, people, submittedPermit } from '../../lifecycle/fixtures.ts';

const code = '24.SXD-260302-0001';
const upload = (id: string, fields: Partial<DossierDocument>): DossierDocument => ({
  id,
  dossierCode: code,
  kind: 'upload',
  slot: 0,
  name: 'Đơn đề nghị cấp giấy phép',
  key: `dossiers/${code}/${id}`,
  contentType: 'application/pdf',
  size: 1024,
  digitised: false,
  status: 'pending',
  createdBy: 'citizen-an',
  createdAt: '2026-03-02T09:00:00+07:00',
  ...fields,
});
const documents = [
  upload('a1b2c3d4-0000-4000-8000-000000000001', {
    status: 'verified',
    sha256: 'ab'.repeat(32),
    key: `verified/${code}/a1b2c3d4`,
  }),
  upload('b1b2c3d4-0000-4000-8000-000000000002', { contentType: 'image/jpeg' }),
  upload('c1b2c3d4-0000-4000-8000-000000000003', {
    status: 'quarantined',
    rejection: { code: 'type-mismatch', reason: 'Tệp không phải PDF.' },
    key: `quarantine/${code}/c1b2c3d4`,
  }),
  upload('d1b2c3d4-0000-4000-8000-000000000004', { dossierCode: '24.SXD-260302-0002', status: 'verified' }),
];

function setup(dossier = submittedPermit()) {
  const presigner = fakePresigner();
  const list = listDocuments({
    dossiers: fakeDossierRepository([dossier]),
    documents: fakeDocumentRepository(documents),
    presigner,
    now: () => new Date('2026-03-02T10:00:00+07:00'),
  });
  return { list, presigner };
}

describe("a dossier's documents", () => {
  it('lists them, the verified one with a link of a few minutes, and never a storage key', async () => {
    const { list } = setup();
    const { items } = await list(people.applicant, code);
    expect(items.map((d) => [d.id.slice(0, 8), d.status])).toEqual([
      ['a1b2c3d4', 'verified'],
      ['b1b2c3d4', 'pending'],
      ['c1b2c3d4', 'quarantined'],
    ]);
    expect(items[0]?.download).toEqual({
      url: `https://documents.example/verified/${code}/a1b2c3d4?expires=300&filename=${code}-a1b2c3d4.pdf`,
      expiresAt: '2026-03-02T10:05:00+07:00',
    });
    expect(items[1]).not.toHaveProperty('download');
    expect(items[2]).toMatchObject({ rejection: { reason: 'Tệp không phải PDF.' } });
    expect(items[2]).not.toHaveProperty('download');
    for (const item of items) expect(item).not.toHaveProperty('key');
  });

  it('links the process control slip once the dossier is received, not before', async () => {
    expect(await setup().list(people.applicant, code)).not.toHaveProperty('controlSlip');
    const received = act({ type: 'receive' }, context(submittedPermit(), people.receiver)).dossier;
    expect((await setup(received).list(people.leader, code)).controlSlip).toEqual({
      form: '06',
      name: 'Phiếu kiểm soát quá trình giải quyết hồ sơ (mẫu số 06)',
      href: `/v1/dossiers/${code}/control-slip`,
    });
  });

  it.each<[string, Caller]>([
    ['another citizen', people.otherCitizen],
    ['an official of another agency', people.otherAgencyLeader],
  ])('is not found for %s, and signs no link', async (_who, caller) => {
    const { list, presigner } = setup();
    const sign = vi.spyOn(presigner, 'presignDownload');
    await expect(list(caller, code)).rejects.toMatchObject({ kind: 'not-found', code: 'not-found' });
    expect(sign).not.toHaveBeenCalled();
  });
});
