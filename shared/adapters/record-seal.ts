import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';

/** As the partners' secrets: cached per process, so a rotated secret reaches every instance within this. */
const cacheSeconds = 300;
const version = 'v1';

/**
 * Seals what the platform must keep for a replay but no one should read in the table: an
 * Idempotency-Key record's first answer, the look-up PIN of a filing's claim. AES-256-GCM with a key
 * derived (HMAC-SHA256) from the platform's secret and the record's own key, which is also the
 * authenticated data: a sealed value copied onto another record does not open there.
 */
export interface RecordSeal {
  seal(recordKey: string, plaintext: string): string;
  /** Throws when the value was not sealed for this record with this secret. */
  open(recordKey: string, sealed: string): string;
}

export const isSealed = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith(`${version}.`);

export function recordSealOf(secret: string): RecordSeal {
  const keyFor = (recordKey: string) =>
    createHmac('sha256', secret).update(`egov-one-stop record seal\0${recordKey}`).digest();
  return {
    seal(recordKey, plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyFor(recordKey), iv);
      cipher.setAAD(Buffer.from(recordKey, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `${version}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    open(recordKey, sealed) {
      if (!isSealed(sealed)) throw new Error('Not a sealed value');
      const raw = Buffer.from(sealed.slice(version.length + 1), 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', keyFor(recordKey), raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(recordKey, 'utf8'));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

/**
 * The platform's record seal: the secret from AWS Secrets Manager in the cloud (Powertools caches it),
 * from the local cloud's configuration otherwise. Neither is a deployment error, found on first use.
 */
export async function recordSeal(): Promise<RecordSeal> {
  // Loaded on first use, not with this module: tests build repositories before the environment is set.
  const { config } = await import('../config.ts');
  const arn = config.RECORD_SEAL_SECRET_ARN;
  if (arn) {
    const secret = await getSecret<string>(arn, { maxAge: cacheSeconds });
    if (typeof secret === 'string' && secret.length >= 32) return recordSealOf(secret);
    throw new Error('The record seal secret is empty or shorter than 32 characters');
  }
  if (config.RECORD_SEAL_SECRET) return recordSealOf(config.RECORD_SEAL_SECRET);
  throw new Error('No record seal secret configured (RECORD_SEAL_SECRET_ARN)');
}
