import { config } from '../../config.ts';
import { inlineSigningKeys, pemCertificates, s3SigningEntries, SigningKeys } from './kms-signer.ts';
import { localSigner } from './local-signer.ts';
import { readDocumentsObject } from './signing-config.ts';

let roots: (() => Promise<string[]>) | undefined;

/**
 * The root certificates a signature must chain to, where the deployment's signer (SIGNER) keeps them:
 * `trusted-roots.pem` under SIGNING_CONFIG_PREFIX of the documents bucket, else the inline
 * configuration (the chains' last certificates of SIGNING_KEYS, CSC_TRUSTED_ROOTS), or the local
 * certificate authority's root. Verification needs nothing else of a signer: not the KMS client nor
 * the remote signing service and its Secrets Manager secret, which its function would otherwise
 * carry (docs/design.md §10). One reader per process; the bucket's file is read once.
 */
export function configuredTrustedRoots(): () => Promise<string[]> {
  if (config.SIGNER === 'local') return () => localSigner().trustedRoots();
  roots ??= config.SIGNING_CONFIG_PREFIX
    ? bucketRoots(config.SIGNING_CONFIG_PREFIX)
    : config.SIGNER === 'csc'
      ? async () => pemCertificates(config.CSC_TRUSTED_ROOTS)
      : inlineRoots();
  return roots;
}

function bucketRoots(prefix: string): () => Promise<string[]> {
  const source = s3SigningEntries(readDocumentsObject(), prefix, (json) => json);
  return () => source.trustedRoots();
}

function inlineRoots(): () => Promise<string[]> {
  const source = inlineSigningKeys(SigningKeys.parse(JSON.parse(config.SIGNING_KEYS)));
  return () => source.trustedRoots();
}
