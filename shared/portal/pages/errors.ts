import { html } from '../html.ts';
import type { Page } from '../layout.ts';
import { paths } from '../paths.ts';

export const notFoundPage = (): Page => ({
  title: 'Không tìm thấy trang',
  main: html`<h1>Không tìm thấy trang</h1>
    <p>Trang bạn tìm không có hoặc đã được chuyển đi.</p>
    <p><a href="${paths.home}">Về trang tìm thủ tục</a></p>`,
});

/** Says nothing of the cause: details go to the log, never to the page. */
export const errorPage = (): Page => ({
  title: 'Hệ thống đang bận',
  main: html`<h1>Hệ thống đang bận</h1>
    <p>Xin lỗi, đã có lỗi khi xử lý yêu cầu. Vui lòng thử lại sau ít phút.</p>
    <p><a href="${paths.home}">Về trang tìm thủ tục</a></p>`,
});

export const badRequestPage = (message: string): Page => ({
  title: 'Yêu cầu không hợp lệ',
  main: html`<h1>Yêu cầu không hợp lệ</h1>
    <p>${message}</p>
    <p><a href="${paths.home}">Về trang tìm thủ tục</a></p>`,
});

export const forbiddenPage = (message = 'Tài khoản của bạn không được mở trang này.'): Page => ({
  title: 'Không có quyền truy cập',
  main: html`<h1>Không có quyền truy cập</h1>
    <p>${message}</p>
    <p><a href="${paths.home}">Về trang tìm thủ tục</a></p>`,
});
