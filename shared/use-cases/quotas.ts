import type { Quota, QuotaClaim, QuotaCounter } from './ports/quota-counter.ts';
import { RuleViolation } from '../domain/rule-violation.ts';

/**
 * The flows a caller could repeat at no cost to themselves and some cost to others (issue 15, item 6):
 * a citizen's online filings, one dossier's presigned uploads, a citizen's feedback, and the texts and
 * e-mails one recipient receives in a day, and a citizen's wrong contact-confirmation codes.
 */
export type QuotaFlow = 'filings' | 'upload-grants' | 'feedback' | 'sms' | 'email' | 'contact-codes';

export type QuotaLimits = Record<QuotaFlow, Quota>;

export interface Quotas {
  /** One use of `flow` by (or for) `subject`; refused while the subject's window is spent. */
  claim(flow: QuotaFlow, subject: string, now: Date): Promise<QuotaClaim>;
}

export function quotas(counter: QuotaCounter, limits: QuotaLimits): Quotas {
  return { claim: (flow, subject, now) => counter.claim(flow, subject, limits[flow], now) };
}

/** What a refused request is told (Vietnamese), with the problem's stable code. */
const refusals: Record<Exclude<QuotaFlow, 'sms' | 'email'>, { code: string; message: string }> = {
  filings: { code: 'too-many-filings', message: 'Tài khoản đã nộp quá nhiều hồ sơ trực tuyến trong thời gian ngắn' },
  'upload-grants': { code: 'too-many-upload-grants', message: 'Hồ sơ đã có quá nhiều lượt tải tệp lên trong ngày' },
  feedback: { code: 'too-many-feedback', message: 'Tài khoản đã gửi quá nhiều phản ánh, kiến nghị trong ngày' },
  'contact-codes': { code: 'too-many-code-attempts', message: 'Tài khoản đã nhập sai mã xác nhận quá nhiều lần' },
};

const wait = (seconds: number) =>
  seconds < 2 * 60 * 60 ? `${Math.max(1, Math.ceil(seconds / 60))} phút` : `${Math.ceil(seconds / 3600)} giờ`;

/**
 * Claims one use of a request's flow, or refuses the request with 429 and when to try again
 * (`retryAfterSeconds`, the Retry-After header: shared/http/problem.ts problemResponse).
 */
export async function spend(
  quotas: Quotas,
  flow: keyof typeof refusals,
  subject: string,
  now: Date,
): Promise<QuotaClaim & { granted: true }> {
  const claim = await quotas.claim(flow, subject, now);
  if (claim.granted) return claim;
  const { code, message } = refusals[flow];
  throw new RuleViolation('rate-limited', code, `${message}; vui lòng thử lại sau ${wait(claim.retryAfterSeconds)}.`, {
    retryAfterSeconds: claim.retryAfterSeconds,
  });
}
