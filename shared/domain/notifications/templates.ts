import type { DomainEvent } from '../events.ts';

export interface InAppMessage {
  recipientId: string;
  title: string;
  body: string;
  dossierCode: string;
}

type Changed = DomainEvent<'DossierChanged'>['data'];

/** What the applicant is told of each lifecycle step, in Vietnamese. */
const applicantTexts: Record<string, (code: string, data: Changed, due: string) => { title: string; body: string }> = {
  receive: (code, _d, due) => ({
    title: `Hồ sơ ${code} đã được tiếp nhận`,
    body: `Hồ sơ của Ông/Bà đã được tiếp nhận. Ngày hẹn trả kết quả: ${due}.`,
  }),
  refuse: (code) => ({
    title: `Hồ sơ ${code} không được tiếp nhận`,
    body: 'Hồ sơ của Ông/Bà không được tiếp nhận; lý do được nêu trong phiếu từ chối và trong nhật ký hồ sơ.',
  }),
  'request-supplement': (code) => ({
    title: `Hồ sơ ${code} cần bổ sung`,
    body: 'Cơ quan giải quyết đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ. Danh sách nội dung cần bổ sung có trong nhật ký hồ sơ.',
  }),
  'request-fees': (code) => ({
    title: `Hồ sơ ${code}: đề nghị nộp phí, lệ phí`,
    body: 'Đề nghị Ông/Bà thực hiện nghĩa vụ tài chính để hồ sơ được tiếp tục giải quyết.',
  }),
  'request-extension': (code, _d, due) => ({
    title: `Hồ sơ ${code} được hẹn lại ngày trả kết quả`,
    body: `Cơ quan giải quyết xin lỗi vì chậm trả kết quả. Ngày hẹn mới: ${due}.`,
  }),
  stop: (code) => ({
    title: `Hồ sơ ${code} đã dừng giải quyết`,
    body: 'Hồ sơ của Ông/Bà đã dừng giải quyết; lý do được nêu trong thông báo và nhật ký hồ sơ.',
  }),
  decide: (code) => ({
    title: `Hồ sơ ${code} đã có kết quả`,
    body: 'Hồ sơ của Ông/Bà đã được giải quyết xong. Kết quả sẵn sàng để trả theo hình thức Ông/Bà đã chọn.',
  }),
  'return-result': (code) => ({
    title: `Hồ sơ ${code} đã trả kết quả`,
    body: 'Kết quả giải quyết hồ sơ đã được trả. Mời Ông/Bà đánh giá mức độ hài lòng.',
  }),
  withdraw: (code) => ({
    title: `Hồ sơ ${code} đã được rút`,
    body: 'Ông/Bà đã rút hồ sơ; hồ sơ không tiếp tục được giải quyết.',
  }),
};

/**
 * Vietnamese in-app messages an event calls for: the applicant's (for the steps they need to know
 * of) and the officials' the step concerns (a dossier assigned to them).
 */
export function messagesFor(event: DomainEvent, describeAppointment: (iso: string) => string): InAppMessage[] {
  const code = event.dossierCode;
  if (event.type === 'DossierRouted') {
    const data = (event as DomainEvent<'DossierRouted'>).data;
    return [
      {
        recipientId: data.applicantId,
        dossierCode: code,
        title: `Hồ sơ ${code} đã được gửi đến ${data.agencyName}`,
        body:
          `Hồ sơ của Ông/Bà đã được chuyển đến bộ phận tiếp nhận của ${data.agencyName}. ` +
          `Thời hạn trả kết quả dự kiến: ${describeAppointment(data.dueAt)}. ` +
          'Ông/Bà sẽ nhận được thông báo khi hồ sơ được tiếp nhận.',
      },
    ];
  }
  if (event.type !== 'DossierChanged') return [];
  const data = (event as DomainEvent<'DossierChanged'>).data;
  const text = applicantTexts[data.action];
  const applicant = text
    ? [{ recipientId: data.applicantId, dossierCode: code, ...text(code, data, describeAppointment(data.dueAt)) }]
    : [];
  const officials = (data.notifyOfficials ?? []).map((recipientId) => ({
    recipientId,
    dossierCode: code,
    title: `Hồ sơ ${code} được giao cho bạn`,
    body: `Hạn giải quyết hồ sơ: ${describeAppointment(data.dueAt)}.`,
  }));
  return [...applicant, ...officials];
}
