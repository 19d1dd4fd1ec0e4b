import { KMSClient } from '@aws-sdk/client-kms';
import { GetObjectCommand, NoSuchKey } from '@aws-sdk/client-s3';
import * as z from 'zod/mini';
import { localCertificateAuthority } from '../../documents/signing/local-ca.ts';
import type { Signer } from '../../documents/signing/signer.ts';
import { config } from '../../config.ts';
import { documentsBucketName, documentsClient } from '../s3/document-files.ts';
import { cscClient } from './csc-client.ts';
import { cscClientSecret } from './csc-client-secret.ts';
import { CscCredential, cscSigner, inlineCscCredentials } from './csc-signer.ts';
import { kmsSigner, type ReadConfigObject, s3SigningEntries, s3SigningKeys, SigningKeys } from './kms-signer.ts';

let signer: Signer | undefined;

/** Text of one object of the documents bucket, `undefined` if it does not exist. */
function readDocumentsObject(): ReadConfigObject {
  const client = documentsClient();
  const bucket = documentsBucketName();
  return async (key) => {
    try {
      const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return Body ? await Body.transformToString('utf8') : undefined;
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  };
}

/**
 * The signer this deployment uses (SIGNER), one per process: the local certificate authority is the
 * same for the `sign` worker and the verify endpoint of the local cloud. In the cloud the keys and
 * chains (KMS), or who each signer is at the remote signing service (CSC), are read from
 * SIGNING_CONFIG_PREFIX of the documents bucket, lazily, once per process.
 */
export function configuredSigner(): Signer {
  signer ??=
    config.SIGNER === 'local'
      ? localCertificateAuthority({ ...(config.LOCAL_CA_DIR ? { directory: config.LOCAL_CA_DIR } : {}) })
      : config.SIGNER === 'csc'
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
