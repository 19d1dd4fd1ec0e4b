/**
 * PAdES signatures (ETSI.CAdES.detached: a CMS SignedData over the PDF's byte ranges, SHA-256) made
 * through the {@link Signer} port, and their verification against trusted roots.
 */
import { createHash } from 'node:crypto';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer as SignPdfSigner, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import forge from 'node-forge';
import { PDFDocument } from 'pdf-lib';
import type { Signer, SignerIdentity } from './signer.ts';

const { asn1, pki } = forge;
const oid = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
};

const seq = (...items: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
const set = (...items: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, items);
const oidOf = (id: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(id).getBytes());
const int = (n: number) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(n).getBytes());
const octets = (bytes: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes);
const nul = () => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '');
const algorithm = (id: string, params = true) => (params ? seq(oidOf(id), nul()) : seq(oidOf(id)));
const attribute = (id: string, value: forge.asn1.Asn1) => seq(oidOf(id), set(value));
const binary = (bytes: Uint8Array) => forge.util.binary.raw.encode(bytes);
const bytesOf = (raw: string) => Uint8Array.from(forge.util.binary.raw.decode(raw));
const sha256Raw = (data: Uint8Array | string) =>
  createHash('sha256')
    .update(typeof data === 'string' ? Buffer.from(data, 'binary') : data)
    .digest();

/** A CMS SignedData, detached, over `content`, with the signed attributes PAdES baseline B asks for. */
export async function cmsSign(
  content: Uint8Array,
  signer: Signer,
  identity: SignerIdentity,
  signingTime: Date,
): Promise<Uint8Array> {
  const { certificate, chain } = await signer.certificateFor(identity);
  const leaf = pki.certificateFromPem(certificate);
  const leafDer = asn1.toDer(pki.certificateToAsn1(leaf)).getBytes();
  const attributes = [
    attribute(oid.contentType, oidOf(oid.data)),
    attribute(
      oid.signingTime,
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(signingTime)),
    ),
    attribute(oid.messageDigest, octets(sha256Raw(content).toString('binary'))),
    // ESS signing-certificate-v2: binds the signer's certificate (SHA-256 is the default hash, omitted).
    attribute(oid.signingCertificateV2, seq(seq(seq(octets(sha256Raw(leafDer).toString('binary')))))),
  ];
  const signedAttrsDer = asn1.toDer(set(...attributes)).getBytes();
  const signature = await signer.sign(identity, bytesOf(signedAttrsDer));
  // Issuer and serial exactly as encoded in the certificate (re-encoding a parsed name could alter it).
  const tbs = (asn1.fromDer(leafDer).value as forge.asn1.Asn1[])[0]?.value as forge.asn1.Asn1[];
  const [serialAsn1, issuerAsn1] = [tbs[1], tbs[3]];
  if (!serialAsn1 || !issuerAsn1) throw new Error('Malformed signer certificate');
  const issuerAndSerial = seq(issuerAsn1, serialAsn1);
  const signerInfo = seq(
    int(1),
    issuerAndSerial,
    algorithm(oid.sha256),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attributes),
    algorithm(oid.rsaEncryption),
    octets(binary(signature)),
  );
  const certificates = [certificate, ...chain.slice(0, -1)].map((pem) =>
    pki.certificateToAsn1(pki.certificateFromPem(pem)),
  );
  const signedData = seq(
    int(1),
    set(algorithm(oid.sha256)),
    seq(oidOf(oid.data)),
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, certificates),
    set(signerInfo),
  );
  const contentInfo = seq(oidOf(oid.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData]));
  return bytesOf(asn1.toDer(contentInfo).getBytes());
}

/** Room for the CMS: two certificates, a 2048-bit signature and the attributes, with margin. */
const signatureLength = 16_384;

/**
 * Signs a PDF as `identity`: adds a signature field and placeholder, then fills it with the CMS over
 * the byte ranges. `signingTime` is the leader's decision time.
 */
export async function signPdf(
  pdf: Uint8Array,
  signer: Signer,
  identity: SignerIdentity,
  signingTime: Date,
  details: { reason: string; location: string },
): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  pdflibAddPlaceholder({
    pdfDoc: document,
    reason: details.reason,
    contactInfo: '',
    name: identity.name,
    location: details.location,
    signingTime,
    signatureLength,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'egov-one-stop',
  });
  const prepared = Buffer.from(await document.save({ useObjectStreams: false }));
  class PortSigner extends SignPdfSigner {
    override async sign(content: Buffer): Promise<Buffer> {
      return Buffer.from(await cmsSign(content, signer, identity, signingTime));
    }
  }
  return new Uint8Array(await new SignPdf().sign(prepared, new PortSigner(), signingTime));
}

export interface VerificationReport {
  valid: boolean;
  /** Why it is not valid, in Vietnamese; absent when valid. */
  reason?: string;
  code?: 'unsigned' | 'malformed' | 'modified' | 'bad-signature' | 'untrusted';
  signer?: { name: string; agency: string };
  chain?: string[];
  signingTime?: string;
  /** SHA-256 of the signed byte ranges, hex. */
  documentHash?: string;
  dossierCode?: string;
}

const invalid = (
  code: NonNullable<VerificationReport['code']>,
  reason: string,
  extra: Partial<VerificationReport> = {},
) => ({ valid: false, code, reason, ...extra }) satisfies VerificationReport;

const attr = (cert: forge.pki.Certificate, name: string): string => {
  const value = cert.subject.getField(name)?.value as string | undefined;
  return value ? forge.util.decodeUtf8(value) : '';
};

