import type { Signer } from '../../documents/signing/signer.ts';

let local: Signer | undefined;

/**
 * SIGNER=local: the local cloud's certificate authority (shared/documents/signing/local-ca.ts), which
 * the local cloud registers before it loads any handler (infra/local/cloud.ts). Registered, not
 * imported here, so that no deployed function carries it (docs/design.md §10): the cloud signs with
 * KMS or the CA's remote signing service.
 */
export function useLocalSigner(signer: Signer): void {
  local = signer;
}

/** The registered local certificate authority: one per local cloud, for the `sign` worker and the verify endpoint. */
export function localSigner(): Signer {
  if (!local) throw new Error("SIGNER=local signs with the local cloud's certificate authority: none is registered");
  return local;
}
