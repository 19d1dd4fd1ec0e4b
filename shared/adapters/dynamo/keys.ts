/** Item keys of the single table, in one place. */
export const keys = {
  dossier: (code: string) => ({ pk: `DOSSIER#${code}`, sk: 'DOSSIER' }),
  dossierCounter: (agencyId: string, yymmdd: string) => ({ pk: `COUNTER#${agencyId}#${yymmdd}`, sk: 'COUNTER' }),
  agency: (id: string) => ({ pk: `AGENCY#${id}`, sk: 'AGENCY' }),
  procedure: (code: string) => ({ pk: `PROCEDURE#${code}`, sk: 'CURRENT' }),
  procedureVersion: (code: string, version: number) => ({
    pk: `PROCEDURE#${code}`,
    sk: `V#${String(version).padStart(5, '0')}`,
  }),
  notification: (recipientId: string, occurredAt: string, eventId: string) => ({
    pk: `USER#${recipientId}`,
    sk: `NOTIF#${occurredAt}#${eventId}`,
  }),
  notificationsOf: (recipientId: string) => ({ pk: `USER#${recipientId}`, skPrefix: 'NOTIF#' }),
  applicantIndex: (applicantId: string) => `APPLICANT#${applicantId}`,
  agencyQueueIndex: (agencyId: string) => `QUEUE#${agencyId}`,
  outboxShard: (shard: number) => `OUTBOX#${shard}`,
};

/** Shards of the pending-outbox index: enough to spread a busy hour's writes, few enough to sweep. */
export const outboxShards = 4;

export function outboxShardOf(code: string): number {
  let hash = 0;
  for (const char of code) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % outboxShards;
}
