import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import * as z from 'zod/mini';
import { firstUse } from '../../first-use.ts';
import type { SendReportRequest } from '../../use-cases/ports/send-report-request.ts';
import type { EventQueues } from './event-publisher.ts';

// Built on the first send, not at import (every invocation of its functions sends: counted as init by the bench).
const sqs = firstUse(() => new SQSClient({}));

/** The `ReportRequested` message: not a dossier event, so its own envelope (no dossierCode). */
export const ReportRequestEnvelope = z.object({
  id: z.string().check(z.minLength(1)),
  type: z.literal('ReportRequested'),
  occurredAt: z.string().check(z.minLength(1)),
  data: z.object({ reportId: z.string().check(z.minLength(1)), agencyId: z.string().check(z.minLength(1)) }),
});
export type ReportRequest = z.infer<typeof ReportRequestEnvelope>;

/**
 * Sends a report request to the queues of its consumers (the `report` worker). The event id is the
 * report id: a re-send (a retried request, a rerun schedule) is a duplicate the worker ignores.
 */
export function reportRequestSender(queues: EventQueues): SendReportRequest {
  return async function send(report, occurredAt) {
    const routes = queues.ReportRequested;
    if (!routes) throw new Error('No queue route configured for ReportRequested');
    const message: ReportRequest = {
      id: report.id,
      type: 'ReportRequested',
      occurredAt,
      data: { reportId: report.id, agencyId: report.agencyId },
    };
    for (const { url } of routes) {
      await sqs().send(
        new SendMessageCommand({
          QueueUrl: url,
          MessageBody: JSON.stringify(message),
          MessageAttributes: { eventType: { DataType: 'String', StringValue: 'ReportRequested' } },
        }),
      );
    }
  };
}
