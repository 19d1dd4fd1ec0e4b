import { describe, expect, it, vi } from 'vitest';
import { pinHasherOf } from '../../../../shared/domain/lookup-pin.ts';
import { DvcqgDossierBody, receiveDvcqgDossier } from '../../../../shared/use-cases/dvcqg/receive-dossier.ts';
import { fileDossierUseCase } from '../../../../shared/use-cases/file-dossier.ts';
import { fakeAgencyRepository } from '../../../support/fakes/agency-repository.ts';
import { fakeCatalogueRepository } from '../../../support/fakes/catalogue-repository.ts';
import { fakeDocumentRepository } from '../../../support/fakes/document-repository.ts';
import { fakeDossierCounter } from '../../../support/fakes/dossier-counter.ts';
import { fakeDossierRepository } from '../../../support/fakes/dossier-repository.ts';
import { fakeFilingClaims } from '../../../support/fakes/filing-claims.ts';
import { calendar, commune, permit, sxd } from '../../lifecycle/fixtures.ts';

const delivery = DvcqgDossierBody.parse({
  dvcqgId: 'G22.99-260302-000123',
  citizenId: 'vneid-0001',
  procedureCode: permit.code,
  communeCode: '07210',
  applicant: { fullName: 'Nguyễn Văn An', idNumber: '024090001234', address: 'Bắc Giang' },
  attachments: [
    {
      name: 'Bản vẽ thiết kế.pdf',
      url: 'https://dichvucong.gov.vn/files/abc.pdf',
      size: 12_345,
      sha256: 'a'.repeat(64),
      contentType: 'application/pdf',
      documentType: 'ban-ve',
    },
  ],
});

function world() {
  let clock = new Date('2026-03-02T09:00:00+07:00');
  const dossiers = fakeDossierRepository();
  const counter = fakeDossierCounter();
  const claims = fakeFilingClaims();
  const documents = fakeDocumentRepository();
  const fileDossier = fileDossierUseCase({
    provinceCode: '24',
    catalogue: fakeCatalogueRepository([permit]),
    agencies: fakeAgencyRepository({ agencies: [sxd, commune] }),
    calendarFor: async () => calendar,
    counter,
    dossiers,
    now: () => clock,
    pins: async () => pinHasherOf('p'.repeat(43)),
  });
  const receive = receiveDvcqgDossier({ fileDossier, claims, dossiers, documents });
  return { dossiers, counter, claims, documents, receive, later: (iso: string) => (clock = new Date(iso)) };
}

describe('a dossier delivered by the national portal', () => {
  it('is filed with the portal’s id, its attachments listed by reference, and answered with our code', async () => {
    const { dossiers, documents, claims, receive } = world();
    const answer = await receive(delivery);
    expect(answer).toEqual({
      created: true,
      dossier: {
        code: '24.SXD-260302-0001',
        dvcqgId: delivery.dvcqgId,
        status: 'submitted',
        dvcqgStatus: 1,
        statusText: 'Mới đăng ký',
        agencyId: '24.SXD',
        submittedAt: expect.any(String),
        dueAt: '2026-03-16T17:30:00+07:00',
      },
    });
    expect((await dossiers.get('24.SXD-260302-0001'))?.dossier.external).toEqual({ dvcqgId: delivery.dvcqgId });
    expect(await documents.list('24.SXD-260302-0001')).toEqual([
      expect.objectContaining({ id: 'dvcqg-01', kind: 'referenced', name: 'Bản vẽ thiết kế.pdf' }),
    ]);
    expect(await claims.get(delivery.dvcqgId)).toMatchObject({ code: '24.SXD-260302-0001' });
  });

  it('is filed once however often it is delivered, even on a later day', async () => {
    const { counter, receive, later } = world();
    const first = await receive(delivery);
    later('2026-03-03T09:00:00+07:00');
    const again = await receive(delivery);
    expect(again).toEqual({ created: false, dossier: first.dossier });
    expect([...counter.issued.values()]).toEqual([1]);
  });

  it('is completed under the same code and instant after a crash between the claim and the dossier', async () => {
    const { dossiers, counter, receive, later } = world();
    vi.spyOn(dossiers, 'create').mockRejectedValueOnce(new Error('write failed'));
    await expect(receive(delivery)).rejects.toThrow('write failed');
    later('2026-03-02T11:00:00+07:00');
    const answer = await receive(delivery);
    expect(answer).toMatchObject({ created: true, dossier: { code: '24.SXD-260302-0001' } });
    // Filed at the claimed instant, not at the redelivery's.
    expect(answer.dossier.submittedAt).toBe((await dossiers.get('24.SXD-260302-0001'))?.dossier.submittedAt);
    expect(Date.parse(answer.dossier.submittedAt)).toBe(Date.parse('2026-03-02T09:00:00+07:00'));
    expect([...counter.issued.values()]).toEqual([1]);
  });

  it('is filed once when two deliveries race', async () => {
    const { dossiers, receive } = world();
    const answers = await Promise.all([receive(delivery), receive(delivery)]);
    expect(answers.map((a) => a.dossier.code)).toEqual(['24.SXD-260302-0001', '24.SXD-260302-0001']);
    expect(answers.filter((a) => a.created)).toHaveLength(1);
    expect(await dossiers.get('24.SXD-260302-0002')).toBeUndefined();
  });
});
