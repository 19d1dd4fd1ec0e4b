import type { Procedure } from '../../../domain/procedure.ts';
import { maxFormUploadBytes } from '../../document-upload.ts';
import { copyTypeText } from '../../../domain/procedure.ts';
import { feeText, levelText } from '../../format.ts';
import { radio } from '../../components/choice.ts';
import { formSecrets } from '../../forms.ts';
import { type Html, html } from '../../html.ts';
import type { Page, PageContext } from '../../layout.ts';
import { paths } from '../../paths.ts';
import { type FieldMessages, type FilingField, type FilingValues, feeQuestions, fileInputName } from './filing-form.ts';

export interface Commune {
  /** The 5-digit administrative code the API takes as `communeCode`. */
  code: string;
  name: string;
}

export interface FileDossierPageData {
  procedure: Procedure;
  /** The competent agency of a procedure that names one. */
  agencyName?: string;
  /** Commune-level procedures: where the applicant may file. */
  communes: readonly Commune[];
  values: FilingValues;
  /** A fresh Idempotency-Key for this rendering of the form. */
  formKey: string;
  /** Why the last post was refused, and per field. */
  error?: string;
  messages?: FieldMessages;
  /** The form comes back after a refusal: the chosen files are not kept by the browser. */
  filesLost?: boolean;
}

const megabytes = maxFormUploadBytes / 1024 / 1024;
const accept = 'application/pdf,image/jpeg,image/png';

/** One labelled text input, with its hint and its message linked for screen readers. */
/** A Vietnamese phone number: ten digits from 0, typed on a phone's number pad. */
const phone = { type: 'tel', attrs: html`inputmode="numeric" pattern="0[0-9]{9}" maxlength="10"` };

function input(
  data: FileDossierPageData,
  name: FilingField,
  label: string,
  options: { required?: boolean; type?: string; hint?: string; attrs?: Html; autocomplete?: string } = {},
): Html {
  const message = data.messages?.[name];
  const described = [options.hint ? `${name}-goi-y` : '', message ? `${name}-loi` : ''].filter(Boolean).join(' ');
  return html`<label for="${name}"
      >${label}${options.required ? '' : html` <span class="hint">(không bắt buộc)</span>`}</label
    >
    ${options.hint ? html`<p id="${name}-goi-y" class="hint">${options.hint}</p>` : ''}
    ${message ? html`<p id="${name}-loi" class="notice">${message}</p>` : ''}
    <input
      id="${name}"
      name="${name}"
      type="${options.type ?? 'text'}"
      value="${data.values[name]}"
      ${options.required ? html`required` : ''}
      ${options.autocomplete ? html`autocomplete="${options.autocomplete}"` : ''}
      ${described ? html`aria-describedby="${described}"` : ''}
      ${message ? html`aria-invalid="true"` : ''}
      ${options.attrs ?? ''}
    />`;
}

/** The questions the fee depends on: pages and copies for a per-page or per-copy fee, an exemption ground. */
function feeFields(data: FileDossierPageData): Html {
  const { procedure } = data;
  const asked = feeQuestions(procedure);
  if (!asked.pages && !asked.copies && !asked.exemptions) return html``;
  const message = data.messages?.mienPhi;
  return html`<fieldset>
    <legend>Phí, lệ phí</legend>
    ${
      asked.pages
        ? input(data, 'soTrang', 'Số trang của bản chính', {
            required: true,
            hint: 'Phí tính theo số trang; cán bộ tiếp nhận đối chiếu khi nhận hồ sơ.',
            attrs: html`inputmode="numeric" pattern="[0-9]{1,6}" maxlength="6"`,
          })
        : ''
    }
    ${
      asked.copies
        ? input(data, 'soBan', 'Số bản cần cấp', {
            hint: 'Để trống nếu cần 1 bản.',
            attrs: html`inputmode="numeric" pattern="[0-9]{1,4}" maxlength="4"`,
          })
        : ''
    }
    ${
      asked.exemptions
        ? html`<label for="mienPhi">Trường hợp được miễn <span class="hint">(không bắt buộc)</span></label>
            <p id="mienPhi-goi-y" class="hint">
              Chọn nếu Ông/Bà thuộc trường hợp được miễn; cán bộ kiểm tra giấy tờ chứng minh.
            </p>
            ${message ? html`<p id="mienPhi-loi" class="notice">${message}</p>` : ''}
            <select id="mienPhi" name="mienPhi" aria-describedby="mienPhi-goi-y${message ? ' mienPhi-loi' : ''}">
              <option value="">Không thuộc trường hợp được miễn</option>
              ${(procedure.fee?.exemptions ?? []).map(
                (e) =>
                  html`<option value="${e.code}" ${e.code === data.values.mienPhi ? html`selected` : ''}>
                    ${e.label}
                  </option>`,
              )}
            </select>`
        : ''
    }
  </fieldset>`;
}

