/**
 * Who signs, as their certificate says: a leader (by `sub`, name and agency), or, with
 * `organisation`, the agency itself (`sub` is the agency's id, `name` and `agencyName` its name),
 * whose organisation certificate stands in for its seal on an electronic document (Nghị định
 * 30/2020/NĐ-CP, phụ lục I).
 */
export interface SignerIdentity {
  sub: string;
  name: string;
  agencyName: string;
  organisation?: true;
}

/** The agency's own signing identity. */
export const organisationIdentity = (agencyId: string, agencyName: string): SignerIdentity => ({
  sub: agencyId,
  name: agencyName,
  agencyName,
  organisation: true,
});

export interface SigningCertificate {
  /** The signer's certificate, PEM. */
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
