import { KMSClient } from '@aws-sdk/client-kms';
import { localCertificateAuthority } from '../../documents/signing/local-ca.ts';
import type { Signer } from '../../documents/signing/signer.ts';
import { config } from '../../config.ts';
import { kmsSigner, SigningKeys } from './kms-signer.ts';

let signer: Signer | undefined;

/**
 * The signer this deployment uses (SIGNER), one per process: the local certificate authority is the
 * same for the `sign` worker and the verify endpoint of the local cloud.
 */
export function configuredSigner(): Signer {
  signer ??=
    config.SIGNER === 'local'
      ? localCertificateAuthority({ ...(config.LOCAL_CA_DIR ? { directory: config.LOCAL_CA_DIR } : {}) })
      : kmsSigner(new KMSClient({}), SigningKeys.parse(JSON.parse(config.SIGNING_KEYS)));
  return signer;
}
