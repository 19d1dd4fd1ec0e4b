import { type DossierStatus, isOpen } from '../../../domain/dossier/status.ts';
import { unpayable } from '../../../domain/payments/payment.ts';
import { maxFormUploadBytes } from '../../document-upload.ts';
import { scrollTable } from '../../components/table.ts';
import { dateTimeText } from '../../format.ts';
import { formSecrets } from '../../forms.ts';
import { type Html, html, safeUrl } from '../../html.ts';
import type { Page, PageContext } from '../../layout.ts';
import { paths } from '../../paths.ts';
import type { DocumentItem, DossierDetail, Shipment } from './api-types.ts';
import { describeDossierFee } from '../../../domain/fees/describe.ts';
import { controlSlipLink } from '../../components/control-slip-link.ts';
import { formatVnDate } from '../../../domain/time.ts';

export interface RequiredSlot {
  name: string;
  optional?: boolean;
}

/** Which form on the page a refusal belongs to, so the message shows next to it. */
export type DossierForm = 'upload' | 'withdraw' | 'supplement';

export interface MyDossierPageData {
  dossier: DossierDetail;
  agencyName?: string;
  /** The required documents of the procedure version the dossier was filed under, by slot. */
  slots: readonly RequiredSlot[];
  documents: readonly DocumentItem[];
  /** Whether the documents list offers the process control slip (from the dossier's receipt). */
  controlSlip?: boolean;
  /** Fresh Idempotency-Keys, one per form. */
  keys: Record<DossierForm, string>;
  /** `?da=` after a change succeeded. */
  done?: string;
  error?: { form: DossierForm; message: string };
  /** The withdrawal reason typed before a refusal. */
  withdrawReason?: string;
}

/** What the `?da=` of a redirect back to this page says. */
export const doneMessages: Record<string, string> = {
  'tai-len': 'Đã nhận tệp và kiểm tra xong.',
  'rut-ho-so': 'Đã rút hồ sơ.',
  'bo-sung': 'Đã gửi hồ sơ bổ sung đến cơ quan giải quyết.',
  'danh-gia': 'Cảm ơn Ông/Bà đã đánh giá mức độ hài lòng.',
  // Back from the payment platform: the fee counts as paid once the platform confirms it (the page says which).
  'thanh-toan': 'Đã gửi thanh toán. Hồ sơ được cập nhật khi Nền tảng thanh toán xác nhận.',
};

const uploadStatuses: readonly DossierStatus[] = ['submitted', 'supplement-requested'];

/**
 * The fee is due now: at intake from the start, at supplement while a supplement is asked for, at
 * result once asked for or decided. Never twice.
 */
export function feePayable(dossier: Pick<DossierDetail, 'fee' | 'status'>): boolean {
  const { fee, status } = dossier;
  if (!fee || unpayable(dossier)) return false;
  if (fee.due === 'supplement' && status === 'supplement-requested') return true;
  return fee.due === 'intake' || status === 'awaiting-fees' || status === 'decided';
}

export const ratable = (dossier: Pick<DossierDetail, 'status' | 'rating'>): boolean =>
  dossier.status === 'returned' && !dossier.rating;

const returnMethodText: Record<DossierDetail['returnMethod'], string> = {
  online: 'Nhận trực tuyến',
  counter: 'Nhận trực tiếp tại Bộ phận Một cửa',
  post: 'Nhận qua dịch vụ bưu chính',
};

const trackingText: Record<NonNullable<Shipment['status']>, string> = {
  accepted: 'bưu điện đã nhận',
  'in-transit': 'đang vận chuyển',
  delivered: 'đã phát thành công',
  'failed-delivery': 'phát không thành công',
  'returned-to-sender': 'đã chuyển hoàn',
};

const kindText: Record<DocumentItem['kind'], string> = {
  upload: 'Tệp đã nộp',
  form: 'Biểu mẫu',
  result: 'Kết quả có chữ ký số',
  receipt: 'Biên lai điện tử',
  referenced: 'Tệp trên Cổng Dịch vụ công quốc gia',
};

function documentState(document: DocumentItem): Html {
  switch (document.status) {
    case 'verified':
      return html`Đã kiểm tra`;
    case 'pending':
      return html`Chưa hoàn tất tải lên`;
    case 'quarantined':
      return html`<span class="overdue">Bị từ chối</span
        >${document.rejection ? html`: ${document.rejection.reason}` : ''}`;
    case 'referenced':
      return html`Lưu trên Cổng Dịch vụ công quốc gia`;
  }
}

function shipmentLine(label: string, shipment: Shipment | undefined): Html {
  if (!shipment) return html``;
  return html`<li>
    ${label}:
    ${shipment.address}${shipment.waybill ? html`; mã vận đơn <strong>${shipment.waybill}</strong>` : ''}${
      shipment.status ? html` (${trackingText[shipment.status]})` : ''
    }
  </li>`;
}

