import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { businessMetrics } from '#adapters/business-metrics.ts';
import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { notificationRepository } from '#adapters/dynamo/notification-repository.ts';
import { watchMarks } from '#adapters/dynamo/watch-marks.ts';
import { config } from '#shared/config.ts';
import { logger } from '#shared/observability.ts';
import { watchDeadlines } from '#shared/use-cases/watch-deadlines.ts';

const deps = {
  dossiers: dossierRepository(config.TABLE_NAME),
  agencies: agencyRepository(config.TABLE_NAME),
  marks: watchMarks(config.TABLE_NAME, { keepDays: 120 }),
  notifications: notificationRepository(config.TABLE_NAME),
};

export const handler = middy(async (event: ScheduledEvent) => {
  // The scheduled instant, not the start of this invocation: a retried run judges the same moment.
  const at = event.time ? new Date(event.time) : new Date();
  const result = await watchDeadlines({ ...deps, now: () => at })();
  logger.info('Deadline watch', { ...result });
  // A level, not events: every run reports how many are overdue now (the dashboard graphs its maximum).
  businessMetrics.count('DossiersOverdue', result.overdue);
  return result;
}).use(injectLambdaContext(logger));
