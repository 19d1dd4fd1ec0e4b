import type { MiddlewareObj } from '@middy/core';
import type { WebhookReplays } from '../adapters/dynamo/webhook-replays.ts';
import type { PartnerName } from '../domain/partners/partner.ts';
import { checkWebhookSignature, signatureHeader, timestampHeader } from '../domain/partners/webhook-signature.ts';
import { logger } from '../observability.ts';
import type { HttpEvent } from './parse-request.ts';
import { Problem } from './problem.ts';

export interface PartnerSignatureDeps {
  secretOf: (partner: PartnerName) => Promise<string>;
  replays: WebhookReplays;
  now: () => Date;
}

const refused = () =>
  new Problem(401, 'invalid-signature', 'Chữ ký không hợp lệ', 'Yêu cầu không có chữ ký hợp lệ của đối tác.');

/**
 * A partner route's authentication: the HMAC over the raw body and timestamp, a timestamp within five
 * minutes, and a signature never accepted before. Runs before the body is parsed, on the bytes that
 * were signed. A request the handler then fails is forgotten, so the partner may retry it unchanged.
 */
export function partnerSignature(partner: PartnerName, deps: PartnerSignatureDeps): MiddlewareObj<HttpEvent> {
  // Per request, not per handler: the local cloud runs invocations of one handler concurrently.
  const accepted = new WeakMap<HttpEvent, string>();
  return {
    before: async (request) => {
      const event = request.event;
      const raw = event.body ?? '';
      const rawBody = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
      const timestamp = event.headers[timestampHeader];
      const signature = event.headers[signatureHeader];
      const check = checkWebhookSignature({
        secret: await deps.secretOf(partner),
        timestamp,
        signature,
        rawBody,
        now: deps.now(),
      });
      if (!check.ok) {
        logger.warn('Partner request refused', { partner, reason: check.reason });
        if (check.reason === 'stale') {
          throw new Problem(401, 'stale-timestamp', 'Yêu cầu đã quá hạn', 'Dấu thời gian lệch quá 5 phút.');
        }
        throw refused();
      }
      if (!(await deps.replays.firstSeen(partner, signature as string, Number(timestamp)))) {
        logger.warn('Partner request refused', { partner, reason: 'replay' });
        throw new Problem(409, 'replayed-request', 'Yêu cầu đã được nhận', 'Yêu cầu đã ký này đã được xử lý trước đó.');
      }
      accepted.set(event, signature as string);
    },
    onError: async (request) => {
      const signature = accepted.get(request.event);
      if (signature) await deps.replays.forget(partner, signature);
    },
  };
}
