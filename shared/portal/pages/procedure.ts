import type { Procedure } from '../../domain/procedure.ts';
import type { FilingAppointment } from '../filing-appointment.ts';
import { copyTypeText } from '../../domain/procedure.ts';
import { durationText, feeText, levelText, serviceLevelText } from '../format.ts';
import { html } from '../html.ts';
import type { Page } from '../layout.ts';
import { paths } from '../paths.ts';

/** "Nộp bây giờ, hẹn trả: …": the appointment, or why there is not one for the whole province. */
const appointmentLine = (appointment: FilingAppointment | undefined) =>
  appointment
    ? html`<p>
        Nộp bây giờ, hẹn trả:
        ${
          appointment.kind === 'at'
            ? html`<strong>${appointment.appointment}</strong>`
            : html`tùy xã, phường <span class="hint">(theo lịch làm việc của xã, phường nơi nộp hồ sơ)</span>`
        }
      </p>`
    : '';

/**
 * A procedure as a citizen needs it: what to bring, how long, how much, where, whether online, and
 * when a dossier filed now would be due.
 */
export function procedurePage(
  procedure: Procedure,
  agencyName: string | undefined,
  appointment?: FilingAppointment,
): Page {
  const where =
    procedure.level === 'commune'
      ? 'Ủy ban nhân dân cấp xã nơi người nộp cư trú'
      : (agencyName ?? levelText[procedure.level]);
  return {
    title: procedure.name,
    main: html`<p><a href="${paths.home}">← Tìm thủ tục khác</a></p>
      <h1>${procedure.name}</h1>
      <p>
        <a class="button" href="${paths.fileDossier(procedure.code)}"
          >${procedure.serviceLevel === 'offline' ? 'Nộp hồ sơ qua bưu chính' : 'Nộp hồ sơ trực tuyến'}</a
        >
      </p>
      ${appointmentLine(appointment)}
      <dl>
        <dt>Mã thủ tục</dt>
        <dd>${procedure.code}</dd>
        <dt>Lĩnh vực</dt>
        <dd>${procedure.field}</dd>
        <dt>Cấp thực hiện</dt>
        <dd>${levelText[procedure.level]}</dd>
        <dt>Nơi giải quyết</dt>
        <dd>${where}</dd>
        <dt>Thời hạn giải quyết</dt>
        <dd>${durationText(procedure.processingTime)}</dd>
        <dt>Phí, lệ phí</dt>
        <dd>${feeText(procedure.fee)}</dd>
        <dt>Mức độ trực tuyến</dt>
        <dd>${serviceLevelText[procedure.serviceLevel]}</dd>
        <dt>Kết quả</dt>
        <dd>${procedure.resultType}</dd>
      </dl>
      <h2>Thành phần hồ sơ</h2>
      ${
        procedure.documents.length
          ? html`<ol>
              ${procedure.documents.map(
                (d) =>
                  html`<li>
                    ${d.name} – ${copyTypeText[d.copyType]}, ${d.count}
                    bản${d.template ? html` (mẫu ${d.template})` : ''}${
                      d.optional ? html` <span class="hint">(nếu có)</span>` : ''
                    }
                  </li>`,
              )}
            </ol>`
          : html`<p>Không yêu cầu giấy tờ.</p>`
      }
      ${
        procedure.legalBasis
          ? html`<h2>Căn cứ pháp lý</h2>
              <p>${procedure.legalBasis}</p>`
          : ''
      }`,
  };
}
