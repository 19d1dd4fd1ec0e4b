/**
 * Partner webhooks, one pattern: `X-Egov-Signature: sha256=<hex>` is HMAC-SHA256 with the partner's
 * secret over `<X-Egov-Timestamp>.<raw body>`, the timestamp in Unix seconds. Binding the timestamp
 * into the MAC is what lets a stale request be refused: it cannot be re-dated without the secret.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const signatureHeader = 'x-egov-signature';
export const timestampHeader = 'x-egov-timestamp';
/** A signed request older (or further in the future) than this is refused. */
export const webhookToleranceSeconds = 5 * 60;

export function webhookSignature(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex')}`;
}

/** The headers a sender adds to a signed call. */
export function signedHeaders(secret: string, rawBody: string, now: Date): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return { [timestampHeader]: timestamp, [signatureHeader]: webhookSignature(secret, timestamp, rawBody) };
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'bad-signature' | 'stale' };

export function checkWebhookSignature(input: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: string;
  now: Date;
}): SignatureCheck {
  const { timestamp, signature } = input;
  if (!timestamp || !signature) return { ok: false, reason: 'missing' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad-signature' };
  const expected = Buffer.from(webhookSignature(input.secret, timestamp, input.rawBody));
  const given = Buffer.from(signature);
  // The MAC is checked before the clock: a forger learns nothing from which check failed first.
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad-signature' };
  const skew = Math.abs(input.now.getTime() / 1000 - Number(timestamp));
  if (skew > webhookToleranceSeconds) return { ok: false, reason: 'stale' };
  return { ok: true };
}
