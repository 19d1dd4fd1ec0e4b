import { businessMetrics } from '#adapters/business-metrics.ts';
import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { catalogueRepository } from '#adapters/dynamo/catalogue-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';
import { ActionBody, actOnDossier } from '#shared/use-cases/act-on-dossier.ts';
import { DossierCodeParams } from '#shared/use-cases/get-dossier.ts';

const dossiers = dossierRepository(config.TABLE_NAME);
const agencies = agencyRepository(config.TABLE_NAME);
const actOn = actOnDossier({
  provinceCode: config.PROVINCE_CODE,
  supplementMode: config.SUPPLEMENT_MODE,
  supplementRequestWorkingDays: config.SUPPLEMENT_REQUEST_WORKING_DAYS,
  dossiers,
  catalogue: catalogueRepository(config.TABLE_NAME),
  agencies,
  calendarFor: (id) => agencies.calendarFor(id),
  now: () => new Date(),
  metrics: businessMetrics,
});

export const handler = httpHandler('act-on-dossier', {
  schemas: { params: DossierCodeParams, body: ActionBody },
}).handle(async ({ caller, params, body, idempotencyKey }) => {
  const dossier = await actOn(caller, params.code, body, idempotencyKey);
  return { status: 200, body: dossier, headers: { etag: `"${dossier.version}"` } };
});
