import { feedbackLimits } from '../../../domain/feedback/feedback.ts';
import type { AgencyChoice } from '../../agencies.ts';
import { checkbox } from '../../components/choice.ts';
import { formSecrets } from '../../forms.ts';
import { html, type Html } from '../../html.ts';
import type { Page, PageContext } from '../../layout.ts';
import { paths } from '../../paths.ts';

/** The form as the person filled it: shown again, unchanged, with a message. */
export interface FeedbackInput {
  title: string;
  content: string;
  agencyId: string;
  dossierCode: string;
  anonymous: boolean;
  fullName: string;
  phone: string;
  email: string;
  address: string;
}

export const emptyFeedbackInput: FeedbackInput = {
  title: '',
  content: '',
  agencyId: '',
  dossierCode: '',
  anonymous: false,
  fullName: '',
  phone: '',
  email: '',
  address: '',
};

export interface NewFeedbackPageData {
  agencies: readonly AgencyChoice[];
  input: FeedbackInput;
  key: string;
  error?: string;
}

function agencyOptions(agencies: readonly AgencyChoice[], selected: string): Html[] {
  const groups = [...new Set(agencies.map((a) => a.group))];
  return groups.map(
    (group) =>
      html`<optgroup label="${group}">
        ${agencies
          .filter((a) => a.group === group)
          .map((a) => html`<option value="${a.id}" ${a.id === selected ? html`selected` : ''}>${a.name}</option>`)}
      </optgroup>`,
  );
}

export function newFeedbackPage(context: PageContext, data: NewFeedbackPageData): Page {
  const { input } = data;
  return {
    title: 'Gửi phản ánh, kiến nghị',
    main: html`<h1>Gửi phản ánh, kiến nghị</h1>
      <p>
        Phản ánh, kiến nghị về quy định hành chính và việc giải quyết thủ tục hành chính. Cơ quan tiếp nhận trả lời
        Ông/Bà tại trang <a href="${paths.myFeedback}">Phản ánh của tôi</a>.
      </p>
      ${data.error ? html`<p class="notice" role="alert">${data.error}</p>` : ''}
      <form method="post" action="${paths.newFeedback}">
        ${formSecrets(context, data.key)}
        <label for="title">Tiêu đề</label>
        <input id="title" name="title" value="${input.title}" required maxlength="${feedbackLimits.title}" />
        <label for="content">Nội dung</label>
        <textarea
          id="content"
          name="content"
          required
          maxlength="${feedbackLimits.content}"
          aria-describedby="content-goi-y"
        >
${input.content}</textarea>
        <p id="content-goi-y" class="hint">Tối đa ${feedbackLimits.content.toLocaleString('vi-VN')} ký tự.</p>
        <label for="agencyId">Cơ quan tiếp nhận</label>
        <select id="agencyId" name="agencyId" required>
          <option value="">Chọn cơ quan</option>
          ${agencyOptions(data.agencies, input.agencyId)}
        </select>
        <label for="dossierCode">Mã hồ sơ liên quan (không bắt buộc)</label>
        <input
          id="dossierCode"
          name="dossierCode"
          value="${input.dossierCode}"
          maxlength="60"
          autocomplete="off"
          aria-describedby="dossierCode-goi-y"
        />
        <p id="dossierCode-goi-y" class="hint">Chỉ hồ sơ của chính Ông/Bà, ví dụ 24.07210-260302-0001.</p>
        ${checkbox({
          id: 'anonymous',
          name: 'anonymous',
          value: '1',
          label: 'Gửi ẩn danh',
          checked: input.anonymous,
          describedBy: 'anonymous-goi-y',
        })}
        <p id="anonymous-goi-y" class="hint">
          Cán bộ không thấy tên Ông/Bà. Phản ánh ẩn danh không kèm mã hồ sơ và thông tin liên hệ.
        </p>
        <fieldset>
          <legend>Thông tin liên hệ (không bắt buộc)</legend>
          <label for="fullName">Họ và tên</label>
          <input id="fullName" name="fullName" value="${input.fullName}" maxlength="200" autocomplete="name" />
          <label for="phone">Số điện thoại</label>
          <input id="phone" name="phone" type="tel" value="${input.phone}" maxlength="13" autocomplete="tel" />
          <label for="email">Thư điện tử</label>
          <input id="email" name="email" type="email" value="${input.email}" maxlength="254" autocomplete="email" />
          <label for="address">Địa chỉ</label>
          <input id="address" name="address" value="${input.address}" maxlength="500" autocomplete="street-address" />
        </fieldset>
        <button type="submit">Gửi phản ánh, kiến nghị</button>
      </form>`,
  };
}
