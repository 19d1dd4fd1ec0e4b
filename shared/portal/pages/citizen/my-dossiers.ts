import { scrollTable } from '../../components/table.ts';

import { html } from '../../html.ts';
import type { Page } from '../../layout.ts';
import { paths } from '../../paths.ts';
import type { DossierPage, DossierSummary } from './api-types.ts';
import { formatVnDate } from '../../../domain/time.ts';

/** The citizen's dossiers, newest first, a page at a time; a late one says so in words, not only in colour. */
export function myDossiersPage(list: DossierPage<DossierSummary>): Page {
  const next = list.nextCursor ? `${paths.myDossiers}?${new URLSearchParams({ cursor: list.nextCursor })}` : undefined;
  return {
    title: 'Hồ sơ của tôi',
    main: html`<h1>Hồ sơ của tôi</h1>
      ${
        list.items.length === 0
          ? html`<p>Bạn chưa nộp hồ sơ nào.</p>
              <p><a class="button" href="${paths.home}">Tìm thủ tục để nộp hồ sơ</a></p>`
          : scrollTable(
              'Hồ sơ của tôi',
              html`<table>
                <caption class="hint">
                  Mới nộp trước
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Mã hồ sơ</th>
                    <th scope="col">Thủ tục</th>
                    <th scope="col">Tình trạng</th>
                    <th scope="col">Ngày nộp</th>
                    <th scope="col">Hẹn trả</th>
                  </tr>
                </thead>
                <tbody>
                  ${list.items.map(
                    (d) =>
                      html`<tr ${d.flags.overdue ? html`class="overdue"` : ''}>
                        <th scope="row"><a href="${paths.myDossier(d.code)}">${d.code}</a></th>
                        <td>${d.procedure.name}</td>
                        <td><span class="status">${d.statusText}</span></td>
                        <td><time datetime="${d.submittedAt}">${formatVnDate(d.submittedAt)}</time></td>
                        <td>
                          <time datetime="${d.dueAt}">${formatVnDate(d.dueAt)}</time>${
                            d.flags.overdue ? html` <span class="overdue">(Quá hạn)</span>` : ''
                          }${d.flags.extended ? html` <span class="hint">(đã gia hạn)</span>` : ''}
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>`,
            )
      }
      ${next ? html`<p><a href="${next}">Trang sau</a></p>` : ''}
      <p><a href="${paths.home}">Nộp hồ sơ mới: tìm thủ tục</a></p>
      <p class="hint">
        Đã nhận mã xác nhận cho số điện thoại hoặc email ghi trong hồ sơ?
        <a href="${paths.confirmContact}">Nhập mã xác nhận liên hệ</a>
      </p>`,
  };
}
