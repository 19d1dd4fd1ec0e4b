import { describe, expect, it } from 'vitest';
import { type QuotaLimits, quotas, spend } from '../../../shared/use-cases/quotas.ts';
import { fakeQuotaCounter } from '../../support/fakes/quota-counter.ts';

const hour = 60 * 60;
const day = 24 * hour;
const limits: QuotaLimits = {
  filings: { limit: 2, windowSeconds: hour },
  'upload-grants': { limit: 2, windowSeconds: day },
  feedback: { limit: 2, windowSeconds: day },
  sms: { limit: 2, windowSeconds: day },
  email: { limit: 2, windowSeconds: day },
  'contact-codes': { limit: 2, windowSeconds: hour },
};

async function exhaust(flow: Parameters<typeof spend>[1], now: Date) {
  const q = quotas(fakeQuotaCounter(), limits);
  await spend(q, flow, 'citizen-an', now);
  await spend(q, flow, 'citizen-an', now);
  return q;
}

describe('spending a quota', () => {
  // 10:20 local: the hour's window closes at 11:00 (2,400 s, 40 minutes); the day's at midnight (13 h 40 min).
  const now = new Date('2026-03-02T10:20:00+07:00');

  it.each<[Parameters<typeof spend>[1], string, string, number]>([
    [
      'filings',
      'too-many-filings',
      'Tài khoản đã nộp quá nhiều hồ sơ trực tuyến trong thời gian ngắn; vui lòng thử lại sau 40 phút.',
      2400,
    ],
    [
      'upload-grants',
      'too-many-upload-grants',
      'Hồ sơ đã có quá nhiều lượt tải tệp lên trong ngày; vui lòng thử lại sau 14 giờ.',
      49_200,
    ],
    [
      'feedback',
      'too-many-feedback',
      'Tài khoản đã gửi quá nhiều phản ánh, kiến nghị trong ngày; vui lòng thử lại sau 14 giờ.',
      49_200,
    ],
    [
      'contact-codes',
      'too-many-code-attempts',
      'Tài khoản đã nhập sai mã xác nhận quá nhiều lần; vui lòng thử lại sau 40 phút.',
      2400,
    ],
  ])(
    'refuses %s past the limit with 429, its code, a Vietnamese wait and retryAfterSeconds',
    async (flow, code, message, retryAfterSeconds) => {
      const q = await exhaust(flow, now);
      await expect(spend(q, flow, 'citizen-an', now)).rejects.toMatchObject({
        kind: 'rate-limited',
        code,
        message,
        details: { retryAfterSeconds },
      });
    },
  );

  it('counts each subject apart and each flow apart', async () => {
    const q = await exhaust('filings', now);
    await expect(spend(q, 'filings', 'citizen-binh', now)).resolves.toMatchObject({ granted: true });
    await expect(spend(q, 'feedback', 'citizen-an', now)).resolves.toMatchObject({ granted: true });
  });

  it('gives a released claim back to its window', async () => {
    const q = quotas(fakeQuotaCounter(), limits);
    const first = await spend(q, 'filings', 'citizen-an', now);
    await spend(q, 'filings', 'citizen-an', now);
    await first.release();
    await expect(spend(q, 'filings', 'citizen-an', now)).resolves.toMatchObject({ granted: true });
  });

  it('opens the day’s window at local midnight, not UTC’s', async () => {
    const late = new Date('2026-03-02T23:59:00+07:00');
    const q = await exhaust('feedback', late);
    // 07:00 on the 3rd in Vietnam is midnight UTC: long after the local day's window closed.
    await expect(spend(q, 'feedback', 'citizen-an', new Date('2026-03-03T00:00:00+07:00'))).resolves.toMatchObject({
      granted: true,
    });
    // One minute before local midnight there is a minute to wait.
    const q2 = await exhaust('feedback', late);
    await expect(spend(q2, 'feedback', 'citizen-an', late)).rejects.toMatchObject({
      message: 'Tài khoản đã gửi quá nhiều phản ánh, kiến nghị trong ngày; vui lòng thử lại sau 1 phút.',
      details: { retryAfterSeconds: 60 },
    });
  });
});
