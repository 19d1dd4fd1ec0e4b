import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { indicatorFactRepository } from '#adapters/dynamo/indicator-facts.ts';
import { reportRepository } from '#adapters/dynamo/report-repository.ts';
import { reportRequestSender } from '#adapters/sqs/report-requests.ts';
import { config } from '#shared/config.ts';
import { logger } from '#shared/observability.ts';
import { closeIndicatorMonth } from '#shared/use-cases/indicator-report.ts';
import { scheduleClosedPeriodReports } from '#shared/use-cases/reports.ts';

const agencies = agencyRepository(config.TABLE_NAME);
const schedule = scheduleClosedPeriodReports({
  reports: reportRepository(config.TABLE_NAME),
  agencies,
  send: reportRequestSender(config.EVENT_QUEUES),
  now: () => new Date(),
  roots: async () => (await agencies.listChildren(undefined, { limit: 100 })).items.map((a) => a.id),
  closeMonth: closeIndicatorMonth({ agencies, facts: indicatorFactRepository(config.TABLE_NAME) }),
});

/** The scheduled time (EventBridge Scheduler's `time`) decides which periods closed, so a late retry closes the same ones. */
export const handler = middy(async (event: { time?: string } | undefined) => {
  const at = event?.time ? new Date(event.time) : new Date();
  const result = await schedule(Number.isNaN(at.getTime()) ? new Date() : at);
  logger.info('Closed-period reports requested', { periods: result.periods, carried: result.carried });
  return result;
}).use(injectLambdaContext(logger));
