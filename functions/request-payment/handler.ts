import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { paymentRepository } from '#adapters/dynamo/payment-repository.ts';
import { callPartner, PartnerCallFailed } from '#adapters/partners/partner-client.ts';
import { httpHandler } from '#http/http-handler.ts';
import { idempotencyKeyHeader } from '#http/idempotency.ts';
import { Problem } from '#http/problem.ts';
import { config } from '#shared/config.ts';
import { DossierCodeParams } from '#shared/use-cases/get-dossier.ts';
import {
  type PlatformPaymentRequest,
  paymentRequestBody,
  requestPayment,
} from '#shared/use-cases/payments/request-payment.ts';

const pay = requestPayment({
  dossiers: dossierRepository(config.TABLE_NAME),
  payments: paymentRepository(config.TABLE_NAME),
  platform: (path, body) =>
    callPartner<PlatformPaymentRequest>('payments', path, body).catch((error: unknown) => {
      if (!(error instanceof PartnerCallFailed)) throw error;
      // Nothing was stored: the applicant may simply try again.
      throw new Problem(
        503,
        'payment-platform-unavailable',
        'Nền tảng thanh toán chưa sẵn sàng',
        'Chưa kết nối được Nền tảng thanh toán trực tuyến quốc gia. Vui lòng thử lại sau ít phút.',
      );
    }),
  now: () => new Date(),
});

export const handler = httpHandler('request-payment', {
  schemas: { params: DossierCodeParams, body: paymentRequestBody(config.PUBLIC_URL) },
  middlewares: [idempotencyKeyHeader('request-payment')],
}).handle(async ({ caller, params, body }) => {
  const { created, payment } = await pay(caller, params.code, body);
  return { status: created ? 201 : 200, body: payment };
});
