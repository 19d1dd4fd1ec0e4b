/**
 * PAdES signatures (ETSI.CAdES.detached: a CMS SignedData over the PDF's byte ranges, SHA-256) made
 * through the {@link Signer} port, and their verification against trusted roots. The CMS (./cms.ts),
 * its DER (./der.ts) and the PDF's incremental update (./signature-update.ts) are ours, on node:crypto:
 * node-forge and pdf-lib weighed 530 KB of the signing functions' bundles (docs/design.md §10).
 */
import { createHash, verify, X509Certificate } from 'node:crypto';
import { cmsSign, readCms, trustedRootOf } from './cms.ts';
import { attributeOids, certificateFields, nameAttribute } from './der.ts';
import { entry, PdfFile, textOf } from './pdf-reader.ts';
import { prepareSignature } from './signature-update.ts';
import type { Signer, SignerIdentity } from './signer.ts';

/** Room for the CMS: two certificates, a 2048-bit signature and the attributes, with margin. */
const signatureLength = 16_384;

/**
 * Signs a PDF as `identity` by an incremental update (ISO 32000-1, 7.5.6): the bytes given stay as
 * they are and a new revision adds the signature field, its widget and the placeholder, which is then
 * filled with the CMS over the byte ranges. A PDF already signed keeps its signatures valid: the
 * leader signs first, then the agency's organisation certificate countersigns the same revision in
 * place of the seal. `signingTime` is the decision time.
 */
export async function signPdf(
  pdf: Uint8Array,
  signer: Signer,
  identity: SignerIdentity,
  signingTime: Date,
  details: { reason: string; location: string },
): Promise<Uint8Array> {
  const prepared = prepareSignature(pdf, {
    name: identity.name,
    reason: details.reason,
    location: details.location,
    signingTime,
    contentsLength: signatureLength,
  });
  const [a, b, c, d] = prepared.byteRange;
  const signed = prepared.pdf;
  const content = Buffer.concat([signed.subarray(a, a + b), signed.subarray(c, c + d)]);
  const cms = Buffer.from(await cmsSign(content, signer, identity, signingTime))
    .toString('hex')
    .toUpperCase();
  if (cms.length > signatureLength * 2) throw new Error('The CMS does not fit the signature placeholder');
  signed.set(Buffer.from(cms, 'latin1'), prepared.contentsAt);
  return signed;
}

/** One signature of a PDF, as checked. */
export interface SignatureReport {
  valid: boolean;
  /** Why it is not valid, in Vietnamese; absent when valid. */
  reason?: string;
  code?: 'malformed' | 'modified' | 'bad-signature' | 'untrusted';
  /**
   * `organisation`: the agency's own certificate, which stands in for its seal on an electronic
   * document (Nghị định 30/2020/NĐ-CP, phụ lục I); its subject names the agency as both
   * common name and organisation. `person`: an official's certificate.
   */
  kind?: 'person' | 'organisation';
  signer?: { name: string; agency: string };
  chain?: string[];
  signingTime?: string;
  /** The signature covers the whole file (the last one does; earlier ones cover their revision). */
  coversWholeDocument?: boolean;
}

export interface VerificationReport {
  /** Every signature is valid and the last one covers the whole file. */
  valid: boolean;
  /** Why it is not valid, in Vietnamese; absent when valid. */
  reason?: string;
  code?: 'unsigned' | 'malformed' | 'modified' | 'bad-signature' | 'untrusted';
  /** The first signer: on a result, the leader who decided. */
  signer?: { name: string; agency: string };
  /** The agency whose organisation certificate signed, in place of its seal. */
  organisation?: { name: string };
  chain?: string[];
  signingTime?: string;
  /** SHA-256 of the byte ranges the last signature covers, hex. */
  documentHash?: string;
  dossierCode?: string;
  /** Each signature in the order they were made. */
  signatures?: SignatureReport[];
}

const invalid = (
  code: NonNullable<VerificationReport['code']>,
  reason: string,
  extra: Partial<VerificationReport> = {},
) => ({ valid: false, code, reason, ...extra }) satisfies VerificationReport;

const names = (der: Uint8Array) => {
  const { subject } = certificateFields(der);
  return {
    name: nameAttribute(subject, attributeOids.commonName),
    agency: nameAttribute(subject, attributeOids.organization),
  };
};

interface SignatureField {
  range: [number, number, number, number];
  /** The /Contents hex string, placeholder padding included. */
  hex: string;
}

/** The signature dictionaries' byte ranges and contents, in file order (the order they were made). */
function signatureFields(pdf: Uint8Array): SignatureField[] {
  const text = Buffer.from(pdf).toString('latin1');
  return [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].map((match) => {
    const range = match.slice(1, 5).map(Number) as [number, number, number, number];
    return { range, hex: text.slice(range[0] + range[1] + 1, range[2] - 1) };
  });
}

/** The dossier code in the document information's /Keywords, if any. */
function dossierCodeOf(pdf: Uint8Array): string | undefined {
  try {
    const info = new PdfFile(pdf).info();
    return textOf(info && entry(info, 'Keywords'))?.match(/[\w.]+-\d{6}-\d{4,}/)?.[0];
  } catch {
    return undefined;
  }
}

