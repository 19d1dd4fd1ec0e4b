import { describe, expect, it, vi } from 'vitest';
import type { Caller } from '../../../../shared/domain/caller.ts';
import type { Dossier } from '../../../../shared/domain/dossier/dossier.ts';
import { agencyRegister, RegisterQuery } from '../../../../shared/use-cases/documents/agency-register.ts';
import { fakeAgencyRegisterSource } from '../../../support/fakes/agency-register-source.ts';
import { fakeAgencyRepository } from '../../../support/fakes/agency-repository.ts';
import { fakeDocumentStore } from '../../../support/fakes/document-store.ts';
import { fakePresigner } from '../../../support/fakes/presigner.ts';
import { commune, people, submittedPermit, sxd } from '../../lifecycle/fixtures.ts';

const filed = (code: string, fields: Partial<Dossier> = {}): Dossier => ({ ...submittedPermit(), code, ...fields });
const dossiers = [
  filed('24.SXD-260302-0001'),
  filed('24.SXD-260302-0002', { competentAgencyId: '24.07210' }),
  filed('24.SXD-260303-0001'),
  filed('24.SXD-260310-0001'), // after the period
  filed('24.STP-260302-0001', { agencyId: '24.STP' }), // another agency's
];

function setup() {
  const store = fakeDocumentStore();
  const source = fakeAgencyRegisterSource(dossiers);
  const run = agencyRegister({
    source,
    agencies: fakeAgencyRepository({ agencies: [sxd, commune] }),
    store,
    files: fakePresigner(),
    now: () => new Date('2026-03-09T08:00:00+07:00'),
  });
  return { run, store, source };
}
const march2to3 = RegisterQuery.parse({ from: '2026-03-02', to: '2026-03-03', format: 'xlsx' });

describe("an agency's register (form 07)", () => {
  it('lists the dossiers filed with the agency on the days asked, stored and handed out as a short download', async () => {
    const { run, store } = setup();
    const answer = await run(people.receiver, '24.SXD', march2to3);
    const key = 'registers/24.SXD/2026-03-02_2026-03-03/2026-03-09T0800000700.xlsx';
    expect(answer).toEqual({
      agencyId: '24.SXD',
      agencyName: sxd.name,
      from: '2026-03-02',
      to: '2026-03-03',
      format: 'xlsx',
      dossiers: 3,
      generatedAt: '2026-03-09T08:00:00+07:00',
      download: `https://documents.example/${key}?expires=300&filename=so-theo-doi-ho-so_24.SXD_2026-03-02_2026-03-03.xlsx`,
      downloadExpiresInSeconds: 300,
    });
    expect(store.objects.get(key)?.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it.each<[string, Caller]>([
    ['an official of another agency', people.otherAgencyLeader],
    ['a citizen', people.applicant],
  ])('is not found for %s, and reads no dossier', async (_who, caller) => {
    const { run, source } = setup();
    const read = vi.spyOn(source, 'filedOn');
    await expect(run(caller, '24.SXD', march2to3)).rejects.toMatchObject({ kind: 'not-found', code: 'not-found' });
    expect(read).not.toHaveBeenCalled();
  });

  it('is open to auditors', async () => {
    const { run } = setup();
    expect((await run(people.auditor, '24.SXD', march2to3)).dossiers).toBe(3);
  });

  it('is not found for an agency that does not exist', async () => {
    const { run } = setup();
    await expect(run(people.auditor, '24.99999', march2to3)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('covers a quarter at most: 92 days', async () => {
    const { run } = setup();
    // 1/1 to 2/4/2026: January 31 + February 28 + March 31 + 2 = 92 days.
    const quarter = RegisterQuery.parse({ from: '2026-01-01', to: '2026-04-02', format: 'xlsx' });
    expect((await run(people.auditor, '24.SXD', quarter)).dossiers).toBe(4);
    const longer = RegisterQuery.parse({ from: '2026-01-01', to: '2026-04-03', format: 'xlsx' });
    await expect(run(people.auditor, '24.SXD', longer)).rejects.toMatchObject({
      kind: 'bad-request',
      code: 'period-too-long',
      details: { maxDays: 92 },
    });
  });

  it('refuses a period that ends before it starts, or a day that does not exist', async () => {
    const { run } = setup();
    const backwards = RegisterQuery.parse({ from: '2026-03-03', to: '2026-03-02' });
    await expect(run(people.auditor, '24.SXD', backwards)).rejects.toMatchObject({ code: 'invalid-period' });
    const february30 = RegisterQuery.parse({ from: '2026-02-30', to: '2026-03-02' });
    await expect(run(people.auditor, '24.SXD', february30)).rejects.toMatchObject({ code: 'invalid-period' });
  });
});
