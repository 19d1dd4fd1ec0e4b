import { randomUUID } from 'node:crypto';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { dvcqgSyncRepository } from '#adapters/dynamo/dvcqg-sync.ts';
import { callPartner } from '#adapters/partners/partner-client.ts';
import { refreshIndicatorFact } from '#shared/composition/record-indicators.ts';
import { config } from '#shared/config.ts';
import { functionSettings } from '#shared/function-settings.ts';
import { queueHandler } from '#shared/queue/queue-handler.ts';
import { backoffOf } from '#shared/queue/retry-backoff.ts';
import { syncDvcqgStatus } from '#shared/use-cases/dvcqg/sync-status.ts';

const dossiers = dossierRepository(config.TABLE_NAME);
// A worker cannot outlive its function timeout, and each push times out sooner: the lease covers one.
const sync = dvcqgSyncRepository(config.TABLE_NAME, {
  leaseSeconds: functionSettings('sync-dvcqg').timeoutSeconds,
});

export const handler = queueHandler(
  'sync-dvcqg',
  syncDvcqgStatus({
    dossiers,
    sync,
    push: (update) => callPartner('dvcqg', '/status-updates', update),
    now: () => new Date(),
    newOwner: randomUUID,
    // The indicator fact counts the portal's acknowledgement.
    held: refreshIndicatorFact,
  }),
  { backoff: backoffOf(config, 'sync-dvcqg') },
);
