import { dossierStatuses } from '../../../domain/dossier/status.ts';
import { formatVnd } from '../../../domain/money.ts';
import { unpayable } from '../../../domain/payments/payment.ts';
import type { DossierView } from '../../../use-cases/dossier-view.ts';
import { formSecrets } from '../../forms.ts';
import { html, safeUrl } from '../../html.ts';
import type { Page, PageContext } from '../../layout.ts';
import { paths } from '../../paths.ts';
import { feeDueText } from '../../../domain/fees/describe.ts';

/** What the payment page reads of `GET /v1/dossiers/{code}`. */
export type PayableDossier = Pick<DossierView, 'code' | 'status' | 'fee'> & {
  procedure: Pick<DossierView['procedure'], 'name'>;
};

export interface PaymentPageData {
  dossier: PayableDossier;
  /** The form's Idempotency-Key: one payment request however often it is sent. */
  key: string;
  /** The API's refusal (Vietnamese), after a failed attempt. */
  error?: string;
}

/** Why there is nothing to pay (the payment rule's own sentence), or undefined when the fee can be paid online now. */
export function nothingToPay(dossier: PayableDossier): string | undefined {
  // One nuance the person cares about: paid here, online, rather than at the desk.
  if (dossier.fee?.paid && dossier.fee.paidOnline) return 'Phí, lệ phí của hồ sơ này đã được nộp trực tuyến.';
  return unpayable(dossier)?.message;
}

export function paymentPage(context: PageContext, data: PaymentPageData): Page {
  const { dossier } = data;
  const fee = dossier.fee;
  const none = nothingToPay(dossier);
  return {
    title: `Nộp phí, lệ phí hồ sơ ${dossier.code}`,
    main: html`<h1>Nộp phí, lệ phí</h1>
      ${data.error ? html`<p class="notice" role="alert">${data.error}</p>` : ''}
      <dl>
        <dt>Mã hồ sơ</dt>
        <dd>${dossier.code}</dd>
        <dt>Thủ tục</dt>
        <dd>${dossier.procedure.name}</dd>
        <dt>Tình trạng</dt>
        <dd>${dossierStatuses[dossier.status]?.vi ?? dossier.status}</dd>
        ${
          fee
            ? html`<dt>Phí, lệ phí</dt>
                <dd>
                  <strong>${formatVnd(fee.amount)}</strong>
                  (${feeDueText[fee.due]})
                </dd>`
            : ''
        }
      </dl>
      ${
        none
          ? html`<p class="status" role="status">${none}</p>`
          : html`<p>
                Ông/Bà sẽ được chuyển đến Nền tảng thanh toán trực tuyến quốc gia để nộp ${formatVnd(fee?.amount ?? 0)}
                phí, lệ phí giải quyết thủ tục ${dossier.procedure.name}. Sau khi thanh toán, Ông/Bà được đưa về trang
                hồ sơ.
              </p>
              <form method="post" action="${paths.myDossierPayment(dossier.code)}">
                ${formSecrets(context, data.key)}
                <button type="submit">Thanh toán trực tuyến</button>
              </form>`
      }
      <p><a href="${paths.myDossier(dossier.code)}">Về hồ sơ ${dossier.code}</a></p>`,
  };
}

/** The payment request is made: one link on to the platform's page (a link leaves the site under any CSP). */
export function paymentHandoffPage(code: string, payUrl: string): Page {
  return {
    title: `Chuyển đến trang thanh toán – hồ sơ ${code}`,
    main: html`<h1>Chuyển đến trang thanh toán</h1>
      <p>
        Yêu cầu thanh toán cho hồ sơ ${code} đã được tạo. Ông/Bà tiếp tục nộp phí, lệ phí trên Nền tảng thanh toán trực
        tuyến quốc gia.
      </p>
      <p><a class="button" href="${safeUrl(payUrl)}">Tiếp tục đến trang thanh toán</a></p>
      <p><a href="${paths.myDossier(code)}">Về hồ sơ ${code}</a></p>`,
  };
}
