import type { SendReportRequest } from '../../../shared/use-cases/ports/send-report-request.ts';

/** The report queue: `sent` holds each message sent (a re-send is there twice, as the worker would see it). */
export function fakeSendReportRequest(): SendReportRequest & {
  sent: { id: string; agencyId: string; occurredAt: string }[];
} {
  const sent: { id: string; agencyId: string; occurredAt: string }[] = [];
  return Object.assign(
    async (report: { id: string; agencyId: string }, occurredAt: string) => {
      sent.push({ id: report.id, agencyId: report.agencyId, occurredAt });
    },
    { sent },
  );
}
