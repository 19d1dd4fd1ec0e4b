import type { DossierRepository } from '../adapters/dynamo/dossier-repository.ts';
import { outboxShards } from '../adapters/dynamo/keys.ts';
import type { OutboxRelay } from '../adapters/outbox-relay.ts';
import { toVnIso } from '../domain/time.ts';

export interface SweepOutboxDeps {
  dossiers: DossierRepository;
  relay: OutboxRelay;
  now: () => Date;
  /** Events younger than this are probably still being sent by the request that wrote them. */
  graceSeconds: number;
}

/** Re-sends the events of every dossier whose outbox has waited longer than the grace period. */
export function sweepOutbox(deps: SweepOutboxDeps) {
  return async (): Promise<{ found: number; sent: number }> => {
    const before = toVnIso(new Date(deps.now().getTime() - deps.graceSeconds * 1000));
    let found = 0;
    let sent = 0;
    for (let shard = 0; shard < outboxShards; shard++) {
      for await (const code of deps.dossiers.strandedOutboxes(shard, before)) {
        found++;
        const stored = await deps.dossiers.get(code);
        if (stored && (await deps.relay(stored)) === 'sent') sent++;
      }
    }
    return { found, sent };
  };
}
