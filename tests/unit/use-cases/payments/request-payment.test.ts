import { describe, expect, it, vi } from 'vitest';
import type { PlatformPaymentRequest } from '../../../../shared/use-cases/payments/request-payment.ts';
import { requestPayment } from '../../../../shared/use-cases/payments/request-payment.ts';
import { fakeDossierRepository } from '../../../support/fakes/dossier-repository.ts';
import { fakePaymentRepository } from '../../../support/fakes/payment-repository.ts';
import { people } from '../../lifecycle/fixtures.ts';
import { code, fee, pendingPayment, permitDossier } from './world.ts';

// 06:30 on 3 March in Vietnam is still 2 March in UTC: the payment's day is the local one.
const now = () => new Date('2026-03-03T06:30:00+07:00');

function world(dossier = permitDossier(), payments = fakePaymentRepository(), idsUsed = 0) {
  const dossiers = fakeDossierRepository([dossier]);
  let n = 0;
  const platform = vi.fn(async (_path: '/payment-requests', _body: unknown): Promise<PlatformPaymentRequest> => ({
    reference: `REF-${++n}`,
    payUrl: `https://pay.example/REF-${n}`,
  }));
  let ids = idsUsed;
  const request = requestPayment({ dossiers, payments, platform, now, newId: () => `PAY-${++ids}` });
  return { dossiers, payments, platform, request };
}

describe('requesting an online payment', () => {
  it('asks the platform for the dossier’s fee, stores the payment pending on the local day, and claims the dossier', async () => {
    const { payments, platform, request } = world();
    const answer = await request(people.applicant, code, { returnUrl: 'https://portal.example/ho-so' });
    expect(answer).toEqual({
      created: true,
      payment: {
        paymentId: 'PAY-1',
        payUrl: 'https://pay.example/REF-1',
        amount: fee,
        currency: 'VND',
        status: 'pending',
      },
    });
    expect(platform).toHaveBeenCalledWith('/payment-requests', {
      paymentId: 'PAY-1',
      dossierCode: code,
      amount: fee,
      currency: 'VND',
      description: `Nộp phí, lệ phí hồ sơ ${code}`,
      returnUrl: 'https://portal.example/ho-so',
    });
    expect(await payments.get('PAY-1')).toMatchObject({
      applicantId: 'citizen-an',
      platformRef: 'REF-1',
      day: '2026-03-03',
    });
    expect(await payments.pendingOf(code)).toBe('PAY-1');
  });

  it('answers the pending payment again instead of asking the platform twice', async () => {
    const { platform, request } = world();
    await request(people.applicant, code, {});
    const again = await request(people.applicant, code, {});
    expect(again).toMatchObject({ created: false, payment: { paymentId: 'PAY-1' } });
    expect(platform).toHaveBeenCalledTimes(1);
  });

  it('offers a new payment once the previous one is settled (failed)', async () => {
    const payments = fakePaymentRepository([pendingPayment({ status: 'failed', transactionId: 'TX-0' })]);
    await payments.claimPending(code, 'PAY-1');
    const { request } = world(permitDossier(), payments, 1);
    const answer = await request(people.applicant, code, {});
    expect(answer).toMatchObject({ created: true, payment: { paymentId: 'PAY-2', status: 'pending' } });
    expect(await payments.pendingOf(code)).toBe('PAY-2');
  });

  it('leaves one pending payment when two requests race, both answered with it', async () => {
    const { payments, request } = world();
    const [a, b] = await Promise.all([request(people.applicant, code, {}), request(people.applicant, code, {})]);
    expect(a.payment.paymentId).toBe(b.payment.paymentId);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const loser = a.payment.paymentId === 'PAY-1' ? 'PAY-2' : 'PAY-1';
    expect(await payments.get(loser)).toBeUndefined();
    expect(await payments.pendingOf(code)).toBe(a.payment.paymentId);
  });

  it('drops its own payment and answers the winner’s when a concurrent request claimed the dossier first', async () => {
    const payments = fakePaymentRepository();
    const { request } = world(permitDossier(), payments);
    const claim = payments.claimPending.bind(payments);
    vi.spyOn(payments, 'claimPending').mockImplementationOnce(async (c) => {
      await payments.create(pendingPayment({ id: 'PAY-other' }));
      await claim(c, 'PAY-other');
      return claim(c, 'PAY-1');
    });
    const answer = await request(people.applicant, code, {});
    expect(answer).toMatchObject({ created: false, payment: { paymentId: 'PAY-other' } });
    expect(await payments.get('PAY-1')).toBeUndefined();
  });

  it.each([
    ['another citizen', people.otherCitizen],
    ['an official of the agency', people.leader],
  ])('is not found for %s, and nothing is asked of the platform', async (_who, caller) => {
    const { platform, payments, request } = world();
    await expect(request(caller, code, {})).rejects.toMatchObject({ kind: 'not-found', code: 'not-found' });
    expect(platform).not.toHaveBeenCalled();
    expect(await payments.pendingOf(code)).toBeUndefined();
  });

  it.each<[string, ReturnType<typeof permitDossier>['fee'], string]>([
    ['already paid', { amount: fee, due: 'result', paid: true }, 'fee-already-paid'],
    [
      'exempt',
      { amount: 0, due: 'result', paid: false, exemption: { code: 'x', label: 'Người có công' } },
      'fee-exempt',
    ],
    ['a range fee not yet set', { amount: 0, due: 'result', paid: false, range: { min: 1, max: 9 } }, 'fee-not-set'],
    ['without a fee', null, 'no-fee'],
  ])('is refused when the fee is %s', async (_what, dossierFee, refusal) => {
    const { platform, request } = world(permitDossier({ fee: dossierFee }));
    await expect(request(people.applicant, code, {})).rejects.toMatchObject({ kind: 'invalid', code: refusal });
    expect(platform).not.toHaveBeenCalled();
  });

  it('is refused on a closed dossier', async () => {
    const { request } = world(permitDossier({ status: 'returned' }));
    await expect(request(people.applicant, code, {})).rejects.toMatchObject({ code: 'dossier-closed' });
  });
});
