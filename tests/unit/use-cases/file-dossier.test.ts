import { describe, expect, it, vi } from 'vitest';
import { pinHasherOf } from '../../../shared/domain/lookup-pin.ts';
import { CounterDossierBody, SubmitDossierBody, fileDossierUseCase } from '../../../shared/use-cases/file-dossier.ts';
import { type QuotaLimits, quotas } from '../../../shared/use-cases/quotas.ts';
import { fakeAgencyRepository } from '../../support/fakes/agency-repository.ts';
import { fakeBusinessMetrics } from '../../support/fakes/business-metrics.ts';
import { fakeCatalogueRepository } from '../../support/fakes/catalogue-repository.ts';
import { fakeDossierCounter } from '../../support/fakes/dossier-counter.ts';
import { fakeDossierRepository } from '../../support/fakes/dossier-repository.ts';
import { fakeFilingClaims } from '../../support/fakes/filing-claims.ts';
import { fakeQuotaCounter } from '../../support/fakes/quota-counter.ts';
import { calendar, commune, people, permit, sxd } from '../lifecycle/fixtures.ts';

const hasher = pinHasherOf('p'.repeat(43));
const body = SubmitDossierBody.parse({
  procedureCode: permit.code,
  communeCode: '07210',
  applicant: { fullName: 'Nguyễn Văn An', idNumber: '024090001234', address: 'Bắc Giang' },
});
const perHour = (limit: number) => ({ limit, windowSeconds: 60 * 60 });
const limits: QuotaLimits = {
  filings: perHour(2),
  'upload-grants': perHour(9),
  feedback: perHour(9),
  sms: perHour(9),
  email: perHour(9),
  'contact-codes': perHour(9),
};

function world(at = '2026-03-02T09:00:00+07:00') {
  const dossiers = fakeDossierRepository();
  const counter = fakeDossierCounter();
  const requests = fakeFilingClaims();
  const metrics = fakeBusinessMetrics();
  const file = fileDossierUseCase({
    provinceCode: '24',
    catalogue: fakeCatalogueRepository([permit]),
    agencies: fakeAgencyRepository({ agencies: [sxd, commune] }),
    calendarFor: async () => calendar,
    counter,
    dossiers,
    now: () => new Date(at),
    pins: async () => hasher,
    requests,
    quotas: quotas(fakeQuotaCounter(), limits),
    metrics,
  });
  return { dossiers, counter, requests, metrics, file };
}

describe('filing a dossier', () => {
  // Received Monday 2/3/2026 at 09:00 (a working day, before the 15:00 cut-off), 10 working days
  // (docs/domain.md, Deadlines; Bộ luật Dân sự 2015 art. 147–148): 3–6, 9–13 and 16 March, closing Monday 16/3.
  it('files it online under the agency’s next number of the day, with the appointment and a PIN that opens it', async () => {
    const { dossiers, metrics, file } = world();
    const receipt = await file(people.applicant, body, 'online');
    expect(receipt).toMatchObject({
      code: '24.SXD-260302-0001',
      status: 'submitted',
      statusText: 'Mới đăng ký',
      agencyId: '24.SXD',
      agencyName: 'Sở Xây dựng tỉnh Bắc Ninh',
      dueAt: '2026-03-16T17:30:00+07:00',
      appointment: 'Chiều thứ Hai, ngày 16/03/2026',
      version: 1,
    });
    expect(receipt.lookupPin).toMatch(/^\d{6}$/);
    const stored = await dossiers.get(receipt.code);
    expect(stored?.dossier.applicantId).toBe('citizen-an');
    expect(hasher.matches(receipt.code, receipt.lookupPin ?? '', stored?.dossier.pinHash ?? '')).toBe(true);
    expect(metrics.counted).toEqual({ DossiersFiled: 1 });
    expect((await file(people.otherCitizen, body, 'online')).code).toBe('24.SXD-260302-0002');
  });

  // Friday 6/3/2026 at 15:30 is after the cut-off: the receipt day is Monday 9/3, and 10 working days are
  // 10–13, 16–20 and 23 March (docs/domain.md gives the same receipt day for its 1-day example).
  it('counts from the next working day when filed after the 15:00 cut-off', async () => {
    const { file } = world('2026-03-06T15:30:00+07:00');
    const receipt = await file(people.applicant, body, 'online');
    expect(receipt.code).toBe('24.SXD-260306-0001');
    expect(receipt.dueAt).toBe('2026-03-23T17:30:00+07:00');
  });

  it('receives a dossier filed at the desk, for a walk-in applicant', async () => {
    const { dossiers, metrics, file } = world();
    const receipt = await file(people.receiver, CounterDossierBody.parse({ ...body, papers: [] }), 'counter');
    expect(receipt.status).toBe('received');
    expect((await dossiers.get(receipt.code))?.dossier.applicantId).toBe(`walk-in:${receipt.code}`);
    expect(metrics.counted).toEqual({ DossiersFiled: 1, DossiersReceived: 1 });
  });

  it('answers a retry under the same Idempotency-Key with the same receipt, filing nothing more', async () => {
    const { counter, metrics, file } = world();
    const first = await file(people.applicant, body, 'online', undefined, 'key-1');
    const again = await file(people.applicant, body, 'online', undefined, 'key-1');
    expect(again).toEqual(first);
    expect(counter.issued.get('24.SXD#260302')).toBe(1);
    expect(metrics.counted.DossiersFiled).toBe(1);
    // The replay counted nothing: a second filing of the hour is still allowed, a third is not.
    await file(people.applicant, body, 'online', undefined, 'key-2');
    await expect(file(people.applicant, body, 'online', undefined, 'key-3')).rejects.toMatchObject({
      kind: 'rate-limited',
      code: 'too-many-filings',
    });
  });

  it('refuses the same Idempotency-Key with another body, and another citizen’s key is their own', async () => {
    const { file } = world();
    await file(people.applicant, body, 'online', undefined, 'key-1');
    const other = { ...body, formData: { area: 120 } };
    await expect(file(people.applicant, other, 'online', undefined, 'key-1')).rejects.toMatchObject({
      kind: 'invalid',
      code: 'idempotency-key-reused',
    });
    expect((await file(people.otherCitizen, body, 'online', undefined, 'key-1')).code).toBe('24.SXD-260302-0002');
  });

  it('files once when the same request is retried concurrently', async () => {
    const { dossiers, file } = world();
    const [a, b] = await Promise.all([
      file(people.applicant, body, 'online', undefined, 'key-1'),
      file(people.applicant, body, 'online', undefined, 'key-1'),
    ]);
    expect(a.code).toBe(b.code);
    expect(a.lookupPin).toBe(b.lookupPin);
    expect((await dossiers.listByApplicant('citizen-an', { limit: 10 })).items).toHaveLength(1);
  });

  it('gives back a citizen’s filing a rule refused', async () => {
    const { file } = world();
    const unknown = { ...body, procedureCode: '1.000000' };
    for (let i = 0; i < 3; i++)
      await expect(file(people.applicant, unknown, 'online')).rejects.toMatchObject({ code: 'unknown-procedure' });
    await expect(file(people.applicant, body, 'online')).resolves.toMatchObject({ status: 'submitted' });
    const { dossiers, file: file2 } = world();
    const create = vi.spyOn(dossiers, 'create').mockRejectedValueOnce(new Error('write failed'));
    await expect(file2(people.applicant, body, 'online')).rejects.toThrow('write failed');
    create.mockRestore();
    await file2(people.applicant, body, 'online');
    await expect(file2(people.applicant, body, 'online')).resolves.toMatchObject({ status: 'submitted' });
  });
});
