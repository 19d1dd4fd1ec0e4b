import { config } from '../../config.ts';
import type { PartnerName } from '../../domain/partners/partner.ts';
import { signedHeaders } from '../../domain/partners/webhook-signature.ts';
import { partnerSecret } from './partner-secrets.ts';

export class PartnerCallFailed extends Error {
  constructor(
    readonly partner: PartnerName,
    readonly status: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

const timeoutMs = 10_000;

/**
 * Calls a partner's API as it calls ours: a JSON body signed with the shared secret and a timestamp.
 * Anything but a 2xx is a {@link PartnerCallFailed}, for the queue consumer to retry.
 */
export async function callPartner<T>(partner: PartnerName, path: string, body: unknown, now = new Date()): Promise<T> {
  const base = config.PARTNER_URLS[partner];
  if (!base) throw new PartnerCallFailed(partner, undefined, `No URL configured for partner ${partner}`);
  const rawBody = JSON.stringify(body);
  const response = await fetch(new URL(path.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...signedHeaders(await partnerSecret(partner), rawBody, now) },
    body: rawBody,
    signal: AbortSignal.timeout(timeoutMs),
  }).catch((error: unknown) => {
    throw new PartnerCallFailed(partner, undefined, `${partner} unreachable: ${(error as Error).message}`);
  });
  const text = await response.text();
  if (!response.ok) throw new PartnerCallFailed(partner, response.status, `${partner} answered ${response.status}`);
  return (text ? JSON.parse(text) : {}) as T;
}
