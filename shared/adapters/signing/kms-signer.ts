import { createHash } from 'node:crypto';
import { type KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { z } from 'zod';
import type { Signer, SignerIdentity, SigningCertificate } from '../../documents/signing/signer.ts';

/** Per leader: the KMS key (RSA_2048, SIGN_VERIFY) and the certificate the province's CA issued for it. */
export const SigningKeys = z.record(
  z.string(),
  z.object({ keyId: z.string().min(1), certificate: z.string().min(1), chain: z.array(z.string().min(1)).min(1) }),
);
export type SigningKeys = z.infer<typeof SigningKeys>;

/**
 * Signs with AWS KMS asymmetric keys: the private key never leaves KMS; KMS signs the SHA-256 digest
 * (RSASSA_PKCS1_V1_5_SHA_256). The certificate chains live in the platform's configuration.
 */
export function kmsSigner(client: Pick<KMSClient, 'send'>, keys: SigningKeys): Signer {
  const entry = (identity: SignerIdentity) => {
    const found = keys[identity.sub];
    if (!found) throw new Error(`No signing key configured for leader ${identity.sub}`);
    return found;
  };
  return {
    async certificateFor(identity): Promise<SigningCertificate> {
      const { certificate, chain } = entry(identity);
      return { certificate, chain };
    },
    async sign(identity, data) {
      const { Signature } = await client.send(
        new SignCommand({
          KeyId: entry(identity).keyId,
          Message: createHash('sha256').update(data).digest(),
          MessageType: 'DIGEST',
          SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256',
        }),
      );
      if (!Signature) throw new Error('KMS returned no signature');
      return Signature;
    },
    async trustedRoots() {
      return [...new Set(Object.values(keys).flatMap((k) => k.chain.slice(-1)))];
    },
  };
}
