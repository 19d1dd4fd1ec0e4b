import { html } from '../html.ts';
import type { Page } from '../layout.ts';
import { paths } from '../paths.ts';

export interface ProcedureListItem {
  code: string;
  name: string;
  field: string;
}

export interface HomeData {
  q: string;
  items: readonly ProcedureListItem[];
  total: number;
  nextCursor?: string;
}

const nextPage = (q: string, cursor: string) =>
  `${paths.home}?${new URLSearchParams({ ...(q ? { q } : {}), cursor }).toString()}`;

export function homePage(data: HomeData): Page {
  const heading = data.q ? `Kết quả tìm “${data.q}”: ${data.total} thủ tục` : `Danh sách thủ tục (${data.total})`;
  return {
    title: data.q ? `Tìm thủ tục: ${data.q}` : 'Tìm thủ tục hành chính',
    main: html`<h1>Tìm thủ tục hành chính</h1>
      <form method="get" action="${paths.home}" role="search">
        <label for="q">Tên hoặc mã thủ tục</label>
        <input id="q" name="q" type="search" value="${data.q}" maxlength="200" aria-describedby="q-goi-y" />
        <p id="q-goi-y" class="hint">Có thể gõ không dấu, ví dụ: khai sinh</p>
        <button type="submit">Tìm kiếm</button>
      </form>
      <h2>${heading}</h2>
      ${
        data.items.length
          ? html`<ul class="results">
              ${data.items.map(
                (p) =>
                  html`<li>
                    <a href="${paths.procedure(p.code)}">${p.name}</a> <span class="hint">(${p.code}, ${p.field})</span>
                  </li>`,
              )}
            </ul>`
          : html`<p>Không tìm thấy thủ tục phù hợp. Hãy thử từ khóa ngắn hơn.</p>`
      }
      ${data.nextCursor ? html`<p><a href="${nextPage(data.q, data.nextCursor)}">Trang sau</a></p>` : ''}
      <h2>Dịch vụ khác</h2>
      <ul>
        <li><a href="${paths.lookup}">Tra cứu tình trạng hồ sơ bằng mã hồ sơ và mã tra cứu</a></li>
        <li><a href="${paths.feedback}">Xem trả lời phản ánh, kiến nghị đã công khai</a></li>
      </ul>`,
  };
}
