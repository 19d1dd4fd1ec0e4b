import { hasRole } from '../domain/caller.ts';
import { type Html, html } from './html.ts';
import { siteCssVersion } from './assets.ts';
import { paths } from './paths.ts';
import { csrfField, type Session } from './session.ts';

/** What every page knows of its request: who is signed in, if anyone. */
export interface PageContext {
  session?: Session;
}

export interface Page {
  title: string;
  main: Html;
}

const isOfficial = (session: Session) => hasRole(session, 'receiver', 'specialist', 'leader', 'auditor');

function navigation(session: Session | undefined): Html {
  const links: Html[] = [
    html`<li><a href="${paths.home}">Tìm thủ tục</a></li>`,
    html`<li><a href="${paths.lookup}">Tra cứu hồ sơ</a></li>`,
    html`<li><a href="${paths.feedback}">Trả lời phản ánh, kiến nghị</a></li>`,
  ];
  if (session && hasRole(session, 'citizen')) {
    links.push(html`<li><a href="${paths.myDossiers}">Hồ sơ của tôi</a></li>`);
    links.push(html`<li><a href="${paths.myFeedback}">Phản ánh của tôi</a></li>`);
  }
  if (session && isOfficial(session)) links.push(html`<li><a href="${paths.workQueue}">Hồ sơ cần xử lý</a></li>`);
  if (session && hasRole(session, 'leader', 'admin', 'auditor'))
    links.push(html`<li><a href="${paths.reports}">Báo cáo</a></li>`);
  links.push(html`<li><a href="${paths.verifySignature}">Kiểm tra chữ ký số</a></li>`);
  return html`<nav aria-label="Điều hướng chính">
    <ul>
      ${links}
    </ul>
  </nav>`;
}

function account(session: Session | undefined): Html {
  if (!session) return html`<p class="account"><a href="${paths.signIn}">Đăng nhập</a></p>`;
  return html`<form class="account" method="post" action="${paths.signOut}">
    <span>Xin chào, ${session.name}</span>
    <input type="hidden" name="${csrfField}" value="${session.csrf}" />
    <button type="submit" class="link">Đăng xuất</button>
  </form>`;
}

/** The document around every page: lang="vi", landmarks, a skip link, no script. */
export function layout(context: PageContext, page: Page): Html {
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
          ${account(context.session)} ${navigation(context.session)}
        </header>
        <main id="noi-dung">${page.main}</main>
        <footer>Cổng dịch vụ công – Bộ phận Một cửa. Trang dùng được không cần JavaScript.</footer>
      </body>
    </html> `;
}
