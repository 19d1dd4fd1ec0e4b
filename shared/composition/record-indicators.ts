import { agencyRepository } from '../adapters/dynamo/agency-repository.ts';
import { catalogueRepository } from '../adapters/dynamo/catalogue-repository.ts';
import { documentRepository } from '../adapters/dynamo/document-repository.ts';
import { dossierRepository } from '../adapters/dynamo/dossier-repository.ts';
import { dvcqgSyncRepository } from '../adapters/dynamo/dvcqg-sync.ts';
import { indicatorFactRepository } from '../adapters/dynamo/indicator-facts.ts';
import { config } from '../config.ts';
import { recordIndicators as recordIndicatorsUseCase } from '../use-cases/record-indicators.ts';

const agencies = agencyRepository(config.TABLE_NAME);

/** The indicator facts wired to the platform's table: the events' worker and the functions that bring evidence share it. */
export const recordIndicators = recordIndicatorsUseCase({
  dossiers: dossierRepository(config.TABLE_NAME),
  catalogue: catalogueRepository(config.TABLE_NAME),
  calendarFor: (id) => agencies.calendarFor(id),
  facts: indicatorFactRepository(config.TABLE_NAME),
  documents: documentRepository(config.TABLE_NAME),
  sync: dvcqgSyncRepository(config.TABLE_NAME),
  now: () => new Date(),
});

/**
 * Refreshes a dossier's fact on evidence that comes without a new dossier version (a verified
 * document, the national portal's acknowledgement): it concerns the filing month, so the fact is
 * written from there.
 */
export const refreshIndicatorFact = (dossierCode: string): Promise<void> =>
  recordIndicators({ dossierCode, occurredAt: new Date().toISOString(), fromFiling: true });
