import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import type { LambdaHandler } from '../../infra/local/lambda.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { queueConsumers } from '../../infra/manifest.ts';
import { birthRegistration, request, tokenFor } from '../support/http.ts';
import { wrappedHandlers } from './support/consumers.ts';
import { effects } from './support/effects.ts';

const dossierCount = Number(process.env.FAULT_DOSSIERS ?? 1000);
/** Requests in flight at once: a busy morning at the one-stop, not a load test. */
const concurrency = 8;
const applicantId = 'citizen-binh';
const agencyId = '24.07210';

/** Every batch reaches its consumer twice, one after the other, as SQS's at-least-once delivery allows. */
const twice = (real: LambdaHandler) =>
  (async (event: SQSEvent, context) => {
    const first = (await real(event as never, context)) as SQSBatchResponse | undefined;
    const second = (await real(event as never, context)) as SQSBatchResponse | undefined;
    const failed = new Set(
      [...(first?.batchItemFailures ?? []), ...(second?.batchItemFailures ?? [])].map((f) => f.itemIdentifier),
    );
    return { batchItemFailures: [...failed].map((itemIdentifier) => ({ itemIdentifier })) };
  }) as LambdaHandler;

/**
 * One filing as a client makes it: under this load a request may time out (500) or meet its own
 * first attempt still running (409); the client retries with the same Idempotency-Key.
 */
async function fileOnce(token: string, key: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const response = await request(cloud, 'POST', '/v1/dossiers', {
      token,
      body: birthRegistration(),
      headers: { 'idempotency-key': key },
    });
    if (response.status === 201) return response.body.code as string;
    if (attempt >= 10 || (response.status !== 409 && response.status < 500)) {
      throw new Error(`Filing ${key} failed: ${response.status} ${JSON.stringify(response.body)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
  }
}

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startLocalCloud({
    seed: seedDemoProvince,
    scheduler: false,
    logLevel: 'SILENT',
    loadHandler: wrappedHandlers(Object.fromEntries(queueConsumers.map((name) => [name, twice]))),
  });
});
afterAll(() => cloud?.stop());

describe(`${dossierCount} dossiers through the pipeline, every message delivered twice`, () => {
  it('leaves every dossier once, its notification once, its indicator fact once', async () => {
    const started = Date.now();
    const token = await tokenFor(cloud, applicantId);
    const filed: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < dossierCount) {
          next++;
          filed.push(await fileOnce(token, `fault-bulk-${next}`));
        }
      }),
    );
    const filedAt = Date.now();
    await cloud.settle();
    console.info(
      `${dossierCount} dossiers: filed in ${((filedAt - started) / 1000).toFixed(1)} s, settled ${((Date.now() - filedAt) / 1000).toFixed(1)} s later`,
    );

    const fx = effects(cloud.tableName);
    const codes = await fx.dossierCodes(applicantId);
    expect(codes).toHaveLength(dossierCount);
    expect(new Set(codes)).toEqual(new Set(filed));

    const inbox = await fx.inboxCounts(applicantId);
    const notifiedOtherThanOnce = filed.filter((code) => inbox.get(code) !== 1);
    expect(notifiedOtherThanOnce).toEqual([]);
    expect(inbox.size).toBe(dossierCount);

    const facts = await fx.factVersions(agencyId);
    expect(filed.filter((code) => !facts.has(code))).toEqual([]);
  });
});
