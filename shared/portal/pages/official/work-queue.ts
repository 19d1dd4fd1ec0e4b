import { type DossierStatus, dossierStatuses } from '../../../domain/dossier/status.ts';
import type { DossierSummary } from '../../../use-cases/dossier-view.ts';
import { scrollTable } from '../../components/table.ts';
import { dateTimeText } from '../../format.ts';
import { html } from '../../html.ts';
import type { Page } from '../../layout.ts';
import type { AgencyChoice } from '../../agencies.ts';
import { paths } from '../../paths.ts';
import { formatVnDate } from '../../../domain/time.ts';

/** One line of `GET /v1/agencies/{id}/dossiers` (use-cases/dossier-view.ts `dossierSummary`), as the page uses it. */
export type QueueItem = Pick<
  DossierSummary,
  'code' | 'status' | 'statusText' | 'applicantName' | 'submittedAt' | 'dueAt' | 'step'
> & {
  procedure: Pick<DossierSummary['procedure'], 'code' | 'name'>;
  flags: Pick<DossierSummary['flags'], 'overdue' | 'extended'>;
};

export interface QueueFilter {
  status?: DossierStatus;
  overdue: boolean;
  /** The agency an auditor chose (officials see their own agency's queue). */
  agencyId?: string;
}

export interface WorkQueueData {
  agencyId: string;
  agencyName?: string;
  items: readonly QueueItem[];
  nextCursor?: string;
  filter: QueueFilter;
}

/** The statuses a queue can be filtered by: a draft never reaches an agency. */
const filterStatuses = (Object.keys(dossierStatuses) as DossierStatus[]).filter((s) => s !== 'draft');

/** The query of a queue page: the filter, and where the next page starts. */
export function queueQuery(filter: QueueFilter, cursor?: string): string {
  const query = new URLSearchParams();
  if (filter.status) query.set('status', filter.status);
  if (filter.overdue) query.set('overdue', 'true');
  if (filter.agencyId) query.set('co-quan', filter.agencyId);
  if (cursor) query.set('cursor', cursor);
  const text = query.toString();
  return text ? `?${text}` : '';
}

function row(item: QueueItem) {
  // Late rows are tinted AND say so in words: colour alone tells nothing to a screen reader.
  return html`<tr${item.flags.overdue ? html` class="overdue"` : ''}>
    <th scope="row"><a href="${paths.officialDossier(item.code)}">${item.code}</a></th>
    <td>${item.procedure.name}</td>
    <td>${item.applicantName}</td>
    <td>
      <span class="status">${item.statusText}</span>${item.step ? html`<br /><span class="hint">${item.step}</span>` : ''}
    </td>
    <td><time datetime="${item.submittedAt}">${formatVnDate(item.submittedAt)}</time></td>
    <td>
      <time datetime="${item.dueAt}">${dateTimeText(item.dueAt)}</time>${
        item.flags.overdue ? html`<br /><strong class="overdue">Quá hạn</strong>` : ''
      }${item.flags.extended ? html`<br /><span class="hint">Đã gia hạn</span>` : ''}
    </td>
  </tr>`;
}

function filterForm(filter: QueueFilter) {
  return html`<form method="get" action="${paths.workQueue}">
    <fieldset>
      <legend>Lọc hồ sơ</legend>
      <label for="status">Trạng thái</label>
      <select id="status" name="status">
        <option value="">Tất cả trạng thái</option>
        ${filterStatuses.map(
          (status) =>
            html`<option value="${status}" ${filter.status === status ? html`selected` : ''}>
              ${dossierStatuses[status].vi}
            </option>`,
        )}
      </select>
      <label class="inline" for="overdue">
        <input id="overdue" name="overdue" type="checkbox" value="true" ${filter.overdue ? html`checked` : ''} />
        Chỉ hồ sơ quá hạn
      </label>
      ${filter.agencyId ? html`<input type="hidden" name="co-quan" value="${filter.agencyId}" />` : ''}
      <button type="submit" class="secondary">Lọc</button>
    </fieldset>
  </form>`;
}

/** The agency's work queue, soonest due first, as the API orders it. */
export function workQueuePage(data: WorkQueueData): Page {
  const agency = data.agencyName ?? data.agencyId;
  return {
    title: `Hồ sơ cần xử lý – ${agency}`,
    main: html`<h1>Hồ sơ cần xử lý</h1>
      <p>
        Cơ quan: <strong>${agency}</strong>. Hồ sơ đến hạn sớm nhất ở trên
        cùng.${data.filter.agencyId ? html` <a href="${paths.workQueue}">Chọn cơ quan khác</a>` : ''}
      </p>
      ${filterForm(data.filter)}
      ${
        data.items.length === 0
          ? html`<p>Không có hồ sơ nào${data.filter.status || data.filter.overdue ? ' khớp bộ lọc' : ''}.</p>`
          : scrollTable(
              `Danh sách hồ sơ của ${agency}`,
              html`<table>
                <caption>
                  Danh sách hồ sơ của ${agency}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Mã hồ sơ</th>
                    <th scope="col">Thủ tục</th>
                    <th scope="col">Người nộp</th>
                    <th scope="col">Trạng thái</th>
                    <th scope="col">Ngày nộp</th>
                    <th scope="col">Hạn xử lý</th>
                  </tr>
                </thead>
                <tbody>
                  ${data.items.map(row)}
                </tbody>
              </table>`,
            )
      }
      ${
        data.nextCursor
          ? html`<p><a href="${paths.workQueue}${queueQuery(data.filter, data.nextCursor)}">Trang sau</a></p>`
          : ''
      }`,
  };
}

/** An official the platform has not placed in an agency has no queue to see. */
export const noAgencyPage = (): Page => ({
  title: 'Hồ sơ cần xử lý',
  main: html`<h1>Hồ sơ cần xử lý</h1>
    <p class="notice" role="alert">
      Tài khoản của bạn chưa được gắn với cơ quan nào, nên không có danh sách hồ sơ để xử lý. Vui lòng liên hệ quản trị
      hệ thống để được phân công về cơ quan.
    </p>`,
});

/** An auditor belongs to no agency but may read any agency's queue: first they choose which. */
export const chooseAgencyPage = (agencies: readonly AgencyChoice[]): Page => ({
  title: 'Hồ sơ cần xử lý – chọn cơ quan',
  main: html`<h1>Hồ sơ cần xử lý</h1>
    <form method="get" action="${paths.workQueue}">
      <label for="co-quan">Cơ quan cần xem</label>
      <select id="co-quan" name="co-quan" required>
        ${[...new Set(agencies.map((a) => a.group))].map(
          (group) =>
            html`<optgroup label="${group}">
              ${agencies.filter((a) => a.group === group).map((a) => html`<option value="${a.id}">${a.name}</option>`)}
            </optgroup>`,
        )}
      </select>
      <button type="submit">Xem danh sách hồ sơ</button>
    </form>`,
});
