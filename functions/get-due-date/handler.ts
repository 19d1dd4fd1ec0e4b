import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { computeDueDate, DueDateQuery } from '#shared/use-cases/agencies/due-date.ts';
import { AgencyIdParams } from '#shared/use-cases/agencies/params.ts';
import { platformOriginSecret } from '#http/platform-origin-secret.ts';

const agencies = agencyRepository(config.TABLE_NAME);
const compute = computeDueDate({ calendarFor: (id) => agencies.calendarFor(id) });

export const handler = httpHandler('get-due-date', {
  originSecret: platformOriginSecret,
  schemas: { params: AgencyIdParams, query: DueDateQuery },
}).handle(async ({ params, query }) => ({ status: 200, body: await compute(params.id, query) }));
