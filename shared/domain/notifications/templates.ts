import type { Official } from '../official.ts';
import type { ReturnMethod } from '../dossier/dossier.ts';
import type { DomainEvent } from '../events.ts';
import { formatVnDate } from '../time.ts';
import { formatVnd } from '../money.ts';

export type Audience = 'applicant' | 'official';

export interface InAppMessage {
  recipientId: string;
  title: string;
  body: string;
  dossierCode: string;
}

/** A message for one recipient, with the short text an SMS carries (email and in-app use title and body). */
export interface Message extends InAppMessage {
  audience: Audience;
  sms: string;
}

/**
 * What the templates need beyond the event, read by the use case only when the event calls for it:
 * the defects of a supplement request (the event does not carry them), the fee, who handles the
 * dossier, the officials of the agency that now holds it.
 */
export interface MessageContext {
  /** "Sáng thứ Hai, ngày 02/03/2026". */
  describeAppointment: (iso: string) => string;
  defects?: readonly string[];
  fee?: { amount: number } | null;
  assigneeId?: string;
  agencyOfficials?: readonly Official[];
  /** How the applicant chose to receive the result. */
  returnMethod?: ReturnMethod;
}

type Changed = DomainEvent<'DossierChanged'>['data'];
type Text = { title: string; body: string; sms: string };

/** Where the applicant gets the signed result, by the return method they chose. */
const resultPickup: Record<ReturnMethod, { body: string; sms: string }> = {
  online: {
    body: 'Ông/Bà tải bản điện tử có chữ ký số tại mục hồ sơ của mình trên Cổng dịch vụ công.',
    sms: 'tải trên Cổng dịch vụ công',
  },
  counter: {
    body: 'Mời Ông/Bà nhận kết quả tại Bộ phận tiếp nhận và trả kết quả; bản điện tử có chữ ký số cũng có trên Cổng dịch vụ công.',
    sms: 'mời nhận tại Bộ phận một cửa',
  },
  post: {
    body: 'Kết quả sẽ được gửi qua dịch vụ bưu chính đến địa chỉ Ông/Bà đã đăng ký; bản điện tử có chữ ký số cũng có trên Cổng dịch vụ công.',
    sms: 'sẽ gửi qua bưu điện',
  },
};

