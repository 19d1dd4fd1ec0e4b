import { feedbackRepository } from '#adapters/dynamo/feedback-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { listAgencyFeedbackUseCase } from '#shared/use-cases/feedback/feedback.ts';
import { AgencyFeedbackParams, AgencyFeedbackQuery } from '#shared/use-cases/feedback/schemas.ts';

const list = listAgencyFeedbackUseCase({ feedback: feedbackRepository(config.TABLE_NAME) });

export const handler = httpHandler('list-agency-feedback', {
  schemas: { params: AgencyFeedbackParams, query: AgencyFeedbackQuery },
}).handle(async ({ caller, params, query }) => ({ status: 200, body: await list(caller, params.id, query) }));
