/** Who signs: a leader, by name and agency, as their certificate says. */
export interface SignerIdentity {
  sub: string;
  name: string;
  agencyName: string;
}

export interface SigningCertificate {
  /** The leader's certificate, PEM. */
  certificate: string;
  /** Issuing CAs up to and including the root, PEM, nearest first. */
  chain: string[];
}

/**
 * The port every signing back end implements: AWS KMS asymmetric keys in the cloud (the private key
 * never leaves KMS), a local certificate authority for the local cloud and the tests.
 */
export interface Signer {
  certificateFor(identity: SignerIdentity): Promise<SigningCertificate>;
  /** RSASSA-PKCS1-v1_5 with SHA-256 over `data`, with the key of `identity`'s certificate. */
  sign(identity: SignerIdentity, data: Uint8Array): Promise<Uint8Array>;
  /** Root certificates (PEM) a signature must chain to, for verification. */
  trustedRoots(): Promise<string[]>;
}
