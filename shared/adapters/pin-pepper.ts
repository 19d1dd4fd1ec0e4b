import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { type PinHasher, pinHasherOf } from '../use-cases/lookup-pin.ts';

/** Cached per process like the other secrets; the pepper itself is never rotated (see data.ts). */
const cacheSeconds = 300;

/**
 * The look-up PINs' hasher with the platform's pepper: from AWS Secrets Manager in the cloud
 * (LOOKUP_PIN_PEPPER_ARN, Powertools caches it), from the local cloud's configuration otherwise.
 */
export async function lookupPinHasher(): Promise<PinHasher> {
  // Loaded on first use, not with this module: tests build use cases before the environment is set.
  const { config } = await import('../config.ts');
  const arn = config.LOOKUP_PIN_PEPPER_ARN;
  if (arn) {
    const pepper = await getSecret<string>(arn, { maxAge: cacheSeconds });
    if (typeof pepper === 'string' && pepper.length >= 32) return pinHasherOf(pepper);
    throw new Error('The look-up PIN pepper is empty or shorter than 32 characters');
  }
  if (config.LOOKUP_PIN_PEPPER) return pinHasherOf(config.LOOKUP_PIN_PEPPER);
  throw new Error('No look-up PIN pepper configured (LOOKUP_PIN_PEPPER_ARN)');
}
