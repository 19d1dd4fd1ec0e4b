import { feedbackRepository } from '#adapters/dynamo/feedback-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { getPublishedFeedbackUseCase } from '#shared/use-cases/feedback/feedback.ts';
import { FeedbackIdParams } from '#shared/use-cases/feedback/schemas.ts';
import { platformOriginSecret } from '#http/platform-origin-secret.ts';

const get = getPublishedFeedbackUseCase({ feedback: feedbackRepository(config.TABLE_NAME) });

export const handler = httpHandler('get-published-feedback', {
  originSecret: platformOriginSecret,
  schemas: { params: FeedbackIdParams },
}).handle(async ({ params }) => ({ status: 200, body: await get(params.id) }));