/** What the applicant is told of each lifecycle step, in Vietnamese. */
const applicantTexts: Record<string, (code: string, data: Changed, ctx: MessageContext) => Text> = {
  receive: (code, d, ctx) => ({
    title: `Hồ sơ ${code} đã được tiếp nhận`,
    body: `Hồ sơ của Ông/Bà đã được tiếp nhận. Ngày hẹn trả kết quả: ${ctx.describeAppointment(d.dueAt)}.`,
    sms: `Hồ sơ ${code} đã được tiếp nhận. Hẹn trả: ${formatVnDate(d.dueAt)}.`,
  }),
  refuse: (code) => ({
    title: `Hồ sơ ${code} không được tiếp nhận`,
    body: 'Hồ sơ của Ông/Bà không được tiếp nhận; lý do được nêu trong phiếu từ chối và trong nhật ký hồ sơ.',
    sms: `Hồ sơ ${code} không được tiếp nhận. Xem lý do trên Cổng dịch vụ công.`,
  }),
  'request-supplement': (code, _d, ctx) => {
    const defects = ctx.defects ?? [];
    return {
      title: `Hồ sơ ${code} cần bổ sung`,
      body:
        'Cơ quan giải quyết đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ' +
        (defects.length > 0
          ? ` với các nội dung sau:\n${defects.map((d, i) => `${i + 1}. ${d}`).join('\n')}`
          : '. Danh sách nội dung cần bổ sung có trong nhật ký hồ sơ.'),
      sms: `Hồ sơ ${code} cần bổ sung ${defects.length > 0 ? `${defects.length} nội dung` : 'giấy tờ'}. Xem chi tiết trên Cổng dịch vụ công.`,
    };
  },
  supplement: (code, d, ctx) => ({
    title: `Hồ sơ ${code} đã được bổ sung`,
    body: `Hồ sơ của Ông/Bà đã được bổ sung và tiếp tục giải quyết. Ngày hẹn trả kết quả: ${ctx.describeAppointment(d.dueAt)}.`,
    sms: `Hồ sơ ${code} đã được bổ sung. Hẹn trả: ${formatVnDate(d.dueAt)}.`,
  }),
  'request-fees': (code, _d, ctx) => ({
    title: `Hồ sơ ${code}: đề nghị nộp phí, lệ phí`,
    body:
      'Đề nghị Ông/Bà thực hiện nghĩa vụ tài chính' +
      (ctx.fee ? ` (số tiền: ${formatVnd(ctx.fee.amount)})` : '') +
      ' để hồ sơ được tiếp tục giải quyết.',
    sms: `Hồ sơ ${code}: đề nghị nộp phí${ctx.fee ? ` ${formatVnd(ctx.fee.amount)}` : ', lệ phí'}.`,
  }),
  'confirm-payment': (code) => ({
    title: `Hồ sơ ${code}: đã xác nhận nộp phí, lệ phí`,
    body: 'Cơ quan giải quyết đã xác nhận Ông/Bà hoàn thành nghĩa vụ tài chính; hồ sơ tiếp tục được giải quyết.',
    sms: `Hồ sơ ${code}: đã xác nhận nộp phí.`,
  }),
  'payment-received': (code, d, ctx) => ({
    title: `Hồ sơ ${code}: đã nhận thanh toán trực tuyến`,
    body:
      `Hệ thống đã nhận khoản thanh toán phí, lệ phí${ctx.fee ? ` ${formatVnd(ctx.fee.amount)}` : ''} của Ông/Bà qua nền tảng thanh toán trực tuyến; ` +
      'biên lai điện tử có trong mục giấy tờ của hồ sơ.' +
      (d.from === 'awaiting-fees' ? ' Hồ sơ tiếp tục được giải quyết.' : ''),
    sms: `Hồ sơ ${code}: đã nhận thanh toán${ctx.fee ? ` ${formatVnd(ctx.fee.amount)}` : ''}.`,
  }),
  'request-extension': (code, d, ctx) => ({
    title: `Hồ sơ ${code} được hẹn lại ngày trả kết quả`,
    body: `Cơ quan giải quyết xin lỗi vì chậm trả kết quả. Ngày hẹn mới: ${ctx.describeAppointment(d.dueAt)}.`,
    sms: `Hồ sơ ${code} được hẹn lại ngày trả: ${formatVnDate(d.dueAt)}. Xin lỗi Ông/Bà.`,
  }),
  stop: (code) => ({
    title: `Hồ sơ ${code} đã dừng giải quyết`,
    body: 'Hồ sơ của Ông/Bà đã dừng giải quyết; lý do được nêu trong thông báo và nhật ký hồ sơ.',
    sms: `Hồ sơ ${code} đã dừng giải quyết. Xem lý do trên Cổng dịch vụ công.`,
  }),
  decide: (code) => ({
    title: `Hồ sơ ${code} đã có kết quả`,
    body: 'Hồ sơ của Ông/Bà đã được giải quyết xong. Kết quả sẵn sàng để trả theo hình thức Ông/Bà đã chọn.',
    sms: `Hồ sơ ${code} đã có kết quả.`,
  }),
  'result-signed': (code, _d, ctx) => ({
    title: `Hồ sơ ${code}: kết quả điện tử đã được ký số`,
    body:
      'Kết quả giải quyết hồ sơ của Ông/Bà đã được lãnh đạo cơ quan ký số và sẵn sàng. ' +
      resultPickup[ctx.returnMethod ?? 'online'].body +
      ' Ông/Bà có thể kiểm tra chữ ký số bằng mã hồ sơ tại trang tra cứu.',
    sms: `Hồ sơ ${code}: kết quả đã ký số, ${resultPickup[ctx.returnMethod ?? 'online'].sms}.`,
  }),
  'return-result': (code) => ({
    title: `Hồ sơ ${code} đã trả kết quả`,
    body: 'Kết quả giải quyết hồ sơ đã được trả. Mời Ông/Bà đánh giá mức độ hài lòng.',
    sms: `Hồ sơ ${code} đã trả kết quả.`,
  }),
  withdraw: (code) => ({
    title: `Hồ sơ ${code} đã được rút`,
    body: 'Ông/Bà đã rút hồ sơ; hồ sơ không tiếp tục được giải quyết.',
    sms: `Hồ sơ ${code} đã được rút.`,
  }),
};

/** The steps the applicant is told of (shared/domain/event-interest.ts stepOf): routing, and the lifecycle's. */
export const applicantSteps: readonly string[] = ['route-to-intake', ...Object.keys(applicantTexts)];

