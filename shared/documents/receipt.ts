/**
 * The electronic receipt (biên lai điện tử) of a fee paid online, laid out like the dossier's forms.
 * Pure: the same input gives the same bytes.
 */
import type { Payment } from '../domain/payments/payment.ts';
import { formatVnd } from '../domain/money.ts';
import { type FormDossier, renderDocument, type Row } from './forms.ts';

export const receiptTitle = 'BIÊN LAI THU PHÍ, LỆ PHÍ ĐIỆN TỬ';

export interface ReceiptInput {
  dossier: FormDossier;
  payment: Pick<Payment, 'id' | 'amount' | 'currency' | 'transactionId' | 'platformRef'>;
  agencyName: string;
  /** The deployment's public URL (config PUBLIC_URL): the QR code opens its look-up page. */
  publicUrl: string;
  /** When the payment was settled: printed on the receipt, and the PDF's dates. */
  paidAt: Date;
}

export function renderReceipt(input: ReceiptInput): Promise<Uint8Array> {
  const { dossier, payment } = input;
  const rows: Row[] = [
    ['Mã hồ sơ', dossier.code],
    ['Thủ tục', `${dossier.procedure.name} (${dossier.procedure.code})`],
    ['Người nộp', dossier.applicant.fullName],
    ['Địa chỉ', dossier.applicant.address],
    ['Đơn vị thu', input.agencyName],
    ['Số tiền', formatVnd(payment.amount)],
    ['Hình thức', 'Thanh toán trực tuyến qua Nền tảng thanh toán trực tuyến quốc gia'],
    ['Mã thanh toán', payment.id],
    ['Mã giao dịch', payment.transactionId ?? payment.platformRef],
  ];
  return renderDocument(
    {
      dossier,
      agencyName: input.agencyName,
      publicUrl: input.publicUrl,
      issuedAt: input.paidAt,
      keywords: [payment.id],
    },
    receiptTitle,
    rows,
    `Biên lai số: ${payment.id}`,
  );
}