function communeSelect(data: FileDossierPageData): Html {
  const message = data.messages?.maXa;
  return html`<label for="maXa">Xã, phường nơi nộp hồ sơ</label>
    <p id="maXa-goi-y" class="hint">Hồ sơ được chuyển đến Ủy ban nhân dân xã, phường bạn chọn.</p>
    ${message ? html`<p id="maXa-loi" class="notice">${message}</p>` : ''}
    <select
      id="maXa"
      name="maXa"
      required
      aria-describedby="maXa-goi-y${message ? ' maXa-loi' : ''}"
      ${message ? html`aria-invalid="true"` : ''}
    >
      <option value="">– Chọn xã, phường –</option>
      ${data.communes.map(
        (c) => html`<option value="${c.code}" ${c.code === data.values.maXa ? html`selected` : ''}>${c.name}</option>`,
      )}
    </select>`;
}

function returnMethodChoice(data: FileDossierPageData): Html {
  const choice = (value: FilingValues['nhanKetQua'], label: string) =>
    radio({ id: `nhanKetQua-${value}`, name: 'nhanKetQua', value, label, checked: data.values.nhanKetQua === value });
  return html`<fieldset>
    <legend>Cách nhận kết quả</legend>
    ${choice('online', 'Nhận trực tuyến (bản điện tử có chữ ký số, tải về trên trang hồ sơ)')}
    ${choice('counter', 'Nhận trực tiếp tại Bộ phận Một cửa')} ${choice('post', 'Chọn nhận kết quả qua bưu chính')}
    <p class="hint">
      Khi nhận qua bưu chính, kết quả được gửi đến địa chỉ của người nộp ở trên, trừ khi bạn ghi địa chỉ khác dưới đây.
    </p>
    ${input(data, 'diaChiNhan', 'Địa chỉ nhận kết quả qua bưu chính', { autocomplete: 'street-address' })}
    ${input(data, 'dienThoaiNhan', 'Số điện thoại người nhận', phone)}
  </fieldset>`;
}

function pickupChoice(data: FileDossierPageData): Html {
  return html`<fieldset>
    <legend>Bưu điện thu gom hồ sơ giấy</legend>
    <p>
      Thủ tục này chưa nộp trực tuyến được: bạn đăng ký tại đây, bưu điện đến thu gom hồ sơ giấy và chuyển đến cơ quan
      giải quyết. Để trống thì bưu điện đến địa chỉ và số điện thoại của người nộp ở trên.
    </p>
    ${input(data, 'diaChiThuGom', 'Địa chỉ thu gom hồ sơ', { autocomplete: 'street-address' })}
    ${input(data, 'dienThoaiThuGom', 'Số điện thoại liên hệ khi thu gom', phone)}
  </fieldset>`;
}

