import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { config } from '../../config.ts';
import type { PartnerName } from '../../domain/partners/partner.ts';

/** Secrets are cached per process for this long: a rotated secret reaches every instance within it. */
const cacheSeconds = 300;

/**
 * A partner's shared secret: from AWS Secrets Manager in the cloud (Powertools caches it), from the
 * local cloud's configuration otherwise. A partner with neither is a deployment error.
 */
export async function partnerSecret(partner: PartnerName): Promise<string> {
  const arn = config.PARTNER_SECRET_ARNS[partner];
  if (arn) {
    const secret = await getSecret<string>(arn, { maxAge: cacheSeconds });
    if (typeof secret === 'string' && secret.length > 0) return secret;
    throw new Error(`The ${partner} secret is empty`);
  }
  const local = config.PARTNER_SECRETS[partner];
  if (local) return local;
  throw new Error(`No secret configured for partner ${partner}`);
}
