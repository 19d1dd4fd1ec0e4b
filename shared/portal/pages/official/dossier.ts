import type { Role } from '../../../domain/caller.ts';
import type { Channel, ReturnMethod } from '../../../domain/dossier/dossier.ts';
import { actionLabels } from '../../../domain/dossier/lifecycle.ts';
import { type DossierStatus, dossierStatuses } from '../../../domain/dossier/status.ts';
import type { ListedDocument } from '../../../use-cases/documents/list-documents.ts';
import type { DossierView, TimelineView } from '../../../use-cases/dossier-view.ts';
import { scrollTable } from '../../components/table.ts';
import { dateTimeText } from '../../format.ts';
import { type Html, html, safeUrl } from '../../html.ts';
import type { Page } from '../../layout.ts';
import { paths } from '../../paths.ts';
import { type ActionFormsData, actionForms, doneText, type OfficialActionType } from './actions.ts';
import { describeDossierFee } from '../../../domain/fees/describe.ts';
import { controlSlipLink } from '../../components/control-slip-link.ts';
import { formatAmount } from '../../../domain/money.ts';

/** `GET /v1/dossiers/{code}` as an official reads it: the timeline with its internal notes. */
export type { DossierView };

/** One item of `GET /v1/dossiers/{code}/documents`: a verified file comes with a short-lived download link. */
export type DocumentItem = ListedDocument;

export interface OfficialDossierData {
  dossier: DossierView;
  documents: readonly DocumentItem[];
  /** Whether the documents list offers the process control slip (from the dossier's receipt). */
  controlSlip?: boolean;
  forms: ActionFormsData;
  /** The action just done (`?da=`), told as a success. */
  done?: OfficialActionType;
  /** A message above everything, e.g. that someone else changed the dossier first. */
  notice?: string;
}

const roleText: Record<Role | 'system', string> = {
  citizen: 'Người nộp hồ sơ',
  receiver: 'Cán bộ tiếp nhận',
  specialist: 'Chuyên viên xử lý',
  leader: 'Lãnh đạo',
  admin: 'Quản trị hệ thống',
  auditor: 'Thanh tra, kiểm tra',
  integration: 'Hệ thống liên thông',
  system: 'Hệ thống',
};

/** Timeline entries the lifecycle table does not name: steps the platform takes by itself. */
const systemActionText: Record<string, string> = {
  file: 'Nộp hồ sơ',
  'route-to-intake': 'Chuyển đến bộ phận tiếp nhận',
  'result-signed': 'Ký số kết quả',
  'payment-received': 'Nhận thanh toán trực tuyến',
  'payment-flagged': 'Thanh toán trực tuyến cần kiểm tra',
  'postal-booked': 'Đặt dịch vụ bưu chính',
  'postal-tracking': 'Cập nhật từ bưu chính',
  rate: 'Đánh giá mức độ hài lòng',
};

function actionText(action: string): string {
  const label = (actionLabels as Record<string, string | undefined>)[action];
  if (label) return label.charAt(0).toUpperCase() + label.slice(1);
  return systemActionText[action] ?? action;
}

const channelText: Record<Channel, string> = {
  online: 'Trực tuyến',
  counter: 'Tại Bộ phận Một cửa',
  post: 'Qua dịch vụ bưu chính',
  dvcqg: 'Cổng Dịch vụ công quốc gia',
};

const returnMethodText: Record<ReturnMethod, string> = {
  online: 'Nhận trực tuyến',
  counter: 'Nhận tại Bộ phận Một cửa',
  post: 'Nhận qua dịch vụ bưu chính',
};

const documentKindText: Record<DocumentItem['kind'], string> = {
  upload: 'Giấy tờ của người nộp',
  form: 'Biểu mẫu',
  result: 'Kết quả giải quyết',
  referenced: 'Tệp trên Cổng Dịch vụ công quốc gia',
  receipt: 'Biên lai điện tử',
};

const statusText = (status: DossierStatus | undefined) => (status ? dossierStatuses[status].vi : '');
const time = (iso: string) => html`<time datetime="${iso}">${dateTimeText(iso)}</time>`;