function documentInputs(procedure: Procedure): Html {
  if (procedure.documents.length === 0) return html`<p>Thủ tục này không yêu cầu giấy tờ.</p>`;
  return html`<fieldset>
    <legend>Thành phần hồ sơ</legend>
    <p id="tep-goi-y" class="hint">
      Tệp PDF, JPEG hoặc PNG; tất cả các tệp gửi cùng biểu mẫu này tối đa ${megabytes} MB. Tệp lớn hơn (đến 10 MB mỗi
      tệp) hoặc giấy tờ còn thiếu có thể tải lên sau trên trang hồ sơ, khi hồ sơ chưa được tiếp nhận.
    </p>
    ${procedure.documents.map(
      (d, slot) =>
        html`<label for="${fileInputName(slot)}"
            >${d.name}${d.optional ? html` <span class="hint">(nếu có)</span>` : ''}</label
          >
          <p id="${fileInputName(slot)}-goi-y" class="hint">
            ${copyTypeText[d.copyType]}, ${d.count} bản${d.template ? html` (mẫu ${d.template})` : ''}
          </p>
          <input
            id="${fileInputName(slot)}"
            name="${fileInputName(slot)}"
            type="file"
            accept="${accept}"
            aria-describedby="${fileInputName(slot)}-goi-y tep-goi-y"
          />`,
    )}
  </fieldset>`;
}

/** The online filing form of one procedure: the applicant, where, how the result comes back, the files. */
export function fileDossierPage(context: PageContext, data: FileDossierPageData): Page {
  const { procedure } = data;
  const offline = procedure.serviceLevel === 'offline';
  return {
    title: `Nộp hồ sơ: ${procedure.name}`,
    main: html`<p><a href="${paths.procedure(procedure.code)}">← Thông tin thủ tục</a></p>
      <h1>Nộp hồ sơ: ${procedure.name}</h1>
      ${data.error ? html`<p class="notice" role="alert">${data.error}</p>` : ''}
      ${
        data.filesLost
          ? html`<p class="notice">Các thông tin đã nhập được giữ lại; vui lòng chọn lại các tệp đính kèm.</p>`
          : ''
      }
      <dl>
        <dt>Mã thủ tục</dt>
        <dd>${procedure.code}</dd>
        <dt>Nơi giải quyết</dt>
        <dd>
          ${procedure.level === 'commune' ? 'Ủy ban nhân dân xã, phường bạn chọn' : (data.agencyName ?? levelText[procedure.level])}
        </dd>
        <dt>Phí, lệ phí</dt>
        <dd>${feeText(procedure.fee)}</dd>
      </dl>
      <form method="post" action="${paths.fileDossier(procedure.code)}" enctype="multipart/form-data">
        ${formSecrets(context, data.formKey)}
        <fieldset>
          <legend>Người nộp hồ sơ</legend>
          ${input(data, 'hoTen', 'Họ và tên', { required: true, autocomplete: 'name', attrs: html`maxlength="200"` })}
          ${input(data, 'soDinhDanh', 'Số định danh cá nhân (CCCD)', {
            required: true,
            hint: '12 chữ số.',
            attrs: html`inputmode="numeric" pattern="[0-9]{12}" maxlength="12"`,
          })}
          ${input(data, 'dienThoai', 'Số điện thoại', { ...phone, autocomplete: 'tel' })}
          ${input(data, 'email', 'Thư điện tử', { type: 'email', autocomplete: 'email', attrs: html`maxlength="254"` })}
          ${input(data, 'diaChi', 'Địa chỉ thường trú hoặc nơi ở hiện tại', {
            required: true,
            autocomplete: 'street-address',
            attrs: html`maxlength="500"`,
          })}
          ${procedure.level === 'commune' ? communeSelect(data) : ''}
        </fieldset>
        ${feeFields(data)} ${offline ? pickupChoice(data) : ''} ${returnMethodChoice(data)} ${documentInputs(procedure)}
        <button type="submit">${offline ? 'Đăng ký nộp hồ sơ qua bưu chính' : 'Nộp hồ sơ'}</button>
      </form>`,
  };
}
