import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { indicatorFactRepository } from '#adapters/dynamo/indicator-facts.ts';
import { reportRepository } from '#adapters/dynamo/report-repository.ts';
import { documentsBucket } from '#adapters/s3/documents-bucket.ts';
import { config } from '#shared/config.ts';
import { logger } from '#shared/observability.ts';
import { reportRequestHandler } from '#shared/queue/report-request-handler.ts';
import { computeIndicatorReport } from '#shared/use-cases/indicator-report.ts';
import { generateReport } from '#shared/use-cases/reports.ts';

const generate = generateReport({
  reports: reportRepository(config.TABLE_NAME),
  compute: computeIndicatorReport({
    agencies: agencyRepository(config.TABLE_NAME),
    facts: indicatorFactRepository(config.TABLE_NAME),
    now: () => new Date(),
  }),
  files: documentsBucket(),
  now: () => new Date(),
});

export const handler = reportRequestHandler(async (request) => {
  const outcome = await generate(request.data.reportId);
  if (outcome === 'unknown') logger.warn('Report request for an unknown report: dropped');
  else logger.info('Report request handled', { outcome });
});
