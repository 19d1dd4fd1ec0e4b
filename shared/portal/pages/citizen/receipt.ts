import type { UploadOutcome } from '../../document-upload.ts';
import { dateTimeText } from '../../format.ts';
import { html } from '../../html.ts';
import type { Page } from '../../layout.ts';
import { paths } from '../../paths.ts';
import type { FilingReceipt } from './api-types.ts';

export interface ReceiptPageData {
  receipt: FilingReceipt;
  /** The procedure's document names, by slot. */
  documentNames: readonly string[];
  uploads: readonly UploadOutcome[];
}

/**
 * The answer to the filing form itself, not a redirect: the lookup PIN exists only in the API's first
 * answer (a reload posts the same Idempotency-Key, and the API replays that answer).
 */
export function receiptPage(data: ReceiptPageData): Page {
  const { receipt } = data;
  const nameOf = (slot: number) => data.documentNames[slot] ?? `Tài liệu ${slot + 1}`;
  const kept = data.uploads.filter((u) => !u.problem);
  const refused = data.uploads.filter((u) => u.problem);
  const dossierPath = paths.myDossier(receipt.code);
  return {
    title: `Đã nộp hồ sơ ${receipt.code}`,
    main: html`<h1>Đã nộp hồ sơ</h1>
      <p class="success" role="status">
        Hồ sơ thủ tục “${receipt.procedure.name}” đã được gửi đến ${receipt.agencyName}.
      </p>
      ${
        refused.length
          ? html`<div class="notice" role="alert">
              <p>Hồ sơ đã được nộp, nhưng các tệp sau chưa được nhận:</p>
              <ul>
                ${refused.map((u) => html`<li>${nameOf(u.slot)} (tệp “${u.fileName}”): ${u.problem}</li>`)}
              </ul>
              <p><a href="${dossierPath}">Tải lại các tệp này trên trang hồ sơ ${receipt.code}</a></p>
            </div>`
          : ''
      }
      <dl>
        <dt>Mã hồ sơ</dt>
        <dd><strong>${receipt.code}</strong></dd>
        ${
          receipt.lookupPin
            ? html`<dt>Mã tra cứu</dt>
                <dd><strong>${receipt.lookupPin}</strong></dd>`
            : ''
        }
        <dt>Tình trạng</dt>
        <dd>${receipt.statusText}</dd>
        <dt>Cơ quan giải quyết</dt>
        <dd>${receipt.agencyName}</dd>
        <dt>Thời điểm nộp</dt>
        <dd><time datetime="${receipt.submittedAt}">${dateTimeText(receipt.submittedAt)}</time></dd>
        <dt>Hẹn trả kết quả</dt>
        <dd><time datetime="${receipt.dueAt}">${receipt.appointment}</time></dd>
      </dl>
      ${
        receipt.lookupPin
          ? html`<p class="notice">
              Hãy ghi lại mã hồ sơ và mã tra cứu: mã tra cứu chỉ hiển thị một lần, trên trang này. Với hai mã này, bạn
              (hoặc người được bạn nhờ) tra cứu được hồ sơ mà không cần đăng nhập.
            </p>`
          : ''
      }
      ${
        kept.length
          ? html`<h2>Tệp đã nhận</h2>
              <ul>
                ${kept.map((u) => html`<li>${nameOf(u.slot)} (tệp “${u.fileName}”)</li>`)}
              </ul>`
          : ''
      }
      <ul>
        <li><a href="${dossierPath}">Xem hồ sơ ${receipt.code}</a></li>
        <li><a href="${paths.lookup}?code=${encodeURIComponent(receipt.code)}">Tra cứu hồ sơ bằng mã tra cứu</a></li>
        <li><a href="${paths.myDossiers}">Hồ sơ của tôi</a></li>
      </ul>`,
  };
}
