import { describe, expect, it } from 'vitest';
import {
  checkWebhookSignature,
  signedHeaders,
  signatureHeader,
  timestampHeader,
  webhookSignature,
} from '#domain/partners/webhook-signature.ts';

const secret = 'a-shared-secret-of-thirty-two-chars';
const body = '{"transactionId":"T1","amount":50000}';
const now = new Date('2026-12-01T03:00:00Z');
const seconds = (d: Date) => String(Math.floor(d.getTime() / 1000));

const check = (overrides: Partial<Parameters<typeof checkWebhookSignature>[0]>) => {
  const headers = signedHeaders(secret, body, now);
  return checkWebhookSignature({
    secret,
    timestamp: headers[timestampHeader],
    signature: headers[signatureHeader],
    rawBody: body,
    now,
    ...overrides,
  });
};

describe('partner webhook signatures', () => {
  it('accepts what was signed with the shared secret', () => {
    expect(check({})).toEqual({ ok: true });
  });

  it('is the HMAC-SHA256 of "<timestamp>.<body>" in hex (what partners implement)', () => {
    // Computed independently: printf '1764558000.{}' | openssl dgst -sha256 -hmac k
    expect(webhookSignature('k', '1764558000', '{}')).toBe(
      'sha256=fa8a85fb8b36bbb3e9c6cd369828cd206b2d22070c7c6ae8ac19cfaa1147c5f0',
    );
  });

  it.each([
    ['another secret', { secret: 'someone-else-s-secret-of-32-chars' }],
    ['a changed body', { rawBody: body.replace('50000', '5000') }],
    ['a re-dated timestamp', { timestamp: seconds(new Date(now.getTime() + 1000)) }],
    ['a signature of another scheme', { signature: 'sha1=abc' }],
    ['a non-numeric timestamp', { timestamp: 'yesterday' }],
  ])('refuses %s as a bad signature', (_, overrides) => {
    expect(check(overrides)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it.each([
    ['no timestamp', { timestamp: undefined }],
    ['no signature', { signature: undefined }],
  ])('refuses %s as missing', (_, overrides) => {
    expect(check(overrides)).toEqual({ ok: false, reason: 'missing' });
  });

  it('refuses a correctly signed request older or newer than five minutes, accepts one at the edge', () => {
    const at = (offsetSeconds: number) => {
      const sent = new Date(now.getTime() + offsetSeconds * 1000);
      const headers = signedHeaders(secret, body, sent);
      return checkWebhookSignature({
        secret,
        timestamp: headers[timestampHeader],
        signature: headers[signatureHeader],
        rawBody: body,
        now,
      });
    };
    expect(at(-300)).toEqual({ ok: true });
    expect(at(300)).toEqual({ ok: true });
    expect(at(-301)).toEqual({ ok: false, reason: 'stale' });
    expect(at(301)).toEqual({ ok: false, reason: 'stale' });
  });
});