/** Whether the applicant is told of this event (a message on every channel they receive). */
export function tellsApplicant(event: DomainEvent): boolean {
  if (event.type === 'DossierRouted') return true;
  if (event.type !== 'DossierChanged') return false;
  return (event as DomainEvent<'DossierChanged'>).data.action in applicantTexts;
}

/** Whether anyone, the applicant or an official the step concerns, is told of this event ({@link messagesFor}). */
export function tellsAnyone(event: DomainEvent): boolean {
  if (tellsApplicant(event)) return true;
  if (event.type !== 'DossierChanged') return false;
  const data = (event as DomainEvent<'DossierChanged'>).data;
  return (data.notifyOfficials ?? []).length > 0 || data.action === 'transfer' || data.action === 'supplement';
}

/** Whether the templates need the dossier (defects, fee, assignee, return method) to render this event. */
export function needsDossier(event: DomainEvent): boolean {
  if (event.type !== 'DossierChanged') return false;
  const action = (event as DomainEvent<'DossierChanged'>).data.action;
  return (
    action === 'request-supplement' ||
    action === 'request-fees' ||
    action === 'payment-received' ||
    action === 'supplement' ||
    action === 'result-signed'
  );
}

/** Whether the templates need the officials of the agency that now holds the dossier. */
export function needsAgencyOfficials(event: DomainEvent): boolean {
  if (event.type !== 'DossierChanged') return false;
  const action = (event as DomainEvent<'DossierChanged'>).data.action;
  return action === 'transfer' || action === 'supplement';
}

const handlingRoles = new Set(['receiver', 'specialist', 'leader']);

/**
 * Vietnamese messages an event calls for: the applicant's (for the steps they need to know of) and
 * the officials' the step concerns (a dossier assigned to them, a dossier transferred in to their
 * agency, a supplement received on a dossier they handle). One message per recipient.
 */
export function messagesFor(event: DomainEvent, ctx: MessageContext): Message[] {
  const code = event.dossierCode;
  if (event.type === 'DossierRouted') {
    const data = (event as DomainEvent<'DossierRouted'>).data;
    return [
      {
        audience: 'applicant',
        recipientId: data.applicantId,
        dossierCode: code,
        title: `Hồ sơ ${code} đã được gửi đến ${data.agencyName}`,
        body:
          `Hồ sơ của Ông/Bà đã được chuyển đến bộ phận tiếp nhận của ${data.agencyName}. ` +
          `Thời hạn trả kết quả dự kiến: ${ctx.describeAppointment(data.dueAt)}. ` +
          'Ông/Bà sẽ nhận được thông báo khi hồ sơ được tiếp nhận.',
        sms: `Hồ sơ ${code} đã được gửi đến cơ quan giải quyết. Hẹn trả dự kiến: ${formatVnDate(data.dueAt)}.`,
      },
    ];
  }
  if (event.type !== 'DossierChanged') return [];
  const data = (event as DomainEvent<'DossierChanged'>).data;
  const text = applicantTexts[data.action];
  const messages: Message[] = text
    ? [{ audience: 'applicant', recipientId: data.applicantId, dossierCode: code, ...text(code, data, ctx) }]
    : [];
  const seen = new Set(messages.map((m) => m.recipientId));
  const toOfficial = (recipientId: string, title: string, body: string) => {
    if (seen.has(recipientId)) return;
    seen.add(recipientId);
    messages.push({ audience: 'official', recipientId, dossierCode: code, title, body, sms: title });
  };
  const due = `Hạn giải quyết hồ sơ: ${ctx.describeAppointment(data.dueAt)}.`;
  for (const official of data.notifyOfficials ?? []) toOfficial(official, `Hồ sơ ${code} được giao cho bạn`, due);
  const active = (ctx.agencyOfficials ?? []).filter(
    (o) => o.active && o.agencyId === data.agencyId && o.roles.some((r) => handlingRoles.has(r)),
  );
  if (data.action === 'transfer') {
    for (const official of active) {
      toOfficial(official.sub, `Hồ sơ ${code} được chuyển đến cơ quan của bạn`, `Hồ sơ liên thông chuyển đến. ${due}`);
    }
  }
  if (data.action === 'supplement') {
    const recipients = ctx.assigneeId
      ? [ctx.assigneeId]
      : active.filter((o) => o.roles.includes('receiver')).map((o) => o.sub);
    for (const sub of recipients) {
      toOfficial(
        sub,
        `Hồ sơ ${code} đã được bổ sung`,
        `Người nộp đã bổ sung hồ sơ; hồ sơ tiếp tục được giải quyết. ${due}`,
      );
    }
  }
  return messages;
}
