import type { Dossier } from '../../../../shared/domain/dossier/dossier.ts';
import type { Payment } from '../../../../shared/domain/payments/payment.ts';
import { submittedPermit } from '../../lifecycle/fixtures.ts';

export const code = '24.SXD-260302-0001';
/** The permit's fixed fee (fixtures.ts): 150.000 đồng, unpaid. */
export const fee = 150_000;
export const permitDossier = (overrides: Partial<Dossier> = {}): Dossier => ({ ...submittedPermit(), ...overrides });

/** A payment of the permit's fee, requested on 2 March 2026 (local) and still pending. */
export const pendingPayment = (overrides: Partial<Payment> = {}): Payment => ({
  id: 'PAY-1',
  dossierCode: code,
  applicantId: 'citizen-an',
  amount: fee,
  currency: 'VND',
  status: 'pending',
  platformRef: 'REF-1',
  payUrl: 'https://pay.example/REF-1',
  createdAt: '2026-03-02T03:00:00.000Z',
  day: '2026-03-02',
  ...overrides,
});
