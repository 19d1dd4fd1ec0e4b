import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { platformSecret } from './platform-secret.ts';

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

/** The platform's record seal, with its secret (platform-secret.ts). */
export async function recordSeal(): Promise<RecordSeal> {
  // Loaded on first use, not with this module: tests build repositories before the environment is set.
  const { config } = await import('../config.ts');
  const secret = await platformSecret({
    name: 'record seal secret',
    arn: config.RECORD_SEAL_SECRET_ARN,
    local: config.RECORD_SEAL_SECRET,
    arnVariable: 'RECORD_SEAL_SECRET_ARN',
  });
  return recordSealOf(secret);
}
