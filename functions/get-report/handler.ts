import { reportRepository } from '#adapters/dynamo/report-repository.ts';
import { documentsPresigner } from '#adapters/s3/documents-presigner.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { getReport, ReportIdParams } from '#shared/use-cases/reports.ts';

const get = getReport({ reports: reportRepository(config.TABLE_NAME), files: documentsPresigner() });

export const handler = httpHandler('get-report', { schemas: { params: ReportIdParams } }).handle(
  async ({ caller, params }) => ({ status: 200, body: await get(caller, params.id) }),
);
