import { createHash } from 'node:crypto';
import { type KMSClient, SignCommand } from '@aws-sdk/client-kms';
import * as z from 'zod/mini';
import type { Signer, SignerIdentity, SigningCertificate } from '../../documents/signing/signer.ts';

/**
 * Per leader, and per agency for its organisation certificate: the KMS key (RSA_2048, SIGN_VERIFY)
 * and the certificate the province's CA issued for it.
 */
export const SigningKey = z.object({
  keyId: z.string().check(z.minLength(1)),
  certificate: z.string().check(z.minLength(1)),
  chain: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
});
export type SigningKey = z.infer<typeof SigningKey>;
export const SigningKeys = z.record(z.string(), SigningKey);
export type SigningKeys = z.infer<typeof SigningKeys>;

/** Where the signer finds each leader's and each agency's key and certificate chain, and the roots verification trusts. */
export interface SigningKeySource {
  leader(sub: string): Promise<SigningKey | undefined>;
  /** The agency's organisation key (its certificate stands in for the seal). */
  organisation(agencyId: string): Promise<SigningKey | undefined>;
  trustedRoots(): Promise<string[]>;
}

/** In SIGNING_KEYS, an agency's organisation key is listed under `agency:<agency id>`. */
export const organisationKeyName = (agencyId: string): string => `agency:${agencyId}`;

/** Keys given inline (SIGNING_KEYS): the roots are the last certificate of each chain. */
export function inlineSigningKeys(keys: SigningKeys): SigningKeySource {
  return {
    leader: async (sub) => (sub.startsWith('agency:') ? undefined : keys[sub]),
    organisation: async (agencyId) => keys[organisationKeyName(agencyId)],
    trustedRoots: async () => [...new Set(Object.values(keys).flatMap((k) => k.chain.slice(-1)))],
  };
}

/** Reads one configuration object as text; `undefined` when it does not exist. */
export type ReadConfigObject = (key: string) => Promise<string | undefined>;

/** The PEM certificates of a file, in order. */
export function pemCertificates(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)?.map((pem) => `${pem}\n`) ?? [];
}

/**
 * The signing configuration ops upload under `prefix` of the documents bucket (README "Documents"):
 * `<prefix>leaders/<sub>.json` ({@link SigningKey}) per leader, `<prefix>agencies/<agency id>.json`
 * per agency (its organisation key) and `<prefix>trusted-roots.pem` (one or more PEM root
 * certificates). Each object is read once per process, when first needed; a failed read is not
 * remembered (the next message retries it), nor is a missing file (ops may add it).
 */
export function s3SigningKeys(read: ReadConfigObject, prefix: string): SigningKeySource {
  return s3SigningEntries(read, prefix, (json) => SigningKey.parse(json));
}

/** Per-signer entries and trusted roots under `prefix`, as {@link s3SigningKeys} reads them, whatever an entry holds. */
export function s3SigningEntries<T>(
  read: ReadConfigObject,
  prefix: string,
  parse: (json: unknown) => T,
): {
  leader(sub: string): Promise<T | undefined>;
  organisation(agencyId: string): Promise<T | undefined>;
  trustedRoots(): Promise<string[]>;
} {
  const keys = new Map<string, Promise<T>>();
  let roots: Promise<string[]> | undefined;
  const once = <U>(load: () => Promise<U>, forget: () => void): Promise<U> => {
    const pending = load();
    pending.catch(forget);
    return pending;
  };
  const keyAt = async (path: string): Promise<T | undefined> => {
    let entry = keys.get(path);
    if (!entry) {
      entry = once(
        async () => {
          const text = await read(path);
          if (text === undefined) throw new MissingSigningKey(path);
          return parse(JSON.parse(text));
        },
        () => keys.delete(path),
      );
      keys.set(path, entry);
    }
    try {
      return await entry;
    } catch (error) {
      if (error instanceof MissingSigningKey) return undefined;
      throw error;
    }
  };
  const safe = (name: string) => /^[\w.@-]+$/.test(name);
  return {
    leader: async (sub) => (safe(sub) ? keyAt(`${prefix}leaders/${sub}.json`) : undefined),
    organisation: async (agencyId) => (safe(agencyId) ? keyAt(`${prefix}agencies/${agencyId}.json`) : undefined),
    trustedRoots() {
      roots ??= once(
        async () => {
          const text = await read(`${prefix}trusted-roots.pem`);
          const pems = text === undefined ? [] : pemCertificates(text);
          if (pems.length === 0) throw new Error(`No trusted root certificate at ${prefix}trusted-roots.pem`);
          return pems;
        },
        () => {
          roots = undefined;
        },
      );
      return roots;
    },
  };
}

class MissingSigningKey extends Error {
  constructor(path: string) {
    super(`No signing key file at ${path}`);
  }
}

/**
 * Signs with AWS KMS asymmetric keys: the private key never leaves KMS; KMS signs the SHA-256 digest
 * (RSASSA_PKCS1_V1_5_SHA_256). The certificate chains live in the platform's configuration.
 */
export function kmsSigner(client: Pick<KMSClient, 'send'>, keys: SigningKeys | SigningKeySource): Signer {
  const source = isSource(keys) ? keys : inlineSigningKeys(keys);
  const entry = async (identity: SignerIdentity) => {
    const found = identity.organisation ? await source.organisation(identity.sub) : await source.leader(identity.sub);
    if (!found) {
      throw new Error(`No signing key configured for ${identity.organisation ? 'agency' : 'leader'} ${identity.sub}`);
    }
    return found;
  };
  return {
    async certificateFor(identity): Promise<SigningCertificate> {
      const { certificate, chain } = await entry(identity);
      return { certificate, chain };
    },
    async sign(identity, data) {
      const { Signature } = await client.send(
        new SignCommand({
          KeyId: (await entry(identity)).keyId,
          Message: createHash('sha256').update(data).digest(),
          MessageType: 'DIGEST',
          SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256',
        }),
      );
      if (!Signature) throw new Error('KMS returned no signature');
      return Signature;
    },
    trustedRoots: () => source.trustedRoots(),
  };
}

function isSource(keys: SigningKeys | SigningKeySource): keys is SigningKeySource {
  return (
    typeof keys.leader === 'function' &&
    typeof keys.organisation === 'function' &&
    typeof keys.trustedRoots === 'function'
  );
}
