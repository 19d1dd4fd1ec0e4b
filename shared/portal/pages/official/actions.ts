import type { ActionType } from '../../../domain/dossier/actions.ts';
import type { Official } from '../../../domain/official.ts';
import { radio } from '../../components/choice.ts';
import { formSecrets } from '../../forms.ts';
import { type Html, html } from '../../html.ts';
import type { PageContext } from '../../layout.ts';
import { paths } from '../../paths.ts';

/** What officials do from their pages: every lifecycle action but the applicant's own withdrawal. */
export type OfficialActionType = Exclude<ActionType, 'withdraw'>;

const officialActionTypes: readonly OfficialActionType[] = [
  'receive',
  'refuse',
  'request-supplement',
  'supplement',
  'forward',
  'transfer',
  'request-fees',
  'confirm-payment',
  'request-extension',
  'stop',
  'decide',
  'return-result',
];

export const isOfficialAction = (type: string): type is OfficialActionType =>
  (officialActionTypes as readonly string[]).includes(type);

/** Each form's heading and button. The leader's decision is what the sign worker signs with their certificate. */
const formTitles: Record<OfficialActionType, { legend: string; button: string; danger?: boolean }> = {
  receive: { legend: 'Tiếp nhận hồ sơ', button: 'Tiếp nhận hồ sơ' },
  refuse: { legend: 'Từ chối tiếp nhận', button: 'Từ chối tiếp nhận', danger: true },
  'request-supplement': { legend: 'Yêu cầu bổ sung, hoàn thiện hồ sơ', button: 'Gửi yêu cầu bổ sung' },
  supplement: { legend: 'Ghi nhận hồ sơ đã được bổ sung', button: 'Ghi nhận đã bổ sung' },
  forward: { legend: 'Chuyển bước xử lý', button: 'Chuyển bước xử lý' },
  transfer: { legend: 'Chuyển liên thông', button: 'Chuyển liên thông' },
  'request-fees': { legend: 'Yêu cầu thực hiện nghĩa vụ tài chính', button: 'Yêu cầu nộp phí, lệ phí' },
  'confirm-payment': { legend: 'Xác nhận đã nộp phí, lệ phí', button: 'Xác nhận đã nộp' },
  'request-extension': { legend: 'Xin gia hạn giải quyết', button: 'Gia hạn' },
  stop: { legend: 'Dừng xử lý hồ sơ', button: 'Dừng xử lý', danger: true },
  decide: { legend: 'Phê duyệt và ký số kết quả', button: 'Phê duyệt và ký số kết quả' },
  'return-result': { legend: 'Trả kết quả', button: 'Đã trả kết quả' },
};

/** The `?da=` message after a change (Post/Redirect/Get). */
export const doneText: Record<OfficialActionType, string> = {
  receive: 'Đã tiếp nhận hồ sơ.',
  refuse: 'Đã từ chối tiếp nhận hồ sơ.',
  'request-supplement': 'Đã gửi yêu cầu bổ sung hồ sơ cho người nộp.',
  supplement: 'Đã ghi nhận hồ sơ được bổ sung.',
  forward: 'Đã chuyển hồ sơ sang bước xử lý tiếp theo.',
  transfer: 'Đã chuyển liên thông hồ sơ.',
  'request-fees': 'Đã yêu cầu người nộp thực hiện nghĩa vụ tài chính.',
  'confirm-payment': 'Đã xác nhận người nộp hoàn thành nghĩa vụ tài chính.',
  'request-extension': 'Đã gia hạn giải quyết hồ sơ.',
  stop: 'Đã dừng xử lý hồ sơ.',
  decide: 'Đã ghi nhận quyết định; kết quả đang được ký số.',
  'return-result': 'Đã ghi nhận trả kết quả cho người nộp.',
};

/** A form posted and refused: which one, why, and what the person had typed. */
export interface FailedAction {
  type: OfficialActionType;
  message: string;
  values: Readonly<Record<string, string>>;
}

export interface ActionFormsData {
  page: PageContext;
  code: string;
  /** The version rendered: each form posts it as `expectedVersion`. */
  version: number;
  /** Allowed for the caller now, in the lifecycle's order. */
  types: readonly OfficialActionType[];
  newKey: () => string;
  /** The agency's roster when the caller may read it (a leader); otherwise the assignee is typed. */
  officials?: readonly Pick<Official, 'sub' | 'name' | 'active'>[];
  failed?: FailedAction;
}

/** The fields each form sends besides `type` and `expectedVersion` (kept on a refused post). */
const fieldNames: Record<OfficialActionType, readonly string[]> = {
  receive: [],
  refuse: ['reason'],
  'request-supplement': ['defects'],
  supplement: [],
  forward: ['assigneeId'],
  transfer: ['agencyId'],
  'request-fees': ['amount'],
  'confirm-payment': [],
  'request-extension': ['extraWorkingDays', 'reason'],
  stop: ['reason'],
  decide: ['outcome', 'reasons'],
  'return-result': [],
};

