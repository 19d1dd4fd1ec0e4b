import type { Caller } from '../domain/caller.ts';
import { type Html, html } from './html.ts';
import { siteCssVersion } from './assets.ts';
import { paths } from './paths.ts';

/** What every page knows of its request; sign-in (issue #9) will fill in the caller. */
export interface PageContext {
  caller?: Caller;
}

export interface Page {
  title: string;
  main: Html;
}

/** The document around every page: lang="vi", landmarks, a skip link, no script. */
export function layout(_context: PageContext, page: Page): Html {
  return html`<!doctype html>
    <html lang="vi">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${page.title} – Cổng dịch vụ công</title>
        <link rel="stylesheet" href="${paths.css}?v=${siteCssVersion}" />
      </head>
      <body>
        <a class="skip" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
        <header>
          <a href="${paths.home}">Cổng dịch vụ công</a>
          <nav aria-label="Điều hướng chính">
            <ul>
              <li><a href="${paths.home}">Tìm thủ tục</a></li>
              <li><a href="${paths.lookup}">Tra cứu hồ sơ</a></li>
              <li><a href="${paths.feedback}">Trả lời phản ánh, kiến nghị</a></li>
            </ul>
          </nav>
        </header>
        <main id="noi-dung">${page.main}</main>
        <footer>Cổng dịch vụ công – Bộ phận Một cửa. Trang dùng được không cần JavaScript.</footer>
      </body>
    </html> `;
}
