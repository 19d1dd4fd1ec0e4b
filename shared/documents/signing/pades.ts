/**
 * PAdES signatures (ETSI.CAdES.detached: a CMS SignedData over the PDF's byte ranges, SHA-256) made
 * through the {@link Signer} port, and their verification against trusted roots.
 */
import { createHash } from 'node:crypto';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import { Signer as SignPdfSigner, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import forge from 'node-forge';
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject, PDFString } from 'pdf-lib';
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
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const before = new Map(
    document.context.enumerateIndirectObjects().map(([ref, object]) => [ref.tag, fingerprint(object)]),
  );
  const existingFields = signatureFieldCount(document);
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
  nameLastSignatureField(document, `Signature${existingFields + 1}`);
  const prepared = incrementalUpdate(pdf, document, before);
  class PortSigner extends SignPdfSigner {
    override async sign(content: Buffer): Promise<Buffer> {
      return Buffer.from(await cmsSign(content, signer, identity, signingTime));
    }
  }
  return new Uint8Array(await new SignPdf().sign(prepared, new PortSigner(), signingTime));
}

const serialized = (object: PDFObject): Uint8Array => {
  const bytes = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(bytes, 0);
  return bytes;
};
const fingerprint = (object: PDFObject): string => createHash('sha256').update(serialized(object)).digest('hex');

const acroFormFields = (document: PDFDocument): PDFArray | undefined =>
  document.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict)?.lookupMaybe(PDFName.of('Fields'), PDFArray);

function signatureFieldCount(document: PDFDocument): number {
  const fields = acroFormFields(document);
  if (!fields) return 0;
  let count = 0;
  for (let i = 0; i < fields.size(); i++) {
    if (fields.lookupMaybe(i, PDFDict)?.get(PDFName.of('FT')) === PDFName.of('Sig')) count++;
  }
  return count;
}

/** The placeholder names every field "Signature1": field names must be unique (ISO 32000-1, 12.7.3.2). */
function nameLastSignatureField(document: PDFDocument, name: string) {
  const fields = acroFormFields(document);
  const widget = fields?.lookupMaybe(fields.size() - 1, PDFDict);
  if (!widget) throw new Error('The signature field was not added');
  widget.set(PDFName.of('T'), PDFString.of(name));
}

/**
 * Appends to `original` the objects of `document` that are new or differ from their state in
 * `before`, a cross-reference section for them and a trailer chained to the previous one (`/Prev`).
 */
