import { randomUUID } from 'node:crypto';
import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { catalogueRepository } from '#adapters/dynamo/catalogue-repository.ts';
import { documentRepository } from '#adapters/dynamo/document-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { dvcqgSyncRepository } from '#adapters/dynamo/dvcqg-sync.ts';
import { indicatorFactRepository } from '#adapters/dynamo/indicator-facts.ts';
import { callPartner } from '#adapters/partners/partner-client.ts';
import { config } from '#shared/config.ts';
import { queueHandler } from '#shared/queue/queue-handler.ts';
import { backoffOf } from '#shared/queue/retry-backoff.ts';
import { syncDvcqgStatus } from '#shared/use-cases/dvcqg/sync-status.ts';
import { recordIndicators } from '#shared/use-cases/record-indicators.ts';
import { manifest } from '#infra/manifest.ts';

const dossiers = dossierRepository(config.TABLE_NAME);
// A worker cannot outlive its function timeout, and each push times out sooner: the lease covers one.
const sync = dvcqgSyncRepository(config.TABLE_NAME, { leaseSeconds: manifest['sync-dvcqg'].timeoutSeconds });
const agencies = agencyRepository(config.TABLE_NAME);
/** The indicator fact, refreshed from the filing month once the portal holds the dossier. */
const record = recordIndicators({
  dossiers,
  catalogue: catalogueRepository(config.TABLE_NAME),
  calendarFor: (id) => agencies.calendarFor(id),
  facts: indicatorFactRepository(config.TABLE_NAME),
  documents: documentRepository(config.TABLE_NAME),
  sync,
  now: () => new Date(),
});

export const handler = queueHandler(
  'sync-dvcqg',
  syncDvcqgStatus({
    dossiers,
    sync,
    push: (update) => callPartner('dvcqg', '/status-updates', update),
    now: () => new Date(),
    newOwner: randomUUID,
    held: (code) => record({ dossierCode: code, occurredAt: new Date().toISOString(), fromFiling: true }),
  }),
  { backoff: backoffOf(config, 'sync-dvcqg') },
);
