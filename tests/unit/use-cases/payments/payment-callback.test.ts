import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../../../shared/domain/dossier/dossier.ts';
import type { Payment } from '../../../../shared/domain/payments/payment.ts';
import {
  paymentCallback,
  receiptId,
  receiptKey,
  type TransactionReportBody,
} from '../../../../shared/use-cases/payments/payment-callback.ts';
import { fakeAgencyRepository } from '../../../support/fakes/agency-repository.ts';
import { fakeDocumentRepository } from '../../../support/fakes/document-repository.ts';
import { fakeDocumentStore } from '../../../support/fakes/document-store.ts';
import { fakeDossierRepository } from '../../../support/fakes/dossier-repository.ts';
import { fakePaymentRepository } from '../../../support/fakes/payment-repository.ts';
import { sxd } from '../../lifecycle/fixtures.ts';
import { code, fee, pendingPayment, permitDossier } from './world.ts';
import type * as z from 'zod/mini';

type Report = z.infer<typeof TransactionReportBody>;
const now = () => new Date('2026-03-03T10:00:00+07:00');
const success: Report = { transactionId: 'TX-1', paymentId: 'PAY-1', status: 'success', amount: fee, currency: 'VND' };

async function read(dossiers: ReturnType<typeof fakeDossierRepository>) {
  const stored = await dossiers.get(code);
  if (!stored) throw new Error('the dossier is gone');
  return stored;
}

async function world(dossier: Dossier = permitDossier(), payment: Payment = pendingPayment()) {
  const dossiers = fakeDossierRepository([dossier]);
  const payments = fakePaymentRepository([payment]);
  await payments.claimPending(code, payment.id);
  const documents = fakeDocumentRepository();
  const store = fakeDocumentStore();
  const agencies = fakeAgencyRepository({ agencies: [sxd] });
  const callback = paymentCallback({
    dossiers,
    payments,
    documents,
    agencies,
    store,
    publicUrl: 'https://portal.example',
    now,
  });
  return { dossiers, payments, documents, store, callback };
}

