/**
 * The national payment platform as the local cloud plays it: it takes payment requests (answering a
 * pay URL on itself), keeps the transactions it made, lists them by local date, and pays or fails a
 * payment on request by calling the platform's signed callback.
 */
import { randomUUID } from 'node:crypto';
import { toVnDate } from '../../../shared/domain/time.ts';
import { type BrowserReply, PartnerSimulator, type SimulatorContext, type WebhookResponse } from './simulator.ts';

export interface SimulatedPaymentRequest {
  paymentId: string;
  dossierCode: string;
  amount: number;
  currency: string;
  description: string;
  returnUrl?: string;
  reference: string;
}

export interface SimulatedTransaction {
  transactionId: string;
  paymentId: string;
  amount: number;
  currency: string;
  status: 'success' | 'failed';
  /** Local date (`yyyy-mm-dd`) the transaction happened. */
  date: string;
}

export const paymentCallbackPath = '/v1/partners/payments/callbacks';

export class PaymentsSimulator extends PartnerSimulator {
  readonly requests = new Map<string, SimulatedPaymentRequest>();
  readonly transactions: SimulatedTransaction[] = [];

  constructor(ctx: SimulatorContext) {
    super(ctx);
    this.on('/payment-requests', (body) => {
      const request = body as Omit<SimulatedPaymentRequest, 'reference'>;
      const reference = `NP-${randomUUID()}`;
      this.requests.set(request.paymentId, { ...request, reference });
      return { status: 201, body: { reference, payUrl: `${this.ctx.baseUrl()}/pay/${reference}` } };
    });
    this.on('/transactions', (body) => {
      const { date } = body as { date: string };
      return {
        status: 200,
        body: { transactions: this.transactions.filter((t) => t.date === date).map(({ date: _d, ...t }) => t) },
      };
    });
  }

  /**
   * The payment page the applicant is sent to (`payUrl`): GET shows the amount with "pay" and "fail"
   * buttons; their POST pays or fails the payment as {@link pay} does, then returns to `returnUrl`.
   */
  override async browse(method: string, path: string, form: URLSearchParams): Promise<BrowserReply | undefined> {
    const reference = /^\/pay\/([\w-]+)$/.exec(path)?.[1];
    const request = [...this.requests.values()].find((r) => r.reference === reference);
    if (!request) return undefined;
    if (method === 'GET') return { status: 200, html: paymentPage(request) };
    const outcome = form.get('outcome') === 'failed' ? 'failed' : 'success';
    const sent = await this.pay(request.paymentId, { outcome });
    if (request.returnUrl) return { status: 303, location: request.returnUrl };
    return {
      status: sent.status < 300 ? 200 : 502,
      html: page(
        'Kết quả thanh toán',
        `<p>${outcome === 'success' ? 'Đã thanh toán' : 'Thanh toán không thành công'}.</p>`,
      ),
    };
  }

  /**
   * The applicant pays (or the payment fails): records the transaction and reports it to the platform.
   * `amount`/`currency` override what was requested (a platform that reports something else).
   */
  pay(
    paymentId: string,
    options: { amount?: number; currency?: string; outcome?: 'success' | 'failed'; at?: Date } = {},
  ): Promise<WebhookResponse> {
    const request = this.requests.get(paymentId);
    const transaction: SimulatedTransaction = {
      transactionId: `TX-${randomUUID()}`,
      paymentId,
      amount: options.amount ?? request?.amount ?? 0,
      currency: options.currency ?? request?.currency ?? 'VND',
      status: options.outcome ?? 'success',
      date: toVnDate(options.at ?? new Date()),
    };
    this.transactions.push(transaction);
    return this.report(transaction);
  }

  /**
   * Sends a transaction's callback again, freshly signed as of `at` (what a platform that retries later
   * does: a signature is per second, so a retry within the same second would be an exact replay).
   */
  report(transaction: SimulatedTransaction, at = new Date()): Promise<WebhookResponse> {
    const { date: _date, ...body } = transaction;
    return this.webhook(paymentCallbackPath, body, { at });
  }
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const page = (title: string, body: string) =>
  `<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
  `<title>${escape(title)}</title><h1>${escape(title)}</h1>${body}</html>`;

function paymentPage(request: SimulatedPaymentRequest): string {
  const amount = `${new Intl.NumberFormat('vi-VN').format(request.amount)} ${escape(request.currency)}`;
  const button = (outcome: string, label: string) =>
    `<form method="post"><input type="hidden" name="outcome" value="${outcome}"><button>${label}</button></form>`;
  return page(
    'Nền tảng thanh toán (mô phỏng)',
    `<p>Hồ sơ ${escape(request.dossierCode)}: ${amount}</p>` +
      button('success', 'Thanh toán') +
      button('failed', 'Giả lập thanh toán thất bại'),
  );
}