export const submittedValues = (type: OfficialActionType, value: (name: string) => string): Record<string, string> =>
  Object.fromEntries([...fieldNames[type], 'internalNote'].map((name) => [name, value(name)]));

type Field = (id: string, value: (name: string) => string) => Html;

// A textarea's content is its value: no whitespace around it.
// prettier-ignore
const textarea = (id: string, name: string, label: string, current: string, hint?: string, required = true) =>
  html`<label for="${id}">${label}</label>
    ${hint ? html`<p id="${id}-goi-y" class="hint">${hint}</p>` : ''}
    <textarea id="${id}" name="${name}" maxlength="2000"${required ? html` required` : ''}${hint ? html` aria-describedby="${id}-goi-y"` : ''}>${current}</textarea>`;

const reason: Field = (id, value) => textarea(`${id}-reason`, 'reason', 'Lý do', value('reason'));

function assigneeField(id: string, value: (name: string) => string, officials?: ActionFormsData['officials']): Html {
  const current = value('assigneeId');
  if (!officials) {
    return html`<label for="${id}-assignee">Mã cán bộ xử lý bước tiếp theo (không bắt buộc)</label>
      <p id="${id}-assignee-goi-y" class="hint">
        Cán bộ của cơ quan giải quyết có vai trò của bước tiếp theo, ví dụ: specialist-ha. Để trống nếu chưa phân công.
      </p>
      <input
        id="${id}-assignee"
        name="assigneeId"
        value="${current}"
        maxlength="128"
        autocomplete="off"
        aria-describedby="${id}-assignee-goi-y"
      />`;
  }
  return html`<label for="${id}-assignee">Cán bộ xử lý bước tiếp theo</label>
    <select id="${id}-assignee" name="assigneeId">
      <option value="">Chưa phân công</option>
      ${officials
        .filter((official) => official.active)
        .map(
          (official) =>
            html`<option value="${official.sub}" ${official.sub === current ? html`selected` : ''}>
              ${official.name} (${official.sub})
            </option>`,
        )}
    </select>`;
}

function decideFields(id: string, value: (name: string) => string): Html {
  const outcome = value('outcome') || 'approved';
  return html`<fieldset>
      <legend>Kết quả giải quyết</legend>
      ${radio({ id: `${id}-approved`, name: 'outcome', value: 'approved', label: 'Chấp thuận', checked: outcome === 'approved' })}
      ${radio({ id: `${id}-refused`, name: 'outcome', value: 'refused', label: 'Không chấp thuận', checked: outcome === 'refused' })}
    </fieldset>
    ${textarea(`${id}-reasons`, 'reasons', 'Lý do không chấp thuận', value('reasons'), 'Bắt buộc khi không chấp thuận.', false)}
    <p class="hint">Kết quả được ký số bằng chứng thư số của lãnh đạo và gửi cho người nộp.</p>`;
}

function fieldsOf(type: OfficialActionType, id: string, value: (name: string) => string, data: ActionFormsData) {
  switch (type) {
    case 'refuse':
    case 'stop':
      return reason(id, value);
    case 'request-supplement':
      return textarea(
        `${id}-defects`,
        'defects',
        'Nội dung cần bổ sung',
        value('defects'),
        'Mỗi dòng một nội dung; nêu đầy đủ trong một lần yêu cầu.',
      );
    case 'forward':
      return assigneeField(id, value, data.officials);
    case 'transfer':
      return html`<label for="${id}-agency">Mã cơ quan nhận hồ sơ liên thông</label>
        <p id="${id}-agency-goi-y" class="hint">Ví dụ: 24.07210. Chỉ cơ quan mà thủ tục quy định liên thông.</p>
        <input
          id="${id}-agency"
          name="agencyId"
          value="${value('agencyId')}"
          required
          maxlength="40"
          autocomplete="off"
          aria-describedby="${id}-agency-goi-y"
        />`;
    case 'request-extension':
      return html`<label for="${id}-days">Số ngày làm việc gia hạn</label>
        <p id="${id}-days-goi-y" class="hint">Từ 0,5 đến 30 ngày, tính theo nửa ngày. Chỉ được gia hạn một lần.</p>
        <input
          id="${id}-days"
          name="extraWorkingDays"
          type="number"
          min="0.5"
          max="30"
          step="0.5"
          inputmode="decimal"
          value="${value('extraWorkingDays')}"
          required
          aria-describedby="${id}-days-goi-y"
        />
        ${reason(id, value)}`;
    case 'request-fees':
      return html`<label for="${id}-amount">Mức thu ấn định (đồng, không bắt buộc)</label>
        <p id="${id}-amount-goi-y" class="hint">
          Chỉ với thủ tục mà biểu phí để cán bộ xác định mức thu trong một khoảng; để trống khi mức thu đã tính theo
          biểu phí.
        </p>
        <input
          id="${id}-amount"
          name="amount"
          inputmode="numeric"
          maxlength="16"
          autocomplete="off"
          value="${value('amount')}"
          aria-describedby="${id}-amount-goi-y"
        />`;
    case 'decide':
      return decideFields(id, value);
    default:
      return '';
  }
}

