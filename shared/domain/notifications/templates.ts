import type { DomainEvent } from '../events.ts';

export interface InAppMessage {
  recipientId: string;
  title: string;
  body: string;
  dossierCode: string;
}

/** Vietnamese in-app messages for the applicant; an event no template speaks of yields none. */
export function applicantMessage(
  event: DomainEvent,
  describeAppointment: (iso: string) => string,
): InAppMessage | undefined {
  switch (event.type) {
    case 'DossierRouted': {
      const data = (event as DomainEvent<'DossierRouted'>).data;
      return {
        recipientId: data.applicantId,
        dossierCode: event.dossierCode,
        title: `Hồ sơ ${event.dossierCode} đã được gửi đến ${data.agencyName}`,
        body:
          `Hồ sơ của Ông/Bà đã được chuyển đến bộ phận tiếp nhận của ${data.agencyName}. ` +
          `Thời hạn trả kết quả dự kiến: ${describeAppointment(data.dueAt)}. ` +
          'Ông/Bà sẽ nhận được thông báo khi hồ sơ được tiếp nhận.',
      };
    }
    default:
      return undefined;
  }
}
