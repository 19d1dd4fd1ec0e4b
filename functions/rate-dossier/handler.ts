import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { idempotencyKeyHeader } from '#http/idempotency.ts';
import { config } from '#shared/config.ts';
import { RatingBody, rateDossierUseCase } from '#shared/use-cases/rate-dossier.ts';
import { DossierCodeParams } from '#shared/use-cases/get-dossier.ts';

const dossiers = dossierRepository(config.TABLE_NAME);
const rate = rateDossierUseCase({
  dossiers,
  now: () => new Date(),
});

export const handler = httpHandler('rate-dossier', {
  schemas: { params: DossierCodeParams, body: RatingBody },
  middlewares: [idempotencyKeyHeader('rate-dossier')],
}).handle(async ({ caller, params, body }) => ({ status: 201, body: await rate(caller, params.code, body) }));
