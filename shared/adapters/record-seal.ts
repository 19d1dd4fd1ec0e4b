import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { platformSecret } from './platform-secret.ts';

/**
 * `v2`: the plaintext deflated before it is sealed. A first answer is JSON (a dossier with its timeline,
 * 2–5 KB) that deflates to a quarter, and the record is billed per KB written. Compressing before
 * encrypting leaks the length of the compressed secret, which only the table's readers see, never a
 * party that chooses part of the plaintext and watches the size. `v1` (not compressed) still opens.
 */
const version = 'v2';
const versions = ['v1', 'v2'] as const;

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
  typeof value === 'string' && versions.some((v) => value.startsWith(`${v}.`));

export function recordSealOf(secret: string): RecordSeal {
  const keyFor = (recordKey: string) =>
    createHmac('sha256', secret).update(`egov-one-stop record seal\0${recordKey}`).digest();
  return {
    seal(recordKey, plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyFor(recordKey), iv);
      cipher.setAAD(Buffer.from(recordKey, 'utf8'));
      const body = Buffer.concat([cipher.update(deflateRawSync(Buffer.from(plaintext, 'utf8'))), cipher.final()]);
      return `${version}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
    },
    open(recordKey, sealed) {
      if (!isSealed(sealed)) throw new Error('Not a sealed value');
      const [sealedVersion] = sealed.split('.', 1);
      const raw = Buffer.from(sealed.slice(`${sealedVersion}.`.length), 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', keyFor(recordKey), raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(recordKey, 'utf8'));
      decipher.setAuthTag(raw.subarray(12, 28));
      const opened = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
      return (sealedVersion === 'v1' ? opened : inflateRawSync(opened)).toString('utf8');
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
