import { describe, expect, it, vi } from 'vitest';
import type { Caller } from '../../../../shared/domain/caller.ts';
import { act } from '../../../../shared/domain/dossier/lifecycle.ts';
import { pinHasherOf } from '../../../../shared/domain/lookup-pin.ts';
import { printReceipt } from '../../../../shared/use-cases/documents/print-receipt.ts';
import { fakeAgencyRepository } from '../../../support/fakes/agency-repository.ts';
import { fakeCatalogueRepository } from '../../../support/fakes/catalogue-repository.ts';
import { fakeDocumentRepository } from '../../../support/fakes/document-repository.ts';
import { fakeDossierRepository } from '../../../support/fakes/dossier-repository.ts';
import { fakeLookupAttempts } from '../../../support/fakes/lookup-attempts.ts';
import { context, people, permit, submittedPermit, sxd } from '../../lifecycle/fixtures.ts';

const code = '24.SXD-260302-0001';
const pin = '042137';
const hasher = pinHasherOf('p'.repeat(43));
const submitted = { ...submittedPermit(), pinHash: hasher.hash(code, pin) };
const received = act({ type: 'receive', note: 'Hồ sơ đầy đủ' }, context(submitted, people.receiver)).dossier;

function world(dossier = received) {
  const attempts = fakeLookupAttempts();
  const print = printReceipt({
    dossiers: fakeDossierRepository([dossier]),
    attempts,
    pins: async () => hasher,
    now: () => new Date('2026-03-03T10:05:00+07:00'),
    catalogue: fakeCatalogueRepository([permit]),
    agencies: fakeAgencyRepository({ agencies: [sxd] }),
    documents: fakeDocumentRepository(),
    publicUrl: 'https://dichvucong.bacninh.gov.vn',
  });
  return { print, attempts };
}

const notFound = { kind: 'not-found', code: 'not-found' };

// Thông tư 03/2025/TT-VPCP, phụ lục I, mẫu số 01: the receipt handed over at the counter, with the PIN.
describe('printing the receipt (form 01) with its look-up PIN', () => {
  it('renders a PDF for the applicant and for a receiver of the agency that received the dossier', async () => {
    const { print } = world();
    for (const caller of [people.applicant, people.receiver] as Caller[]) {
      const bytes = await print(caller, code, pin, '203.0.113.7');
      expect(Buffer.from(bytes).subarray(0, 5).toString('latin1'), caller.sub).toBe('%PDF-');
    }
  });

  it('answers another citizen, another agency and a specialist as it answers a wrong PIN: 404, no attempt spent', async () => {
    const { print, attempts } = world();
    const claim = vi.spyOn(attempts, 'claimForCode');
    const strangers: Caller[] = [
      people.otherCitizen,
      { sub: 'receiver-khac', roles: ['receiver'], agencyId: '24.STP' },
      people.specialist,
    ];
    for (const caller of strangers) {
      await expect(print(caller, code, pin, '203.0.113.7'), caller.sub).rejects.toMatchObject(notFound);
    }
    // Who may print is settled before a PIN is compared: none of them spent the code's look-up budget.
    expect(claim).not.toHaveBeenCalled();
    await expect(print(people.applicant, code, '000000', '203.0.113.7')).rejects.toMatchObject(notFound);
    expect(claim).toHaveBeenCalledTimes(1);
  });

  it('an unknown code is the same 404', async () => {
    const { print } = world();
    await expect(print(people.applicant, '24.SXD-260302-0999', pin, 'a')).rejects.toMatchObject(notFound);
  });

  it('refuses a dossier not yet received: the receipt is issued at receipt', async () => {
    const { print } = world(submitted);
    await expect(print(people.applicant, code, pin, 'a')).rejects.toMatchObject({
      kind: 'conflict',
      code: 'not-received',
    });
  });
});
