import { confirmationCodeHours } from '../../../domain/notifications/contacts.ts';
import { formSecrets } from '../../forms.ts';
import { html } from '../../html.ts';
import type { Page, PageContext } from '../../layout.ts';
import { paths } from '../../paths.ts';

export interface ContactConfirmationPageData {
  code?: string;
  error?: string;
  /** Just confirmed: which contact. */
  confirmed?: 'phone' | 'email';
}

const contactName = { phone: 'Số điện thoại', email: 'Địa chỉ email' } as const;

/**
 * Where a citizen enters the code a contact received. A phone or e-mail written in a filing that the
 * account's identity provider did not verify receives only this code until it is entered here.
 */
export function contactConfirmationPage(context: PageContext, data: ContactConfirmationPageData): Page {
  return {
    title: data.error ? 'Lỗi: Xác nhận liên hệ' : 'Xác nhận liên hệ',
    main: html`<h1>Xác nhận liên hệ</h1>
      ${
        data.confirmed
          ? html`<p class="success" role="status">
              ${contactName[data.confirmed]} đã được xác nhận: thông báo về hồ sơ của Ông/Bà sẽ được gửi tới đó.
            </p>`
          : ''
      }
      <p>
        Khi Ông/Bà ghi trong hồ sơ một số điện thoại hoặc email khác với tài khoản, hệ thống gửi tới đó một mã xác nhận
        gồm 6 chữ số và chỉ gửi thông báo về hồ sơ sau khi mã được nhập tại đây. Mã có hiệu lực trong
        ${confirmationCodeHours} giờ.
      </p>
      <form method="post" action="${paths.confirmContact}">
        ${formSecrets(context)}
        <label for="code">Mã xác nhận</label>
        <input
          id="code"
          name="code"
          inputmode="numeric"
          autocomplete="one-time-code"
          maxlength="6"
          value="${data.code ?? ''}"
          ${data.error ? html`aria-invalid="true" aria-describedby="code-loi"` : ''}
        />
        ${data.error ? html`<p id="code-loi" class="notice" role="alert">${data.error}</p>` : ''}
        <button type="submit">Xác nhận</button>
      </form>
      <p><a href="${paths.myDossiers}">Về hồ sơ của tôi</a></p>`,
  };
}
