import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { reportRepository } from '#adapters/dynamo/report-repository.ts';
import { reportRequestSender } from '#adapters/sqs/report-requests.ts';
import { httpHandler } from '#http/http-handler.ts';
import { idempotencyKeyHeader } from '#http/idempotency.ts';
import { config } from '#shared/config.ts';
import { RequestReportBody, requestReport } from '#shared/use-cases/reports.ts';

const request = requestReport({
  reports: reportRepository(config.TABLE_NAME),
  agencies: agencyRepository(config.TABLE_NAME),
  send: reportRequestSender(config.EVENT_QUEUES),
  now: () => new Date(),
});

export const handler = httpHandler('request-report', {
  schemas: { body: RequestReportBody },
  middlewares: [idempotencyKeyHeader('request-report')],
}).handle(async ({ caller, body }) => {
  const report = await request(caller, body);
  return { status: 202, body: report, headers: { location: `/v1/reports/${report.id}` } };
});