function feeLine(fee: DossierDetail['fee']): Html {
  if (!fee) return html`Không thu phí, lệ phí`;
  if (fee.exemption) return html`${describeDossierFee(fee)}`;
  return html`${describeDossierFee({ ...fee, paid: false })} – ${fee.paid ? 'đã nộp' : html`<strong>chưa nộp</strong>`}`;
}

const refusal = (data: MyDossierPageData, form: DossierForm) =>
  data.error?.form === form ? html`<p class="notice" role="alert">${data.error.message}</p>` : '';

function documentsSection(data: MyDossierPageData): Html {
  const { documents, slots } = data;
  const uploadedSlots = new Set(
    documents.filter((d) => d.kind === 'upload' && d.status === 'verified').map((d) => d.slot),
  );
  const missing = slots
    .map((slot, index) => ({ ...slot, index }))
    .filter((slot) => !slot.optional && !uploadedSlots.has(slot.index));
  return html`<h2>Tài liệu</h2>
    ${
      documents.length
        ? html`${scrollTable(
              'Tài liệu',
              html`<table>
                <thead>
                  <tr>
                    <th scope="col">Tài liệu</th>
                    <th scope="col">Loại</th>
                    <th scope="col">Tình trạng</th>
                    <th scope="col">Tải về</th>
                  </tr>
                </thead>
                <tbody>
                  ${documents.map(
                    (d) =>
                      html`<tr>
                        <th scope="row">${d.form ? html`Mẫu ${d.form}: ` : ''}${d.name}</th>
                        <td>${kindText[d.kind]}</td>
                        <td>${documentState(d)}</td>
                        <td>
                          ${
                            d.download
                              ? html`<a href="${safeUrl(d.download.url)}"
                                  >Tải về<span class="skip"> ${d.name}</span></a
                                >`
                              : '–'
                          }
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>`,
            )}
            <p class="hint">Đường dẫn tải về có hiệu lực 5 phút; tải lại trang để lấy đường dẫn mới.</p>`
        : html`<p>Hồ sơ chưa có tài liệu.</p>`
    }
    ${data.controlSlip ? controlSlipLink(paths.myDossierControlSlip(data.dossier.code)) : ''}
    ${
      missing.length
        ? html`<p>Giấy tờ bắt buộc chưa nộp:</p>
            <ul>
              ${missing.map((slot) => html`<li>${slot.name}</li>`)}
            </ul>`
        : ''
    }`;
}

const shows: Record<DossierForm, (data: MyDossierPageData) => boolean> = {
  upload: ({ dossier, slots }) => uploadStatuses.includes(dossier.status) && slots.length > 0,
  supplement: ({ dossier }) => dossier.status === 'supplement-requested' && dossier.supplement !== undefined,
  withdraw: ({ dossier }) => isOpen(dossier.status),
};

function uploadForm(context: PageContext, data: MyDossierPageData): Html {
  const { dossier, slots } = data;
  if (!shows.upload(data)) return html``;
  return html`<form method="post" action="${paths.myDossierDocuments(dossier.code)}" enctype="multipart/form-data">
    <h2>Tải thêm tài liệu</h2>
    ${refusal(data, 'upload')} ${formSecrets(context, data.keys.upload)}
    <label for="slot">Thành phần hồ sơ</label>
    <select id="slot" name="slot" required>
      ${slots.map((slot, index) => html`<option value="${index}">${slot.name}${slot.optional ? ' (nếu có)' : ''}</option>`)}
    </select>
    <label for="tep">Tệp</label>
    <p id="tep-goi-y" class="hint">
      Tệp PDF, JPEG hoặc PNG, tối đa ${maxFormUploadBytes / 1024 / 1024} MB mỗi lần gửi.
    </p>
    <input
      id="tep"
      name="tep"
      type="file"
      accept="application/pdf,image/jpeg,image/png"
      required
      aria-describedby="tep-goi-y"
    />
    <button type="submit">Tải lên</button>
  </form>`;
}

function supplementSection(context: PageContext, data: MyDossierPageData): Html {
  const { dossier } = data;
  if (!shows.supplement(data) || !dossier.supplement) return html``;
  return html`<section aria-labelledby="bo-sung">
    <h2 id="bo-sung">Hồ sơ cần bổ sung</h2>
    <p>
      Ngày <time datetime="${dossier.supplement.requestedAt}">${formatVnDate(dossier.supplement.requestedAt)}</time>, cơ
      quan giải quyết đề nghị bổ sung, hoàn thiện:
    </p>
    <ol>
      ${dossier.supplement.defects.map((defect) => html`<li>${defect}</li>`)}
    </ol>
    <p>
      Tải lên các giấy tờ còn thiếu bằng biểu mẫu “Tải thêm tài liệu” bên dưới, rồi bấm “Gửi hồ sơ đã bổ sung” để hồ sơ
      được xử lý tiếp.
    </p>
    <form method="post" action="${paths.myDossierSupplement(dossier.code)}">
      ${refusal(data, 'supplement')} ${formSecrets(context, data.keys.supplement)}
      <input type="hidden" name="expectedVersion" value="${dossier.version}" />
      <label for="ghiChuBoSung">Ghi chú cho cơ quan giải quyết <span class="hint">(không bắt buộc)</span></label>
      <textarea id="ghiChuBoSung" name="note" maxlength="2000"></textarea>
      <button type="submit">Gửi hồ sơ đã bổ sung</button>
    </form>
  </section>`;
}

function withdrawForm(context: PageContext, data: MyDossierPageData): Html {
  const { dossier } = data;
  if (!shows.withdraw(data)) return html``;
  return html`<form method="post" action="${paths.myDossierWithdrawal(dossier.code)}">
    <h2>Rút hồ sơ</h2>
    ${refusal(data, 'withdraw')} ${formSecrets(context, data.keys.withdraw)}
    <input type="hidden" name="expectedVersion" value="${dossier.version}" />
    <p>Hồ sơ đã rút thì không được giải quyết tiếp; muốn làm lại thủ tục, bạn nộp hồ sơ mới.</p>
    <label for="lyDo">Lý do rút hồ sơ</label>
    <textarea id="lyDo" name="reason" required maxlength="2000">${data.withdrawReason ?? ''}</textarea>
    <button type="submit" class="danger">Rút hồ sơ</button>
  </form>`;
}

/** One dossier of the signed-in citizen: where it is, what is owed, its files, what can be done, its history. */
export function myDossierPage(context: PageContext, data: MyDossierPageData): Page {
  const { dossier } = data;
  const done = data.done ? doneMessages[data.done] : undefined;
  const actions: Html[] = [];
  if (feePayable(dossier)) {
    actions.push(
      html`<li><a class="button" href="${paths.myDossierPayment(dossier.code)}">Nộp phí, lệ phí trực tuyến</a></li>`,
    );
  }
  if (ratable(dossier)) {
    actions.push(
      html`<li><a class="button" href="${paths.myDossierRating(dossier.code)}">Đánh giá mức độ hài lòng</a></li>`,
    );
  }
  return {
    title: `Hồ sơ ${dossier.code}`,
    main: html`<p><a href="${paths.myDossiers}">← Hồ sơ của tôi</a></p>
      <h1>Hồ sơ ${dossier.code}</h1>
      ${done ? html`<p class="success" role="status">${done}</p>` : ''}
      ${data.error && !shows[data.error.form](data) ? html`<p class="notice" role="alert">${data.error.message}</p>` : ''}
      <dl>
        <dt>Thủ tục</dt>
        <dd>${dossier.procedure.name}</dd>
        <dt>Tình trạng</dt>
        <dd>
          <span class="status">${dossier.statusText}</span>${
            dossier.flags.overdue ? html` <span class="overdue">Quá hạn giải quyết</span>` : ''
          }
        </dd>
        <dt>Cơ quan giải quyết</dt>
        <dd>${data.agencyName ?? dossier.agencyId}</dd>
        <dt>Người nộp</dt>
        <dd>${dossier.applicant.fullName}</dd>
        <dt>Ngày nộp</dt>
        <dd><time datetime="${dossier.submittedAt}">${dateTimeText(dossier.submittedAt)}</time></dd>
        <dt>Hẹn trả kết quả</dt>
        <dd>
          <time datetime="${dossier.dueAt}">${dateTimeText(dossier.dueAt)}</time>${
            dossier.flags.extended ? html` <span class="hint">(đã gia hạn)</span>` : ''
          }
        </dd>
        <dt>Phí, lệ phí</dt>
        <dd>${feeLine(dossier.fee)}</dd>
        <dt>Cách nhận kết quả</dt>
        <dd>
          ${returnMethodText[dossier.returnMethod]}
          ${
            dossier.postal
              ? html`<ul>
                  ${shipmentLine('Bưu điện thu gom hồ sơ', dossier.postal.pickup)}
                  ${shipmentLine('Chuyển phát kết quả', dossier.postal.delivery)}
                </ul>`
              : ''
          }
        </dd>
        ${
          dossier.decision
            ? html`<dt>Kết quả giải quyết</dt>
                <dd>
                  ${dossier.decision.outcome === 'approved' ? 'Chấp thuận' : 'Từ chối'}${
                    dossier.decision.reasons ? html`: ${dossier.decision.reasons}` : ''
                  }
                </dd>`
            : ''
        }
        ${
          dossier.rating
            ? html`<dt>Đánh giá của bạn</dt>
                <dd>${dossier.rating.score}/5</dd>`
            : ''
        }
      </dl>
      ${
        actions.length
          ? html`<ul class="actions">
              ${actions}
            </ul>`
          : ''
      }
      ${supplementSection(context, data)} ${documentsSection(data)}
      <div class="actions">${uploadForm(context, data)} ${withdrawForm(context, data)}</div>
      <h2>Quá trình xử lý</h2>
      <ol>
        ${dossier.timeline.map(
          (entry) => html`<li><time datetime="${entry.at}">${dateTimeText(entry.at)}</time>: ${entry.note}</li>`,
        )}
      </ol>`,
  };
}
