import { KMSClient } from '@aws-sdk/client-kms';
import * as z from 'zod/mini';
import type { Signer } from '../../documents/signing/signer.ts';
import { config } from '../../config.ts';
import { cscClient } from './csc-client.ts';
import { cscClientSecret } from './csc-client-secret.ts';
import { CscCredential, cscSigner, inlineCscCredentials } from './csc-signer.ts';
import { kmsSigner, s3SigningEntries, s3SigningKeys, SigningKeys } from './kms-signer.ts';
import { localSigner } from './local-signer.ts';
import { readDocumentsObject } from './signing-config.ts';

let signer: Signer | undefined;

/**
 * The signer this deployment uses (SIGNER), one per process: the local certificate authority is the
 * same for the `sign` worker and the verify endpoint of the local cloud. In the cloud the keys and
 * chains (KMS), or who each signer is at the remote signing service (CSC), are read from
 * SIGNING_CONFIG_PREFIX of the documents bucket, lazily, once per process.
 */
export function configuredSigner(): Signer {
  if (config.SIGNER === 'local') return localSigner();
  signer ??=
    config.SIGNER === 'csc'
      ? remoteSigner()
      : kmsSigner(
          new KMSClient({}),
          config.SIGNING_CONFIG_PREFIX
            ? s3SigningKeys(readDocumentsObject(), config.SIGNING_CONFIG_PREFIX)
            : SigningKeys.parse(JSON.parse(config.SIGNING_KEYS)),
        );
  return signer;
}

function remoteSigner(): Signer {
  const { CSC_BASE_URL: baseUrl, CSC_CLIENT_ID: clientId } = config;
  if (!baseUrl || !clientId) throw new Error('SIGNER=csc needs CSC_BASE_URL and CSC_CLIENT_ID');
  const credentials = config.SIGNING_CONFIG_PREFIX
    ? s3SigningEntries(readDocumentsObject(), config.SIGNING_CONFIG_PREFIX, (json) => CscCredential.parse(json))
    : inlineCscCredentials(
        z.record(z.string(), CscCredential).parse(JSON.parse(config.CSC_CREDENTIALS)),
        config.CSC_TRUSTED_ROOTS,
      );
  return cscSigner(
    cscClient({ baseUrl, clientId, clientSecret: cscClientSecret, timeoutMs: config.CSC_TIMEOUT_MS }),
    credentials,
    {
      operationMode: config.CSC_OPERATION_MODE,
      approvalWaitMs: config.CSC_APPROVAL_WAIT_SECONDS * 1000,
      pollIntervalMs: config.CSC_POLL_INTERVAL_MS,
    },
  );
}
