import { agencyRepository } from '../adapters/dynamo/agency-repository.ts';
import { catalogueRepository } from '../adapters/dynamo/catalogue-repository.ts';
import { dossierCounter } from '../adapters/dynamo/dossier-counter.ts';
import { dossierRepository } from '../adapters/dynamo/dossier-repository.ts';
import { requestClaims } from '../adapters/dynamo/filing-claims.ts';
import { businessMetrics } from '../adapters/business-metrics.ts';
import { lookupPinHasher } from '../adapters/pin-pepper.ts';
import { config } from '../config.ts';
import { fileDossierUseCase } from '../use-cases/file-dossier.ts';
import { platformQuotas } from './quotas.ts';

/** Filing wired to the platform's table and queues: online and counter filing share it. */
const dossiers = dossierRepository(config.TABLE_NAME);
const agencies = agencyRepository(config.TABLE_NAME);

export const fileDossier = fileDossierUseCase({
  provinceCode: config.PROVINCE_CODE,
  catalogue: catalogueRepository(config.TABLE_NAME),
  agencies,
  calendarFor: (id) => agencies.calendarFor(id),
  counter: dossierCounter(config.TABLE_NAME),
  dossiers,
  now: () => new Date(),
  pins: lookupPinHasher,
  requests: requestClaims(config.TABLE_NAME),
  quotas: platformQuotas,
  metrics: businessMetrics,
});
