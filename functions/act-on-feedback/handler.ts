import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { feedbackCounters } from '#adapters/dynamo/feedback-counters.ts';
import { feedbackRepository } from '#adapters/dynamo/feedback-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { idempotencyKeyHeader } from '#http/idempotency.ts';
import { config } from '#shared/config.ts';
import { actOnFeedbackUseCase } from '#shared/use-cases/feedback/feedback.ts';
import { FeedbackActionBody, FeedbackIdParams } from '#shared/use-cases/feedback/schemas.ts';

const agencies = agencyRepository(config.TABLE_NAME);
const actOn = actOnFeedbackUseCase({
  feedback: feedbackRepository(config.TABLE_NAME),
  counters: feedbackCounters(config.TABLE_NAME),
  agencies,
  calendarFor: (id) => agencies.calendarFor(id),
  answerWithinWorkingDays: config.FEEDBACK_ANSWER_WORKING_DAYS,
  now: () => new Date(),
});

export const handler = httpHandler('act-on-feedback', {
  schemas: { params: FeedbackIdParams, body: FeedbackActionBody },
  middlewares: [idempotencyKeyHeader('act-on-feedback')],
}).handle(async ({ caller, params, body }) => {
  const feedback = await actOn(caller, params.id, body);
  return { status: 200, body: feedback, headers: { etag: `"${feedback.version}"` } };
});
