import { createHash, verify, X509Certificate } from 'node:crypto';
import * as z from 'zod/mini';
import type { Signer, SignerIdentity, SigningCertificate } from '../../documents/signing/signer.ts';
import { type CscClient, cscOids } from './csc-client.ts';
import { organisationKeyName, pemCertificates } from './kms-signer.ts';

/**
 * Who a leader (or an agency, for its organisation certificate) is at the remote signing service:
 * `userID`, the account the CA enrolled (for VNPT SmartCA or Viettel MySign, the holder's account),
 * and `credentialID`, the key and certificate to sign with. With `userID` alone the service's only
 * credential for that user is taken (credentials/list); several are refused as ambiguous.
 */
export const CscCredential = z
  .object({
    userID: z.optional(z.string().check(z.minLength(1))),
    credentialID: z.optional(z.string().check(z.minLength(1))),
  })
  .check(z.refine((c) => c.userID !== undefined || c.credentialID !== undefined, 'userID or credentialID'));
export type CscCredential = z.infer<typeof CscCredential>;

export interface CscCredentialSource {
  leader(sub: string): Promise<CscCredential | undefined>;
  organisation(agencyId: string): Promise<CscCredential | undefined>;
  /** The roots a certificate from the service must chain to: configured, never taken from the service. */
  trustedRoots(): Promise<string[]>;
}

/**
 * Credentials given inline (CSC_CREDENTIALS: sub, or `agency:<id>`, → credential) and the trusted roots
 * (CSC_TRUSTED_ROOTS, PEM). The entry `*` stands for every signer not listed, with their own id as
 * userID: the local cloud's simulator enrols each official under their sub.
 */
export function inlineCscCredentials(
  credentials: Record<string, CscCredential>,
  trustedRootsPem: string,
): CscCredentialSource {
  const entry = (name: string) => credentials[name] ?? (credentials['*'] ? { userID: name } : undefined);
  return {
    leader: async (sub) => (sub.startsWith('agency:') ? undefined : entry(sub)),
    organisation: async (agencyId) => entry(organisationKeyName(agencyId)),
    trustedRoots: async () => pemCertificates(trustedRootsPem),
  };
}

