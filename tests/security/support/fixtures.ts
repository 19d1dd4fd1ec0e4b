import { randomUUID } from 'node:crypto';
import type { LocalCloud } from '../../../infra/local/cloud.ts';
import { birthRegistration, request, tokenFor } from '../../support/http.ts';
import { type CallerKind, callerKinds, callerSubs } from './callers.ts';
import type { Fixtures } from './route-table.ts';

export type Tokens = Record<CallerKind, string | undefined>;

export async function tokensFor(cloud: LocalCloud): Promise<Tokens> {
  const entries = await Promise.all(
    callerKinds.map(async (kind) => {
      const sub = callerSubs[kind];
      return [kind, sub ? await tokenFor(cloud, sub) : undefined] as const;
    }),
  );
  return Object.fromEntries(entries) as Tokens;
}

/** citizen-an's dossier (routed to its commune) and feedback, as the route table expects them. */
export async function createFixtures(cloud: LocalCloud, tokens: Tokens): Promise<Fixtures> {
  const filed = await request(cloud, 'POST', '/v1/dossiers', { token: tokens.citizen, body: birthRegistration() });
  if (filed.status !== 201) throw new Error(`fixture dossier: ${filed.status} ${JSON.stringify(filed.body)}`);
  const feedback = await request(cloud, 'POST', '/v1/feedback', {
    token: tokens.citizen,
    body: { title: 'Chậm giải quyết', content: 'Hồ sơ của tôi chưa có kết quả.', agencyId: '24.SXD' },
  });
  if (feedback.status !== 201) throw new Error(`fixture feedback: ${feedback.status} ${JSON.stringify(feedback.body)}`);
  await cloud.settle();
  const code = String(filed.body.code);
  let n = 0;
  return {
    code,
    feedbackId: String(feedback.body.id),
    missingCode: code.replace(/-(\d+)$/, '-99999999'),
    uuid: () => randomUUID(),
    unique: () => `sec-${Date.now()}-${(n += 1)}`,
  };
}

/** Runs `tasks` with at most `limit` at a time, in order of start. */
export async function pool<T>(limit: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await (tasks[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
