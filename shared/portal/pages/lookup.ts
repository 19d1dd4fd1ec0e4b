import { dateTimeText } from '../format.ts';
import { html } from '../html.ts';
import type { Page } from '../layout.ts';
import { paths } from '../paths.ts';

export interface LookupResult {
  code: string;
  procedureName: string;
  statusText: string;
  agencyName: string;
  appointment: string;
  /** Oldest first: when, and the note the applicant reads. */
  timeline: readonly { at: string; note: string }[];
}

export interface LookupPageData {
  /** Prefilled from the QR code's link (paths.ts lookupUrl) or the last attempt; never the PIN. */
  code: string;
  result?: LookupResult;
  /** A message for the person (Vietnamese), e.g. no match or locked. */
  error?: string;
}

export function lookupPage(data: LookupPageData): Page {
  return {
    title: data.result ? `Hồ sơ ${data.result.code}` : 'Tra cứu hồ sơ',
    main: html`<h1>Tra cứu hồ sơ</h1>
      ${data.error ? html`<p class="notice" role="alert">${data.error}</p>` : ''}
      ${
        data.result
          ? html`<h2>Hồ sơ ${data.result.code}</h2>
              <dl>
                <dt>Thủ tục</dt>
                <dd>${data.result.procedureName}</dd>
                <dt>Tình trạng</dt>
                <dd>${data.result.statusText}</dd>
                <dt>Cơ quan giải quyết</dt>
                <dd>${data.result.agencyName}</dd>
                <dt>Hẹn trả kết quả</dt>
                <dd>${data.result.appointment}</dd>
              </dl>
              <h2>Quá trình xử lý</h2>
              <ol>
                ${data.result.timeline.map(
                  (entry) =>
                    html`<li><time datetime="${entry.at}">${dateTimeText(entry.at)}</time>: ${entry.note}</li>`,
                )}
              </ol>`
          : ''
      }
      <form method="post" action="${paths.lookup}">
        <label for="code">Mã hồ sơ</label>
        <input
          id="code"
          name="code"
          value="${data.code}"
          required
          maxlength="40"
          autocomplete="off"
          aria-describedby="code-goi-y"
        />
        <p id="code-goi-y" class="hint">In trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.</p>
        <label for="pin">Mã tra cứu (6 chữ số)</label>
        <input
          id="pin"
          name="pin"
          type="password"
          inputmode="numeric"
          pattern="[0-9]{6}"
          maxlength="6"
          required
          autocomplete="off"
        />
        <button type="submit">Tra cứu</button>
      </form>`,
  };
}