export interface CscSignerOptions {
  /** `A`: the service answers at once and signs once the signer approved (polled); `S`: it answers with the signature. */
  operationMode: 'S' | 'A';
  /** How long one signature waits for the signer's approval before the message is left to the queue's retry. */
  approvalWaitMs: number;
  pollIntervalMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** The signer has not approved within the wait: the sign worker fails this delivery and the queue retries. */
export class CscApprovalPending extends Error {
  constructor(readonly credentialID: string) {
    super(`The signer has not approved the signature request yet (credential ${credentialID})`);
    this.name = 'CscApprovalPending';
  }
}

const der = (base64: string) => Buffer.from(base64, 'base64');
const pemOf = (certificate: X509Certificate) => certificate.toString();

/**
 * Signs through a CSC API v2 remote signing service: the private key stays at the CA (VNPT SmartCA,
 * Viettel MySign…), the platform sends the SHA-256 of the PAdES signed attributes, exactly what the
 * KMS signer hands KMS, and receives an RSA PKCS#1 v1.5 signature, which it checks against the
 * certificate before using it. Each signature is authorized on its own (credentials/authorize with
 * the hash: SCAL2 binds the SAD to it), so no SAD outlives the one document it was given for.
 */
export function cscSigner(client: CscClient, source: CscCredentialSource, options: CscSignerOptions): Signer {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const certificates = new Map<string, Promise<{ credentialID: string } & SigningCertificate>>();

  async function credentialOf(identity: SignerIdentity): Promise<CscCredential> {
    const found = identity.organisation ? await source.organisation(identity.sub) : await source.leader(identity.sub);
    if (!found) {
      throw new Error(
        `No CSC credential configured for ${identity.organisation ? 'agency' : 'leader'} ${identity.sub}`,
      );
    }
    return found;
  }

  async function credentialIdOf(credential: CscCredential): Promise<string> {
    if (credential.credentialID) return credential.credentialID;
    const ids = await client.credentialsList(credential.userID as string);
    if (ids.length !== 1) {
      throw new Error(`CSC user ${credential.userID} has ${ids.length} credentials; configure its credentialID`);
    }
    return ids[0] as string;
  }

  /** Certificate and chain, up to a configured root, read once per process per signer. */
  function certified(identity: SignerIdentity) {
    const key = `${identity.organisation ? 'agency:' : ''}${identity.sub}`;
    let pending = certificates.get(key);
    if (!pending) {
      pending = (async () => {
        const credentialID = await credentialIdOf(await credentialOf(identity));
        const info = await client.credentialsInfo(credentialID);
        if (info.key.status !== undefined && info.key.status !== 'enabled') {
          throw new Error(`CSC credential ${credentialID} is ${info.key.status}`);
        }
        if (info.cert?.status !== undefined && info.cert.status !== 'valid') {
          throw new Error(`The certificate of CSC credential ${credentialID} is ${info.cert.status}`);
        }
        // The platform's CMS and verifier are RSA PKCS#1 v1.5 (shared/documents/signing/pades.ts).
        if (!info.key.algo.some((oid) => oid === cscOids.rsaEncryption || oid === cscOids.sha256WithRsa)) {
          throw new Error(`CSC credential ${credentialID} has no RSA key (${info.key.algo.join(', ')})`);
        }
        const chain = (info.cert?.certificates ?? []).map((b64) => new X509Certificate(der(b64)));
        const [leaf, ...issuers] = chain;
        if (!leaf) throw new Error(`CSC credential ${credentialID} came without its certificate`);
        return { credentialID, certificate: pemOf(leaf), chain: await upToRoot(leaf, issuers) };
      })();
      certificates.set(key, pending);
      pending.catch(() => certificates.delete(key));
    }
    return pending;
  }

  /**
   * The issuers nearest first, ending with the configured root they chain to (PAdES embeds all but
   * the last, the verifier trusts the root): a service that omits the root gets it from the
   * configuration; a chain to no configured root is refused here rather than signed unverifiable.
   */
  async function upToRoot(leaf: X509Certificate, issuers: X509Certificate[]): Promise<string[]> {
    const roots = (await source.trustedRoots()).map((pem) => new X509Certificate(pem));
    const path: X509Certificate[] = [];
    let current = leaf;
    for (;;) {
      const root = roots.find((r) => current.checkIssued(r) && current.verify(r.publicKey));
      if (root) return [...path, root].map(pemOf);
      const next = issuers.find((c) => current.checkIssued(c) && current.verify(c.publicKey) && !path.includes(c));
      if (!next) throw new Error(`The certificate ${leaf.subject} does not chain to a trusted root`);
      path.push(next);
      current = next;
    }
  }

  async function signatureFor(credentialID: string, hash: string): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      const { SAD } = await client.authorize({
        credentialID,
        hashes: [hash],
        description: 'Ký số kết quả giải quyết hồ sơ',
      });
      try {
        const answer = await client.signHash({
          credentialID,
          SAD,
          hashes: [hash],
          signAlgo: cscOids.rsaEncryption,
          operationMode: options.operationMode,
        });
        const signatures = 'signatures' in answer ? answer.signatures : await approved(credentialID, answer.responseID);
        const signature = signatures[0];
        if (!signature) throw new Error('The CSC service returned no signature');
        return signature;
      } catch (error) {
        // A SAD the service no longer takes (it expired while the request waited): authorize again, once.
        if (attempt === 0 && (error as { sadRejected?: boolean }).sadRejected) continue;
        throw error;
      }
    }
  }

  /** Polls until the signer approved, at most approvalWaitMs; then the queue's retry takes over. */
  async function approved(credentialID: string, responseID: string): Promise<string[]> {
    const until = now() + options.approvalWaitMs;
    for (;;) {
      const signatures = await client.signPolling(responseID);
      if (signatures) return signatures;
      if (now() >= until) throw new CscApprovalPending(credentialID);
      await sleep(options.pollIntervalMs);
    }
  }

  return {
    async certificateFor(identity) {
      const { certificate, chain } = await certified(identity);
      return { certificate, chain };
    },
    async sign(identity, data) {
      const { credentialID, certificate } = await certified(identity);
      const hash = createHash('sha256').update(data).digest('base64');
      const signature = der(await signatureFor(credentialID, hash));
      // A signature by another key than the certificate's would make a result nobody can verify.
      if (!verify('sha256', data, certificate, signature)) {
        throw new Error(`The CSC signature does not verify with the certificate of credential ${credentialID}`);
      }
      return new Uint8Array(signature);
    },
    trustedRoots: () => source.trustedRoots(),
  };
}
