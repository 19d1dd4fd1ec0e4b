import middy from '@middy/core';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { WebhookReplays } from '#adapters/dynamo/webhook-replays.ts';
import { signedHeaders } from '#domain/partners/webhook-signature.ts';
import type { HttpEvent } from '#http/parse-request.ts';
import { partnerSignature } from '#http/partner-signature.ts';
import { problemErrors } from '#http/problem-errors.ts';

const secret = 'the-payment-platform-shared-secret';
const now = new Date('2026-12-01T03:00:00Z');

/** The replay store's contract, in memory: the DynamoDB one is exercised by the partner integration tests. */
function memoryReplays(): WebhookReplays & { seen: Set<string> } {
  const seen = new Set<string>();
  return {
    seen,
    firstSeen: async (partner, signature) => {
      const key = `${partner}:${signature}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    },
    forget: async (partner, signature) => {
      seen.delete(`${partner}:${signature}`);
    },
  };
}

function webhook(replays: WebhookReplays, effects: string[]) {
  const core = async (event: HttpEvent): Promise<APIGatewayProxyStructuredResultV2> => {
    if (event.body?.includes('"fail"')) throw new Error('the handler failed');
    effects.push(event.body ?? '');
    return { statusCode: 200, body: '{}' };
  };
  return middy<HttpEvent, APIGatewayProxyStructuredResultV2>(core)
    .use(problemErrors())
    .use(partnerSignature('payments', { secretOf: async () => secret, replays, now: () => now }));
}

const event = (body: string, headers: Record<string, string>): HttpEvent =>
  ({
    body,
    isBase64Encoded: false,
    headers,
    requestContext: { requestId: 'r-1' },
  }) as unknown as HttpEvent;

const call = (handler: ReturnType<typeof webhook>, body: string, headers: Record<string, string>) =>
  handler(event(body, headers), {} as Context) as Promise<APIGatewayProxyStructuredResultV2>;

const codeOf = (response: APIGatewayProxyStructuredResultV2) =>
  (JSON.parse(String(response.body)) as { code?: string }).code;

describe('partnerSignature middleware', () => {
  it('lets a signed request through once and refuses its exact replay with 409, the handler not run again', async () => {
    const effects: string[] = [];
    const handler = webhook(memoryReplays(), effects);
    const body = '{"transactionId":"T1"}';
    const headers = signedHeaders(secret, body, now);
    expect((await call(handler, body, headers)).statusCode).toBe(200);
    const replay = await call(handler, body, headers);
    expect(replay.statusCode).toBe(409);
    expect(codeOf(replay)).toBe('replayed-request');
    expect(effects).toHaveLength(1);
  });

  it('refuses a forged signature and a stale timestamp with 401 before the handler runs, and remembers neither', async () => {
    const effects: string[] = [];
    const replays = memoryReplays();
    const handler = webhook(replays, effects);
    const body = '{"transactionId":"T2"}';
    const forged = await call(handler, body, signedHeaders('a-forger-guessing-the-secret', body, now));
    expect([forged.statusCode, codeOf(forged)]).toEqual([401, 'invalid-signature']);
    const stale = await call(handler, body, signedHeaders(secret, body, new Date(now.getTime() - 6 * 60_000)));
    expect([stale.statusCode, codeOf(stale)]).toEqual([401, 'stale-timestamp']);
    const unsigned = await call(handler, body, {});
    expect(unsigned.statusCode).toBe(401);
    expect(effects).toEqual([]);
    expect(replays.seen.size).toBe(0);
  });

  it('forgets a request the handler failed, so the partner may retry it unchanged', async () => {
    const effects: string[] = [];
    const replays = memoryReplays();
    const handler = webhook(replays, effects);
    const body = '{"transactionId":"T3","fail":true}';
    const headers = signedHeaders(secret, body, now);
    expect((await call(handler, body, headers)).statusCode).toBe(500);
    expect(replays.seen.size).toBe(0);
    expect((await call(handler, body, headers)).statusCode).toBe(500);
  });
});