/**
 * Checks every signature of a PDF: each covers its revision from the first byte, its digest matches,
 * it verifies and chains to a trusted root; the last one covers the whole file, so nothing was added
 * after the last signature.
 */
export async function verifyPdf(pdf: Uint8Array, trustedRoots: readonly string[]): Promise<VerificationReport> {
  const fields = signatureFields(pdf);
  if (fields.length === 0) return invalid('unsigned', 'Tệp không có chữ ký số.');
  const dossierCode = dossierCodeOf(pdf);
  const roots = trustedRoots.map((pem) => new X509Certificate(pem));
  const signatures = fields.map((field, i) => verifySignature(pdf, field, roots, i === fields.length - 1));
  const [a, b, c, d] = (fields.at(-1) as SignatureField).range;
  const documentHash = createHash('sha256')
    .update(Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]))
    .digest('hex');
  const first = signatures[0] as SignatureReport;
  const organisation = signatures.find((s) => s.kind === 'organisation')?.signer;
  const report = {
    ...(first.signer ? { signer: first.signer } : {}),
    ...(organisation ? { organisation: { name: organisation.name } } : {}),
    ...(first.chain ? { chain: first.chain } : {}),
    ...(first.signingTime ? { signingTime: first.signingTime } : {}),
    documentHash,
    ...(dossierCode ? { dossierCode } : {}),
    signatures,
  };
  const failed = signatures.find((s) => !s.valid);
  if (failed?.code) return invalid(failed.code, failed.reason ?? '', report);
  return { valid: true, ...report };
}

function verifySignature(
  pdf: Uint8Array,
  { range, hex }: SignatureField,
  roots: readonly X509Certificate[],
  last: boolean,
): SignatureReport {
  const [a, b, c, d] = range;
  const fail = (code: NonNullable<SignatureReport['code']>, reason: string, extra: Partial<SignatureReport> = {}) =>
    ({ valid: false, code, reason, ...extra }) satisfies SignatureReport;
  const end = c + d;
  const coversWholeDocument = end === pdf.length;
  // An earlier signature covers its own revision, which ends where the next update begins.
  const revisionEnds = last
    ? coversWholeDocument
    : end < pdf.length && /%%EOF\s*$/.test(Buffer.from(pdf.subarray(Math.max(0, end - 8), end)).toString('latin1'));
  if (a !== 0 || b < 0 || c < a + b || !revisionEnds || !/^[0-9a-fA-F]+$/.test(hex)) {
    return fail('modified', 'Chữ ký không bao trùm toàn bộ tệp: tệp đã bị thay đổi sau khi ký.', {
      coversWholeDocument,
    });
  }
  const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, end)]);
  let parsed: ReturnType<typeof readCms>;
  let certificates: X509Certificate[];
  let leaf: X509Certificate | undefined;
  try {
    // The placeholder is padded with zeros after the DER: read one DER value, whatever follows it
    // (a signature whose own last byte is 0x00 must not lose it).
    parsed = readCms(new Uint8Array(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex')));
    certificates = parsed.certificates.map((der) => new X509Certificate(der));
    leaf = parsed.signerCertificate && new X509Certificate(parsed.signerCertificate);
  } catch {
    return fail('malformed', 'Không đọc được chữ ký số trong tệp.', { coversWholeDocument });
  }
  if (!leaf || !parsed.signerCertificate) {
    return fail('malformed', 'Chữ ký không kèm chứng thư số.', { coversWholeDocument });
  }
  const { signedAttributes, signature, messageDigest, signingTime } = parsed;
  const signer = names(parsed.signerCertificate);
  const report: SignatureReport = {
    valid: false,
    kind: signer.name !== '' && signer.name === signer.agency ? 'organisation' : 'person',
    signer,
    chain: parsed.certificates.map((der) => names(der).name),
    ...(signingTime ? { signingTime: signingTime.toISOString() } : {}),
    coversWholeDocument,
  };
  if (messageDigest !== createHash('sha256').update(signed).digest('hex')) {
    return { ...report, code: 'modified', reason: 'Nội dung tệp đã bị thay đổi sau khi ký.' };
  }
  const signerKey = leaf.publicKey;
  const verified = attempt(() => verify('sha256', signedAttributes, signerKey, signature));
  if (!verified) return { ...report, code: 'bad-signature', reason: 'Chữ ký số không khớp với chứng thư số.' };
  const intermediates = certificates.filter((cert) => cert.fingerprint256 !== leaf.fingerprint256);
  const root = trustedRootOf(leaf, intermediates, roots, signingTime ?? new Date());
  if (!root) {
    return { ...report, code: 'untrusted', reason: 'Chứng thư số không do tổ chức chứng thực tin cậy cấp.' };
  }
  return { ...report, valid: true, chain: [...(report.chain ?? []), names(new Uint8Array(root.raw)).name] };
}

/** A check that throws on malformed input (a key of another type, a truncated signature) says no. */
function attempt(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}

/** SHA-256 of bytes, hex. */
export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