function incrementalUpdate(original: Uint8Array, document: PDFDocument, before: ReadonlyMap<string, string>): Buffer {
  const text = Buffer.from(original).toString('latin1');
  const previous = [...text.matchAll(/startxref\s+(\d+)/g)].at(-1)?.[1];
  if (previous === undefined || !text.startsWith('xref', Number(previous))) {
    // An xref stream would need an xref stream in the update too; every PDF signed here has a table.
    throw new Error('Only PDFs with a cross-reference table can be signed incrementally');
  }
  const changed = document.context
    .enumerateIndirectObjects()
    .filter(([ref, object]) => before.get(ref.tag) !== fingerprint(object))
    .sort(([a], [b]) => a.objectNumber - b.objectNumber);
  const parts: Uint8Array[] = [Buffer.from(original), Buffer.from(text.endsWith('\n') ? '' : '\n')];
  let offset = parts.reduce((n, p) => n + p.length, 0);
  const entries: string[] = [];
  for (const [ref, object] of changed) {
    const head = Buffer.from(`${ref.objectNumber} ${ref.generationNumber} obj\n`, 'latin1');
    const body = serialized(object);
    const tail = Buffer.from('\nendobj\n', 'latin1');
    entries.push(
      `${ref.objectNumber} 1\n${String(offset).padStart(10, '0')} ${String(ref.generationNumber).padStart(5, '0')} n\r\n`,
    );
    parts.push(head, body, tail);
    offset += head.length + body.length + tail.length;
  }
  const { Root, Info, ID } = document.context.trailerInfo;
  const trailer = [
    `/Size ${document.context.largestObjectNumber + 1}`,
    `/Root ${String(Root)}`,
    ...(Info ? [`/Info ${String(Info)}`] : []),
    ...(ID ? [`/ID ${String(ID)}`] : []),
    `/Prev ${previous}`,
  ];
  parts.push(
    Buffer.from(
      `xref\n${entries.join('')}trailer\n<<\n${trailer.join('\n')}\n>>\nstartxref\n${offset}\n%%EOF\n`,
      'latin1',
    ),
  );
  return Buffer.concat(parts);
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

const attr = (cert: forge.pki.Certificate, name: string): string => {
  const value = cert.subject.getField(name)?.value as string | undefined;
  return value ? forge.util.decodeUtf8(value) : '';
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

/**
 * Checks every signature of a PDF: each covers its revision from the first byte, its digest matches,
 * it verifies and chains to a trusted root; the last one covers the whole file, so nothing was added
 * after the last signature.
 */
export async function verifyPdf(pdf: Uint8Array, trustedRoots: readonly string[]): Promise<VerificationReport> {
  const fields = signatureFields(pdf);
  if (fields.length === 0) return invalid('unsigned', 'Tệp không có chữ ký số.');
  let dossierCode: string | undefined;
  try {
    dossierCode = (await PDFDocument.load(pdf, { updateMetadata: false }))
      .getKeywords()
      ?.match(/[\w.]+-\d{6}-\d{4,}/)?.[0];
  } catch {
    dossierCode = undefined;
  }
  const signatures = fields.map((field, i) => verifySignature(pdf, field, trustedRoots, i === fields.length - 1));
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
  trustedRoots: readonly string[],
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
  let parsed: ReturnType<typeof parseCms>;
  try {
    // The placeholder is padded with zeros after the DER: parse one DER value, whatever follows it
    // (a signature whose own last byte is 0x00 must not lose it).
    parsed = parseCms(forge.util.hexToBytes(hex.length % 2 ? `${hex}0` : hex));
  } catch {
    return fail('malformed', 'Không đọc được chữ ký số trong tệp.', { coversWholeDocument });
  }
  const { certificates, signedAttrs, signature, messageDigest, signingTime, serial } = parsed;
  const leaf = certificates.find((cert) => cert.serialNumber === serial) ?? certificates[0];
  if (!leaf) return fail('malformed', 'Chữ ký không kèm chứng thư số.', { coversWholeDocument });
  const name = attr(leaf, 'CN');
  const agency = attr(leaf, 'O');
  const report: SignatureReport = {
    valid: false,
    kind: name !== '' && name === agency ? 'organisation' : 'person',
    signer: { name, agency },
    chain: certificates.map((cert) => attr(cert, 'CN')),
    ...(signingTime ? { signingTime: signingTime.toISOString() } : {}),
    coversWholeDocument,
  };
  if (messageDigest !== createHash('sha256').update(signed).digest('hex')) {
    return { ...report, code: 'modified', reason: 'Nội dung tệp đã bị thay đổi sau khi ký.' };
  }
  const digest = forge.md.sha256.create();
  digest.update(signedAttrs);
  const verified = attempt(() =>
    (leaf.publicKey as forge.pki.rsa.PublicKey).verify(digest.digest().bytes(), signature),
  );
  if (!verified) return { ...report, code: 'bad-signature', reason: 'Chữ ký số không khớp với chứng thư số.' };
  const store = pki.createCaStore(trustedRoots.map((pem) => pki.certificateFromPem(pem)));
  const path = [leaf, ...certificates.filter((cert) => cert !== leaf)];
  const trusted = attempt(() =>
    pki.verifyCertificateChain(store, path, { validityCheckDate: signingTime ?? new Date() }),
  );
  if (!trusted) {
    return { ...report, code: 'untrusted', reason: 'Chứng thư số không do tổ chức chứng thực tin cậy cấp.' };
  }
  const root = trustedRoots
    .map((pem) => pki.certificateFromPem(pem))
    .find((r) => r.subject.hash === path.at(-1)?.issuer.hash);
  return { ...report, valid: true, chain: [...(report.chain ?? []), ...(root ? [attr(root, 'CN')] : [])] };
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
  // One DER value; the zeros padding the placeholder after it are not part of it (node-forge takes the
  // option object at run time, its types only the older boolean).
  const fromDer = asn1.fromDer as unknown as (bytes: string, options: { parseAllBytes: boolean }) => forge.asn1.Asn1;
  const contentInfo = fromDer(der, { parseAllBytes: false });
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
