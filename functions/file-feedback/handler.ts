import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { feedbackCounters } from '#adapters/dynamo/feedback-counters.ts';
import { feedbackRepository } from '#adapters/dynamo/feedback-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { idempotencyKeyHeader } from '#http/idempotency.ts';
import { platformQuotas } from '#shared/composition/quotas.ts';
import { config } from '#shared/config.ts';
import { fileFeedbackUseCase } from '#shared/use-cases/feedback/feedback.ts';
import { FileFeedbackBody } from '#shared/use-cases/feedback/schemas.ts';

const file = fileFeedbackUseCase({
  feedback: feedbackRepository(config.TABLE_NAME),
  counters: feedbackCounters(config.TABLE_NAME),
  agencies: agencyRepository(config.TABLE_NAME),
  dossiers: dossierRepository(config.TABLE_NAME),
  quotas: platformQuotas,
  now: () => new Date(),
});

export const handler = httpHandler('file-feedback', {
  schemas: { body: FileFeedbackBody },
  middlewares: [idempotencyKeyHeader('file-feedback')],
}).handle(async ({ caller, body }) => {
  const feedback = await file(caller, body);
  return { status: 201, body: feedback, headers: { location: `/v1/feedback/${feedback.id}` } };
});