/** Checks the last signature of a PDF: covers the whole file, digest matches, signature verifies, chains to a trusted root. */
export async function verifyPdf(pdf: Uint8Array, trustedRoots: readonly string[]): Promise<VerificationReport> {
  const text = Buffer.from(pdf).toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].at(-1);
  if (!ranges) return invalid('unsigned', 'Tệp không có chữ ký số.');
  const [a, b, c, d] = ranges.slice(1, 5).map(Number) as [number, number, number, number];
  const hex = text.slice(a + b + 1, c - 1).replace(/0+$/, '');
  if (a !== 0 || c + d !== pdf.length || hex.length === 0) {
    return invalid('modified', 'Chữ ký không bao trùm toàn bộ tệp: tệp đã bị thay đổi sau khi ký.');
  }
  const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const documentHash = createHash('sha256').update(signed).digest('hex');
  let dossierCode: string | undefined;
  try {
    dossierCode = (await PDFDocument.load(pdf, { updateMetadata: false }))
      .getKeywords()
      ?.match(/[\w.]+-\d{6}-\d{4,}/)?.[0];
  } catch {
    dossierCode = undefined;
  }
  let parsed: ReturnType<typeof parseCms>;
  try {
    parsed = parseCms(forge.util.hexToBytes(hex.length % 2 ? `${hex}0` : hex));
  } catch {
    return invalid('malformed', 'Không đọc được chữ ký số trong tệp.', { documentHash });
  }
  const { certificates, signedAttrs, signature, messageDigest, signingTime, serial } = parsed;
  const leaf = certificates.find((cert) => cert.serialNumber === serial) ?? certificates[0];
  if (!leaf) return invalid('malformed', 'Chữ ký không kèm chứng thư số.', { documentHash });
  const report = {
    signer: { name: attr(leaf, 'CN'), agency: attr(leaf, 'O') },
    chain: certificates.map((cert) => attr(cert, 'CN')),
    ...(signingTime ? { signingTime: signingTime.toISOString() } : {}),
    documentHash,
    ...(dossierCode ? { dossierCode } : {}),
  };
  if (messageDigest !== documentHash) {
    return invalid('modified', 'Nội dung tệp đã bị thay đổi sau khi ký.', report);
  }
  const digest = forge.md.sha256.create();
  digest.update(signedAttrs);
  const verified = attempt(() =>
    (leaf.publicKey as forge.pki.rsa.PublicKey).verify(digest.digest().bytes(), signature),
  );
  if (!verified) return invalid('bad-signature', 'Chữ ký số không khớp với chứng thư số.', report);
  const store = pki.createCaStore(trustedRoots.map((pem) => pki.certificateFromPem(pem)));
  const path = [leaf, ...certificates.filter((cert) => cert !== leaf)];
  const trusted = attempt(() =>
    pki.verifyCertificateChain(store, path, { validityCheckDate: signingTime ?? new Date() }),
  );
  if (!trusted) return invalid('untrusted', 'Chứng thư số không do tổ chức chứng thực tin cậy cấp.', report);
  const root = trustedRoots
    .map((pem) => pki.certificateFromPem(pem))
    .find((r) => r.subject.hash === path.at(-1)?.issuer.hash);
  return { valid: true, ...report, chain: [...report.chain, ...(root ? [attr(root, 'CN')] : [])] };
}

/** forge reports a failed check by returning false or by throwing: both mean no. */
function attempt(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}

function parseCms(der: string) {
  const contentInfo = asn1.fromDer(der);
  const signedData = (contentInfo.value as forge.asn1.Asn1[])[1]?.value as forge.asn1.Asn1[] | undefined;
  const body = signedData?.[0]?.value as forge.asn1.Asn1[] | undefined;
  if (!body) throw new Error('not a SignedData');
  const certificates: forge.pki.Certificate[] = [];
  let signerInfos: forge.asn1.Asn1 | undefined;
  for (const part of body.slice(3)) {
    if (part.tagClass === asn1.Class.CONTEXT_SPECIFIC && part.type === 0) {
      for (const cert of part.value as forge.asn1.Asn1[]) certificates.push(pki.certificateFromAsn1(cert));
    } else if (part.tagClass === asn1.Class.UNIVERSAL && part.type === asn1.Type.SET) {
      signerInfos = part;
    }
  }
  const signerInfo = (signerInfos?.value as forge.asn1.Asn1[] | undefined)?.[0]?.value as forge.asn1.Asn1[] | undefined;
  if (!signerInfo) throw new Error('no SignerInfo');
  const sid = signerInfo[1]?.value as forge.asn1.Asn1[];
  const serial = forge.util.bytesToHex((sid[1]?.value as string) ?? '');
  const attrs = signerInfo[3];
  if (!attrs || attrs.tagClass !== asn1.Class.CONTEXT_SPECIFIC) throw new Error('no signed attributes');
  const signedAttrs = asn1.toDer(set(...(attrs.value as forge.asn1.Asn1[]))).getBytes();
  let messageDigest = '';
  let signingTime: Date | undefined;
  for (const a of attrs.value as forge.asn1.Asn1[]) {
    const [type, values] = a.value as forge.asn1.Asn1[];
    const id = asn1.derToOid(type?.value as string);
    const first = (values?.value as forge.asn1.Asn1[])[0];
    if (id === oid.messageDigest) messageDigest = forge.util.bytesToHex(first?.value as string);
    if (id === oid.signingTime) signingTime = asn1.utcTimeToDate(first?.value as string);
  }
  const signature = signerInfo[5]?.value as string;
  return { certificates, signedAttrs, signature, messageDigest, signingTime, serial };
}

/** SHA-256 of bytes, hex. */
export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
