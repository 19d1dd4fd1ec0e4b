import { reportRepository } from '#adapters/dynamo/report-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { listReports, ReportsQuery } from '#shared/use-cases/reports.ts';

const list = listReports(reportRepository(config.TABLE_NAME));

export const handler = httpHandler('list-reports', { schemas: { query: ReportsQuery } }).handle(
  async ({ caller, query }) => ({ status: 200, body: await list(caller, query) }),
);
