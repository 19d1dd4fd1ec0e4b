import { feedbackRepository } from '#adapters/dynamo/feedback-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { listPublishedFeedbackUseCase } from '#shared/use-cases/feedback/feedback.ts';
import { PageQuery } from '#shared/use-cases/pagination.ts';
import { platformOriginSecret } from '#http/platform-origin-secret.ts';

const list = listPublishedFeedbackUseCase({ feedback: feedbackRepository(config.TABLE_NAME) });

export const handler = httpHandler('list-published-feedback', {
  originSecret: platformOriginSecret,
  schemas: { query: PageQuery },
}).handle(async ({ query }) => ({ status: 200, body: await list(query) }));
