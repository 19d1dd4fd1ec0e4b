/**
 * CMS SignedData (RFC 5652), detached, as PAdES baseline B signs a PDF's byte ranges: made through the
 * {@link Signer} port, read back with the raw bytes verification needs, certificates checked by
 * node:crypto. The DER is ours (./der.ts).
 */
import { createHash, X509Certificate } from 'node:crypto';
import {
  certificateFields,
  child,
  children,
  context,
  contextTag,
  type Der,
  integer,
  nullValue,
  octetString,
  oid,
  readDer,
  readOid,
  readTime,
  sequence,
  set,
  tag,
  time,
} from './der.ts';
import type { Signer, SignerIdentity } from './signer.ts';

export const oids = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
} as const;

const sha256 = (data: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(data).digest());
const algorithm = (id: string) => sequence(oid(id), nullValue());
const attribute = (id: string, value: Uint8Array) => sequence(oid(id), set(value));

/** A CMS SignedData, detached, over `content`, with the signed attributes PAdES baseline B asks for. */
export async function cmsSign(
  content: Uint8Array,
  signer: Signer,
  identity: SignerIdentity,
  signingTime: Date,
): Promise<Uint8Array> {
  const { certificate, chain } = await signer.certificateFor(identity);
  const leafDer = new Uint8Array(new X509Certificate(certificate).raw);
  // In DER order (SET OF sorts by encoding): these four are, as each is longer than the one before.
  const attributes = [
    attribute(oids.contentType, oid(oids.data)),
    attribute(oids.signingTime, time(signingTime)),
    attribute(oids.messageDigest, octetString(sha256(content))),
    // ESS signing-certificate-v2: binds the signer's certificate (SHA-256 is the default hash, omitted).
    attribute(oids.signingCertificateV2, sequence(sequence(sequence(octetString(sha256(leafDer)))))),
  ];
  // Signed as a SET OF (RFC 5652 5.4), carried as [0] IMPLICIT.
  const signature = await signer.sign(identity, set(...attributes));
  // Issuer and serial exactly as encoded in the certificate (re-encoding a parsed name could alter it).
  const { issuer, serial } = certificateFields(leafDer);
  const signerInfo = sequence(
    integer(1),
    sequence(issuer.raw, serial.raw),
    algorithm(oids.sha256),
    context(0, ...attributes),
    algorithm(oids.rsaEncryption),
    octetString(signature),
  );
  const certificates = [leafDer, ...chain.slice(0, -1).map((pem) => new Uint8Array(new X509Certificate(pem).raw))];
  const signedData = sequence(
    integer(1),
    set(algorithm(oids.sha256)),
    sequence(oid(oids.data)),
    context(0, ...certificates),
    set(signerInfo),
  );
  return sequence(oid(oids.signedData), context(0, signedData));
}

/** What verification needs of a CMS SignedData. */
export interface ParsedCms {
  /** The certificates it carries, DER, in order. */
  certificates: Uint8Array[];
  /** The certificate its SignerInfo names (by issuer and serial), or else the first one. */
  signerCertificate?: Uint8Array;
  /** The signed attributes as the signature covers them: their SET OF encoding. */
  signedAttributes: Uint8Array;
  signature: Uint8Array;
  /** The message-digest attribute, hex. */
  messageDigest: string;
  signingTime?: Date;
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** Reads the one DER value at the start of `der`, whatever follows it (a placeholder's zero padding). */
export function readCms(der: Uint8Array): ParsedCms {
  const contentInfo = readDer(der);
  if (readOid(child(contentInfo, 0, tag.oid)) !== oids.signedData) throw new Error('not a SignedData');
  const signedData = child(child(contentInfo, 1, contextTag(0)), 0, tag.sequence);
  const certificates: Uint8Array[] = [];
  let signerInfos: Der | undefined;
  for (const part of children(signedData).slice(3)) {
    if (part.tag === contextTag(0)) for (const cert of children(part)) certificates.push(cert.raw);
    else if (part.tag === tag.set) signerInfos = part;
  }
  if (!signerInfos) throw new Error('no SignerInfo');
  const signerInfo = child(signerInfos, 0, tag.sequence);
  const sid = child(signerInfo, 1, tag.sequence);
  const [sidIssuer, sidSerial] = children(sid);
  const attrs = child(signerInfo, 3, contextTag(0));
  // The signature covers the attributes with the SET OF tag in place of the [0] IMPLICIT one.
  const signedAttributes = Uint8Array.from(attrs.raw);
  signedAttributes[0] = tag.set;
  let messageDigest = '';
  let signingTime: Date | undefined;
  for (const a of children(attrs)) {
    const id = readOid(child(a, 0, tag.oid));
    const value = child(child(a, 1, tag.set), 0);
    if (id === oids.messageDigest) messageDigest = Buffer.from(value.contents).toString('hex');
    if (id === oids.signingTime) signingTime = readTime(value);
  }
  const signature = child(signerInfo, 5, tag.octetString).contents;
  const signerCertificate =
    certificates.find((cert) => {
      if (!sidIssuer || !sidSerial) return false;
      const fields = certificateFields(cert);
      return sameBytes(fields.serial.raw, sidSerial.raw) && sameBytes(fields.issuer.raw, sidIssuer.raw);
    }) ?? certificates[0];
  return {
    certificates,
    ...(signerCertificate ? { signerCertificate } : {}),
    signedAttributes,
    signature,
    messageDigest,
    ...(signingTime ? { signingTime } : {}),
  };
}

const validAt = (cert: X509Certificate, at: Date) =>
  cert.validFromDate.getTime() <= at.getTime() && at.getTime() <= cert.validToDate.getTime();

/** `issuer` issued `cert`: names match, the signature verifies, and `issuer` is a CA. */
const issued = (issuer: X509Certificate, cert: X509Certificate) => {
  try {
    return issuer.ca && cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
};

/**
 * The trusted root `leaf` chains to through the `intermediates` a signature carries, each certificate
 * (root included) valid at `at`; `undefined` when there is none.
 */
export function trustedRootOf(
  leaf: X509Certificate,
  intermediates: readonly X509Certificate[],
  roots: readonly X509Certificate[],
  at: Date,
): X509Certificate | undefined {
  const unused = new Set(intermediates);
  let current = leaf;
  if (!validAt(current, at)) return undefined;
  for (;;) {
    const root = roots.find(
      (r) => validAt(r, at) && (r.fingerprint256 === current.fingerprint256 || issued(r, current)),
    );
    if (root) return root;
    const next = [...unused].find((cert) => validAt(cert, at) && issued(cert, current));
    if (!next) return undefined;
    unused.delete(next);
    current = next;
  }
}