function documentState(document: DocumentItem): string {
  switch (document.status) {
    case 'verified':
      return 'Đã kiểm tra';
    case 'pending':
      return 'Đang chờ tải lên';
    case 'referenced':
      return 'Lưu tại Cổng Dịch vụ công quốc gia';
    case 'quarantined':
      return `Bị từ chối: ${document.rejection?.reason ?? 'tệp không hợp lệ'}`;
  }
}

function feeText(fee: DossierView['fee']): Html {
  if (!fee) return html`Không thu phí, lệ phí`;
  const paid = fee.exemption ? '' : fee.paid ? (fee.paidOnline ? ' – đã nộp trực tuyến' : ' – đã nộp') : ' – chưa nộp';
  return html`${describeDossierFee({ ...fee, paid: false })}${paid}${
    fee.flag
      ? html`<br /><strong class="overdue"
            >Thanh toán trực tuyến cần kiểm tra: nhận ${formatAmount(fee.flag.received)}.</strong
          >`
      : ''
  }`;
}

function summary(d: DossierView): Html {
  const { applicant } = d;
  return html`<dl>
      <dt>Thủ tục</dt>
      <dd>${d.procedure.name} (${d.procedure.code})</dd>
      <dt>Tình trạng</dt>
      <dd>
        <span class="status">${d.statusText}</span
        >${d.flags.overdue ? html` <strong class="overdue">Quá hạn</strong>` : ''}
        ${d.flags.extended ? html` <span class="hint">Đã gia hạn</span>` : ''}
      </dd>
      ${
        d.workQueue
          ? html`<dt>Bước xử lý</dt>
              <dd>
                ${d.workQueue.stepName}${d.workQueue.assigneeId ? html` – cán bộ: ${d.workQueue.assigneeId}` : ''}
              </dd>`
          : ''
      }
      <dt>Người nộp</dt>
      <dd>${applicant.fullName}</dd>
      <dt>Số định danh cá nhân</dt>
      <dd>${applicant.idNumber}</dd>
      <dt>Địa chỉ</dt>
      <dd>${applicant.address}</dd>
      ${
        applicant.phone
          ? html`<dt>Điện thoại</dt>
              <dd>${applicant.phone}</dd>`
          : ''
      }
      ${
        applicant.email
          ? html`<dt>Thư điện tử</dt>
              <dd>${applicant.email}</dd>`
          : ''
      }
      <dt>Hình thức nộp</dt>
      <dd>${channelText[d.channel]}</dd>
      <dt>Nhận kết quả</dt>
      <dd>${returnMethodText[d.returnMethod]}</dd>
      <dt>Phí, lệ phí</dt>
      <dd>${feeText(d.fee)}</dd>
      <dt>Ngày nộp</dt>
      <dd>${time(d.submittedAt)}</dd>
      ${
        d.receivedAt
          ? html`<dt>Ngày tiếp nhận</dt>
              <dd>${time(d.receivedAt)}</dd>`
          : ''
      }
      <dt>Hẹn trả kết quả</dt>
      <dd>${time(d.dueAt)}${d.originalDueAt ? html` (hạn trước khi gia hạn: ${time(d.originalDueAt)})` : ''}</dd>
      ${
        d.returnedAt
          ? html`<dt>Ngày trả kết quả</dt>
              <dd>${time(d.returnedAt)}</dd>`
          : ''
      }
    </dl>
    ${
      d.supplement
        ? html`<h2>Nội dung yêu cầu bổ sung</h2>
            <ol>
              ${d.supplement.defects.map((defect) => html`<li>${defect}</li>`)}
            </ol>`
        : ''
    }`;
}

/** The sign worker's entry once it has signed and stored the result. */
const resultSigned = (d: DossierView) => d.timeline.findLast((entry) => entry.action === 'result-signed');

/** The `?da=` message. A decision is told as being signed only until it is: then the signed result speaks. */
function doneMessage(done: OfficialActionType, d: DossierView): string {
  return done === 'decide' && resultSigned(d) ? 'Đã ghi nhận quyết định.' : doneText[done];
}

