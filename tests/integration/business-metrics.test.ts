/**
 * Business metrics: filing a dossier counts DossiersFiled once, as a CloudWatch embedded-metric line on
 * the function's stdout (what Lambda turns into the metric), and a replay counts nothing: the HTTP
 * replay of an Idempotency-Key, and the use case's own retry of a request already bound to its dossier.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { agencyRepository } from '../../shared/adapters/dynamo/agency-repository.ts';
import { catalogueRepository } from '../../shared/adapters/dynamo/catalogue-repository.ts';
import { dossierCounter } from '../../shared/adapters/dynamo/dossier-counter.ts';
import { dossierRepository } from '../../shared/adapters/dynamo/dossier-repository.ts';
import { requestClaims } from '../../shared/adapters/dynamo/filing-claims.ts';
import { lookupPinHasher } from '../../shared/adapters/pin-pepper.ts';
import type { Caller } from '../../shared/domain/caller.ts';
import type { BusinessMetric, BusinessMetrics } from '../../shared/use-cases/ports/business-metrics.ts';
import { fileDossierUseCase, SubmitDossierBody } from '../../shared/use-cases/file-dossier.ts';
import { actOnDossier, birthRegistration, request, tokenFor } from '../support/http.ts';

interface EmfLine {
  _aws: { CloudWatchMetrics: Array<{ Namespace: string; Dimensions: string[][]; Metrics: Array<{ Name: string }> }> };
  [key: string]: unknown;
}

/** The embedded-metric lines written to stdout while the tests run (other output passes through). */
const emf: EmfLine[] = [];
const write = process.stdout.write.bind(process.stdout);
vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown, ...rest: never[]) => {
  const text = String(chunk);
  if (!text.includes('"_aws"')) return write(chunk as string, ...rest);
  for (const line of text.split('\n').filter(Boolean)) emf.push(JSON.parse(line) as EmfLine);
  return true;
}) as typeof process.stdout.write);

const countOf = (metric: string): number =>
  emf
    .filter((line) => line._aws.CloudWatchMetrics.some((m) => m.Metrics.some((x) => x.Name === metric)))
    .reduce((sum, line) => sum + Number(line[metric]), 0);

let cloud: LocalCloud;
let token: string;
beforeAll(async () => {
  cloud = await startLocalCloud({
    seed: seedDemoProvince,
    pollers: false,
    scheduler: false,
    environment: { POWERTOOLS_METRICS_DISABLED: 'false' },
  });
  token = await tokenFor(cloud, 'citizen-an');
});
afterAll(() => cloud?.stop());

describe('DossiersFiled', () => {
  it('is written once per filing through the API, and not for a replay of its Idempotency-Key', async () => {
    const before = countOf('DossiersFiled');
    const headers = { 'idempotency-key': `metrics-${Date.now()}` };
    const first = await request(cloud, 'POST', '/v1/dossiers', { token, body: birthRegistration(), headers });
    expect(first.status).toBe(201);
    expect(countOf('DossiersFiled')).toBe(before + 1);

    const replay = await request(cloud, 'POST', '/v1/dossiers', { token, body: birthRegistration(), headers });
    expect(replay.status).toBe(201);
    expect(replay.body.code).toBe(first.body.code);
    expect(countOf('DossiersFiled')).toBe(before + 1);

    const [line] = emf.filter((l) =>
      l._aws.CloudWatchMetrics.some((m) => m.Metrics.some((x) => x.Name === 'DossiersFiled')),
    );
    const [directive] = line?._aws.CloudWatchMetrics ?? [];
    expect(directive?.Namespace).toBe('EgovOneStop');
    expect(directive?.Dimensions).toEqual([['service', 'deployment']]);
    expect(line).toMatchObject({ service: 'egov-one-stop', deployment: '24-local' });
  });

  it('is not counted by the use case for a request already bound to its dossier, nor by a concurrent twin', async () => {
    const counted: BusinessMetric[] = [];
    const metrics: BusinessMetrics = { count: (metric) => void counted.push(metric) };
    const table = cloud.tableName;
    const agencies = agencyRepository(table);
    const file = fileDossierUseCase({
      provinceCode: '24',
      catalogue: catalogueRepository(table),
      agencies,
      calendarFor: (id) => agencies.calendarFor(id),
      counter: dossierCounter(table),
      dossiers: dossierRepository(table),
      now: () => new Date(),
      pins: lookupPinHasher,
      requests: requestClaims(table),
      metrics,
    });
    const caller: Caller = { sub: 'citizen-metrics', roles: ['citizen'] };
    const body = SubmitDossierBody.parse(birthRegistration());

    const first = await file(caller, body, 'online', undefined, 'retry-1');
    const retried = await file(caller, body, 'online', undefined, 'retry-1');
    expect(retried.code).toBe(first.code);
    expect(counted).toEqual(['DossiersFiled']);

    counted.length = 0;
    const twins = await Promise.allSettled([
      file(caller, body, 'online', undefined, 'twin-1'),
      file(caller, body, 'online', undefined, 'twin-1'),
    ]);
    const codes = twins.flatMap((t) => (t.status === 'fulfilled' ? [t.value.code] : []));
    expect(new Set(codes).size).toBe(1);
    expect(counted).toEqual(['DossiersFiled']);
  });
});

describe('DossiersReceived and DossiersDecidedOnTime', () => {
  it('are written when an official receives the dossier and a leader decides it before its appointment', async () => {
    const filed = await request(cloud, 'POST', '/v1/dossiers', { token, body: birthRegistration() });
    const code = filed.body.code as string;
    const received = countOf('DossiersReceived');
    const onTime = countOf('DossiersDecidedOnTime');
    const step = async (sub: string, body: Record<string, unknown>) =>
      actOnDossier(cloud, await tokenFor(cloud, sub), code, body);

    await step('receiver-lan', { type: 'receive' });
    expect(countOf('DossiersReceived')).toBe(received + 1);
    await step('receiver-lan', { type: 'forward', assigneeId: 'specialist-ha' });
    await step('specialist-ha', { type: 'forward', assigneeId: 'leader-hung' });
    expect(countOf('DossiersDecidedOnTime')).toBe(onTime);
    await step('leader-hung', { type: 'decide', outcome: 'approved' });
    expect(countOf('DossiersDecidedOnTime')).toBe(onTime + 1);
    expect(countOf('DossiersDecidedLate')).toBe(0);
    expect(countOf('DossiersReceived')).toBe(received + 1);
  });
});
