import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { catalogueRepository } from '#adapters/dynamo/catalogue-repository.ts';
import { dossierCounter } from '#adapters/dynamo/dossier-counter.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { outboxRelay } from '#adapters/outbox-relay.ts';
import { eventPublisher } from '#adapters/sqs/event-publisher.ts';
import { httpHandler } from '#http/http-handler.ts';
import { idempotencyKeyHeader } from '#http/idempotency.ts';
import { config } from '#shared/config.ts';
import { fileDossierUseCase, SubmitDossierBody } from '#shared/use-cases/file-dossier.ts';

const dossiers = dossierRepository(config.TABLE_NAME);
const agencies = agencyRepository(config.TABLE_NAME);
const file = fileDossierUseCase({
  provinceCode: config.PROVINCE_CODE,
  catalogue: catalogueRepository(config.TABLE_NAME),
  agencies,
  calendarFor: (id) => agencies.calendarFor(id),
  counter: dossierCounter(config.TABLE_NAME),
  dossiers,
  relay: outboxRelay(dossiers, eventPublisher(config.EVENT_QUEUES)),
  now: () => new Date(),
});

export const handler = httpHandler('submit-dossier', {
  schemas: { body: SubmitDossierBody },
  middlewares: [idempotencyKeyHeader()],
}).handle(async ({ caller, body }) => {
  const receipt = await file(caller, body, 'online');
  return { status: 201, body: receipt, headers: { location: `/v1/dossiers/${receipt.code}` } };
});
