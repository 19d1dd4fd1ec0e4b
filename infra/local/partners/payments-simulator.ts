/**
 * The national payment platform as the local cloud plays it: it takes payment requests (answering a
 * pay URL on itself), keeps the transactions it made, lists them by local date, and pays or fails a
 * payment on request by calling the platform's signed callback.
 */
import { randomUUID } from 'node:crypto';
import { toVnDate } from '../../../shared/domain/time.ts';
import { PartnerSimulator, type SimulatorContext, type WebhookResponse } from './simulator.ts';

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