/** The decision, and whether the sign worker has signed and stored the result yet. */
function decision(d: DossierView, documents: readonly DocumentItem[]): Html {
  if (!d.decision) return html``;
  const signed = resultSigned(d);
  const document = signed?.documentId ? documents.find((item) => item.id === signed.documentId) : undefined;
  return html`<section aria-labelledby="ket-qua">
    <h2 id="ket-qua">Kết quả giải quyết</h2>
    <p>
      ${d.decision.outcome === 'approved' ? 'Chấp thuận' : 'Không chấp thuận'}, ${time(d.decision.decidedAt)}, lãnh đạo:
      ${d.decision.by}.${d.decision.reasons ? html` Lý do: ${d.decision.reasons}` : ''}
    </p>
    ${
      signed
        ? html`<p class="success" role="status">${signed.note}</p>
            ${
              document?.download
                ? html`<p>
                    <a href="${safeUrl(document.download.url)}">Tải kết quả có chữ ký số (${document.name})</a>
                  </p>`
                : ''
            }`
        : html`<p class="hint">Đang ký số kết quả; tải lại trang sau ít phút để xem văn bản đã ký.</p>`
    }
  </section>`;
}

function documentsTable(documents: readonly DocumentItem[]): Html {
  if (documents.length === 0) return html`<p>Hồ sơ chưa có tài liệu nào.</p>`;
  return scrollTable(
    'Tài liệu',
    html`<table>
      <thead>
        <tr>
          <th scope="col">Tài liệu</th>
          <th scope="col">Loại</th>
          <th scope="col">Tình trạng</th>
        </tr>
      </thead>
      <tbody>
        ${documents.map(
          (document) =>
            html`<tr>
              <th scope="row">
                ${
                  document.download
                    ? html`<a href="${safeUrl(document.download.url)}">${document.name}</a>`
                    : document.name
                }
              </th>
              <td>${documentKindText[document.kind]}</td>
              <td>${documentState(document)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`,
  );
}

function timelineRow(entry: TimelineView): Html {
  const moved = entry.from && entry.to && entry.from !== entry.to;
  return html`<tr>
    <td>${time(entry.at)}</td>
    <td>${roleText[entry.actor.role]}${entry.actor.role === 'system' ? '' : html`<br />${entry.actor.sub}`}</td>
    <td>
      ${actionText(entry.action)}${
        moved ? html`<br /><span class="hint">${statusText(entry.from)} → ${statusText(entry.to)}</span>` : ''
      }
    </td>
    <td>
      ${entry.note}${entry.internalNote ? html`<br /><strong>Ghi chú nội bộ:</strong> ${entry.internalNote}` : ''}
    </td>
  </tr>`;
}

function timelineTable(timeline: readonly TimelineView[]): Html {
  return scrollTable(
    'Quá trình xử lý',
    html`<table>
      <thead>
        <tr>
          <th scope="col">Thời gian</th>
          <th scope="col">Người thực hiện</th>
          <th scope="col">Thao tác</th>
          <th scope="col">Nội dung</th>
        </tr>
      </thead>
      <tbody>
        ${timeline.map(timelineRow)}
      </tbody>
    </table>`,
  );
}

/** A dossier as its agency's officials work on it: who applied, where it stands, what was done, what they may do. */
export function officialDossierPage(data: OfficialDossierData): Page {
  const d = data.dossier;
  return {
    title: `Hồ sơ ${d.code}`,
    main: html`<p><a href="${paths.workQueue}">← Danh sách hồ sơ cần xử lý</a></p>
      <h1>Hồ sơ ${d.code}</h1>
      ${data.notice ? html`<p class="notice" role="alert">${data.notice}</p>` : ''}
      ${data.done ? html`<p class="success" role="status">${doneMessage(data.done, d)}</p>` : ''} ${summary(d)}
      ${decision(d, data.documents)}
      <h2>Tài liệu</h2>
      ${documentsTable(data.documents)} ${data.controlSlip ? controlSlipLink(paths.officialControlSlip(d.code)) : ''}
      <h2>Quá trình xử lý</h2>
      ${timelineTable(d.timeline)} ${actionForms(data.forms)}`,
  };
}
