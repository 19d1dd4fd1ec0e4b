import { feedbackRepository } from '#adapters/dynamo/feedback-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { listMyFeedbackUseCase } from '#shared/use-cases/feedback/feedback.ts';
import { PageQuery } from '#shared/use-cases/pagination.ts';

const list = listMyFeedbackUseCase({ feedback: feedbackRepository(config.TABLE_NAME) });

export const handler = httpHandler('list-my-feedback', { schemas: { query: PageQuery } }).handle(
  async ({ caller, query }) => ({ status: 200, body: await list(caller, query) }),
);