describe('the payment platform’s callback', () => {
  it('marks the fee paid when the amount is the fee, issues one receipt, and frees the dossier', async () => {
    const { dossiers, payments, documents, store, callback } = await world();
    const before = (await read(dossiers)).dossier;
    expect(await callback(success)).toEqual({ outcome: 'paid', paymentId: 'PAY-1' });

    const { dossier, outbox } = await read(dossiers);
    expect(dossier.fee).toMatchObject({ amount: fee, paid: true, paidOnline: true, paymentId: 'PAY-1' });
    expect(dossier.version).toBe(before.version + 1);
    expect(dossier.timeline.at(-1)).toMatchObject({ action: 'payment-received', from: 'submitted', to: 'submitted' });
    expect(outbox).toEqual([
      expect.objectContaining({
        type: 'DossierChanged',
        data: expect.objectContaining({ action: 'payment-received' }),
      }),
    ]);
    expect(await payments.get('PAY-1')).toMatchObject({
      status: 'paid',
      transactionId: 'TX-1',
      received: { amount: fee, currency: 'VND' },
      settledAt: now().toISOString(),
      day: '2026-03-03',
    });
    expect(await payments.pendingOf(code)).toBeUndefined();
    expect(await documents.list(code)).toEqual([
      expect.objectContaining({ id: receiptId('PAY-1'), kind: 'receipt', key: receiptKey(code, 'PAY-1') }),
    ]);
    expect(store.objects.get(receiptKey(code, 'PAY-1'))?.contentType).toBe('application/pdf');
  });

  it('changes nothing when the same transaction is delivered again', async () => {
    const { dossiers, documents, store, callback } = await world();
    await callback(success);
    const after = await dossiers.get(code);
    const receipt = store.objects.get(receiptKey(code, 'PAY-1'));
    expect(await callback(success)).toEqual({ outcome: 'paid', paymentId: 'PAY-1' });
    expect(await dossiers.get(code)).toEqual(after);
    expect(await documents.list(code)).toHaveLength(1);
    expect(store.objects.get(receiptKey(code, 'PAY-1'))).toBe(receipt);
  });

  it('pays once and issues one receipt when two deliveries of the transaction race', async () => {
    const { dossiers, documents, callback } = await world();
    const answers = await Promise.all([callback(success), callback(success)]);
    expect(answers).toEqual([
      { outcome: 'paid', paymentId: 'PAY-1' },
      { outcome: 'paid', paymentId: 'PAY-1' },
    ]);
    const { dossier } = await read(dossiers);
    expect(dossier.timeline.filter((e) => e.action === 'payment-received')).toHaveLength(1);
    expect(await documents.list(code)).toHaveLength(1);
  });

  it.each<[string, Partial<Report>]>([
    ['less than the fee', { amount: fee - 1 }],
    ['more than the fee', { amount: fee + 50_000 }],
    ['another currency', { currency: 'USD' }],
  ])('flags a success of %s and marks nothing paid', async (_what, change) => {
    const { dossiers, payments, documents, callback } = await world();
    const report = { ...success, ...change };
    expect(await callback(report)).toEqual({ outcome: 'mismatch', paymentId: 'PAY-1' });
    const { dossier } = await read(dossiers);
    expect(dossier.fee).toMatchObject({
      paid: false,
      flag: {
        code: 'amount-mismatch',
        paymentId: 'PAY-1',
        transactionId: 'TX-1',
        expected: { amount: fee, currency: 'VND' },
        received: { amount: report.amount, currency: report.currency },
      },
    });
    expect(dossier.fee?.paidOnline).toBeUndefined();
    expect(dossier.timeline.at(-1)?.action).toBe('payment-flagged');
    expect(await documents.list(code)).toEqual([]);
    expect(await payments.pendingOf(code)).toBeUndefined();
  });

  it('pays nothing for a failed transaction, even one reporting the full amount', async () => {
    const { dossiers, payments, documents, callback } = await world();
    const before = await dossiers.get(code);
    expect(await callback({ ...success, status: 'failed' })).toEqual({ outcome: 'failed', paymentId: 'PAY-1' });
    expect((await dossiers.get(code))?.dossier).toEqual(before?.dossier);
    expect(await documents.list(code)).toEqual([]);
    expect(await payments.get('PAY-1')).toMatchObject({ status: 'failed', transactionId: 'TX-1' });
    // The dossier may be paid again.
    expect(await payments.pendingOf(code)).toBeUndefined();
  });

  it('ignores another transaction for a payment already settled', async () => {
    const { dossiers, payments, callback } = await world();
    await callback({ ...success, status: 'failed' });
    const before = await dossiers.get(code);
    expect(await callback({ ...success, transactionId: 'TX-2' })).toEqual({ outcome: 'ignored', paymentId: 'PAY-1' });
    expect((await dossiers.get(code))?.dossier).toEqual(before?.dossier);
    expect(await payments.get('PAY-1')).toMatchObject({ status: 'failed', transactionId: 'TX-1' });
  });

  it('flags for a refund a payment made when the fee was paid another way meanwhile, without a receipt', async () => {
    const paidAtCounter = permitDossier({ fee: { amount: fee, due: 'result', paid: true } });
    const { dossiers, documents, callback } = await world(paidAtCounter);
    expect(await callback(success)).toEqual({ outcome: 'paid', paymentId: 'PAY-1' });
    const { dossier } = await read(dossiers);
    expect(dossier.fee?.flag).toMatchObject({ code: 'already-paid', paymentId: 'PAY-1' });
    expect(dossier.fee?.paymentId).toBeUndefined();
    expect(await documents.list(code)).toEqual([]);
  });

  it('finishes what another delivery settled between its read and its write', async () => {
    const { dossiers, payments, callback } = await world();
    const settle = payments.settle.bind(payments);
    payments.settle = async (id, outcome) => {
      await settle(id, outcome);
      return settle(id, outcome);
    };
    expect(await callback(success)).toEqual({ outcome: 'paid', paymentId: 'PAY-1' });
    expect((await dossiers.get(code))?.dossier.fee).toMatchObject({ paid: true, paymentId: 'PAY-1' });
  });

  it('is not found for a payment it does not know', async () => {
    const { callback } = await world();
    await expect(callback({ ...success, paymentId: 'PAY-404' })).rejects.toMatchObject({
      kind: 'not-found',
      code: 'payment-not-found',
    });
  });
});