function actionForm(type: OfficialActionType, data: ActionFormsData): Html {
  const id = `xl-${type}`;
  const failed = data.failed?.type === type ? data.failed : undefined;
  const value = (name: string) => failed?.values[name] ?? '';
  const title = formTitles[type];
  return html`<form method="post" action="${paths.officialAction(data.code)}" id="${id}">
    <fieldset>
      <legend>${title.legend}</legend>
      ${failed ? html`<p class="notice" role="alert">${failed.message}</p>` : ''}
      <input type="hidden" name="type" value="${type}" />
      <input type="hidden" name="expectedVersion" value="${data.version}" />
      ${formSecrets(data.page, data.newKey())} ${fieldsOf(type, id, value, data)}
      ${textarea(`${id}-internal`, 'internalNote', 'Ghi chú nội bộ (không bắt buộc)', value('internalNote'), 'Chỉ cán bộ đọc được.', false)}
      <button type="submit" ${title.danger ? html`class="danger"` : ''}>${title.button}</button>
    </fieldset>
  </form>`;
}

/** The forms of the actions the caller may take now, or a sentence saying there are none. */
export function actionForms(data: ActionFormsData): Html {
  return html`<section class="actions" aria-labelledby="xu-ly">
    <h2 id="xu-ly">Xử lý hồ sơ</h2>
    ${
      data.types.length === 0
        ? html`<p>Bạn không có thao tác nào với hồ sơ ở trạng thái hiện tại.</p>`
        : data.types.map((type) => actionForm(type, data))
    }
  </section>`;
}

export type ParsedAction =
  | { ok: true; type: OfficialActionType; body: Record<string, unknown> }
  | { ok: false; type?: OfficialActionType; message: string };

const optional = (key: string, text: string) => (text ? { [key]: text } : {});

/**
 * The API's action body (use-cases/act-on-dossier.ts `ActionBody`) from a posted form. Missing
 * required fields are told here in Vietnamese; the API's rules decide the rest.
 */
export function actionFromForm(value: (name: string) => string): ParsedAction {
  const type = value('type');
  if (!isOfficialAction(type)) return { ok: false, message: 'Thao tác không hợp lệ.' };
  const version = value('expectedVersion');
  if (!/^\d{1,9}$/.test(version) || Number(version) < 1) {
    return { ok: false, type, message: 'Biểu mẫu thiếu phiên bản hồ sơ; vui lòng tải lại trang.' };
  }
  const refuse = (message: string): ParsedAction => ({ ok: false, type, message });
  const common = { type, expectedVersion: Number(version), ...optional('internalNote', value('internalNote')) };
  switch (type) {
    case 'refuse':
    case 'stop':
      return value('reason')
        ? { ok: true, type, body: { ...common, reason: value('reason') } }
        : refuse('Vui lòng nêu lý do.');
    case 'request-supplement': {
      const defects = value('defects')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean);
      return defects.length
        ? { ok: true, type, body: { ...common, defects } }
        : refuse('Vui lòng nêu các nội dung cần bổ sung, mỗi dòng một nội dung.');
    }
    case 'forward':
      return { ok: true, type, body: { ...common, ...optional('assigneeId', value('assigneeId')) } };
    case 'transfer':
      return value('agencyId')
        ? { ok: true, type, body: { ...common, agencyId: value('agencyId') } }
        : refuse('Vui lòng nhập mã cơ quan nhận hồ sơ.');
    case 'request-extension': {
      const days = Number(value('extraWorkingDays').replace(',', '.'));
      if (!value('extraWorkingDays') || !Number.isFinite(days))
        return refuse('Vui lòng nhập số ngày làm việc gia hạn.');
      if (!value('reason')) return refuse('Vui lòng nêu lý do gia hạn.');
      return { ok: true, type, body: { ...common, extraWorkingDays: days, reason: value('reason') } };
    }
    case 'request-fees': {
      // "1.200.000" or "1200000": Vietnamese writes thousands with dots.
      const amount = value('amount').replace(/[.\s]/g, '');
      if (!amount) return { ok: true, type, body: common };
      if (!/^\d{1,10}$/.test(amount)) return refuse('Mức thu là số đồng, ví dụ 1.200.000.');
      return { ok: true, type, body: { ...common, amount: Number(amount) } };
    }
    case 'decide': {
      const outcome = value('outcome');
      if (outcome !== 'approved' && outcome !== 'refused') return refuse('Vui lòng chọn kết quả giải quyết.');
      if (outcome === 'refused' && !value('reasons')) return refuse('Kết quả không chấp thuận phải nêu rõ lý do.');
      return { ok: true, type, body: { ...common, outcome, ...optional('reasons', value('reasons')) } };
    }
    default:
      return { ok: true, type, body: common };
  }
}
