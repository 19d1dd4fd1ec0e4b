import { radio } from '../../components/choice.ts';
import { scrollTable } from '../../components/table.ts';
import { dateTimeText } from '../../format.ts';
import { type Html, html } from '../../html.ts';
import type { Page } from '../../layout.ts';
import { paths } from '../../paths.ts';
import { originText, periodText, type ReportListItem, statusText } from './common.ts';

export interface AgencyOption {
  id: string;
  /** As the select shows it, e.g. "Toàn tỉnh – Ủy ban nhân dân tỉnh Bắc Giang". */
  label: string;
}

/** The request form's fields as typed (kept as text so a refused form shows them again). */
export interface RequestReportForm {
  agencyId: string;
  periodKind: string;
  year: string;
  index: string;
}

export interface ReportsPageData {
  items: readonly ReportListItem[];
  nextCursor?: string;
  /** The agencies the caller may ask a report for; empty: a code is typed instead. */
  agencies: readonly AgencyOption[];
  form: RequestReportForm;
  /** The form's hidden fields (CSRF token, Idempotency-Key). */
  secrets: Html;
  error?: string;
}

const kinds = [
  { value: 'month', text: 'Tháng' },
  { value: 'quarter', text: 'Quý' },
  { value: 'year', text: 'Năm' },
] as const;

function agencyField(data: ReportsPageData): Html {
  if (data.agencies.length === 0) {
    return html`<label for="agencyId">Mã cơ quan</label>
      <input id="agencyId" name="agencyId" value="${data.form.agencyId}" maxlength="40" autocomplete="off" />`;
  }
  return html`<label for="agencyId">Cơ quan</label>
    <select id="agencyId" name="agencyId" aria-describedby="agencyId-goi-y">
      ${data.agencies.map(
        (a) => html`<option value="${a.id}" ${a.id === data.form.agencyId ? 'selected' : ''}>${a.label}</option>`,
      )}
    </select>
    <p id="agencyId-goi-y" class="hint">Báo cáo gồm cơ quan đã chọn và mọi cơ quan trực thuộc.</p>`;
}

function requestForm(data: ReportsPageData): Html {
  return html`<form method="post" action="${paths.reports}">
    ${data.secrets}
    <h2>Yêu cầu báo cáo mới</h2>
    ${data.error ? html`<p class="notice" role="alert">${data.error}</p>` : ''} ${agencyField(data)}
    <fieldset>
      <legend>Loại kỳ báo cáo</legend>
      ${kinds.map((k) =>
        radio({
          id: `periodKind-${k.value}`,
          name: 'periodKind',
          value: k.value,
          label: k.text,
          checked: data.form.periodKind === k.value,
          required: true,
        }),
      )}
    </fieldset>
    <label for="year">Năm</label>
    <input
      id="year"
      name="year"
      inputmode="numeric"
      pattern="[0-9]{4}"
      maxlength="4"
      required
      value="${data.form.year}"
    />
    <label for="index">Tháng (1–12) hoặc quý (1–4)</label>
    <input
      id="index"
      name="index"
      inputmode="numeric"
      pattern="[0-9]{1,2}"
      maxlength="2"
      value="${data.form.index}"
      aria-describedby="index-goi-y"
    />
    <p id="index-goi-y" class="hint">Bỏ trống với báo cáo năm.</p>
    <button type="submit">Yêu cầu báo cáo</button>
  </form>`;
}

function reportsTable(data: ReportsPageData): Html {
  if (data.items.length === 0) return html`<p>Chưa có báo cáo nào.</p>`;
  return scrollTable(
    'Báo cáo, mới nhất trước',
    html`<table>
      <caption>
        Báo cáo, mới nhất trước
      </caption>
      <thead>
        <tr>
          <th scope="col">Kỳ báo cáo</th>
          <th scope="col">Cơ quan</th>
          <th scope="col">Tình trạng</th>
          <th scope="col">Nguồn</th>
          <th scope="col">Yêu cầu lúc</th>
        </tr>
      </thead>
      <tbody>
        ${data.items.map(
          (r) =>
            html`<tr>
              <th scope="row"><a href="${paths.report(r.id)}">${periodText(r.period.id)}</a></th>
              <td>${r.agency.name}</td>
              <td><span class="status">${statusText[r.status] ?? r.status}</span></td>
              <td>${originText[r.origin] ?? r.origin}</td>
              <td><time datetime="${r.requestedAt}">${dateTimeText(r.requestedAt)}</time></td>
            </tr>`,
        )}
      </tbody>
    </table>`,
  );
}

/** The reports of the caller's scope (the API decides it), newest first, and the form to request one. */
export function reportsPage(data: ReportsPageData): Page {
  return {
    title: 'Báo cáo chỉ số phục vụ',
    main: html`<h1>Báo cáo chỉ số phục vụ</h1>
      <p>Chỉ số chất lượng giải quyết thủ tục hành chính theo Quyết định 766/QĐ-TTg, theo tháng, quý hoặc năm.</p>
      ${requestForm(data)}
      <h2>Các báo cáo</h2>
      ${reportsTable(data)}
      ${
        data.nextCursor
          ? html`<p>
              <a href="${paths.reports}?${new URLSearchParams({ cursor: data.nextCursor }).toString()}">Trang sau</a>
            </p>`
          : ''
      }`,
  };
}
