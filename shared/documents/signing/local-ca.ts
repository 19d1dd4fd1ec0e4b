/**
 * A local certificate authority for the local cloud and the tests: root → province CA → one
 * certificate per leader and one organisation certificate per agency (its subject names the agency
 * as common name and organisation), each created on first use and kept (in a directory when given, so `npm start`
 * signs with the same chain across restarts; in memory otherwise). Never used in the cloud.
 */
import { createHash, createSign, generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  bitString,
  boolean,
  certificateFields,
  child,
  context,
  derToPem,
  integer,
  nullValue,
  octetString,
  oid,
  printableString,
  readDer,
  sequence,
  set,
  tag,
  time,
  utf8String,
} from './der.ts';
import type { Signer, SignerIdentity, SigningCertificate } from './signer.ts';

interface KeyAndCert {
  keyPem: string;
  certPem: string;
}

interface CaState {
  root: KeyAndCert;
  province: KeyAndCert;
  leaders: Record<string, KeyAndCert>;
  /** By agency id; absent in a chain kept before organisation certificates existed. */
  organisations?: Record<string, KeyAndCert>;
}

const sha256WithRsa = sequence(oid('1.2.840.113549.1.1.11'), nullValue());

/** C=VN, O, CN; the names in UTF-8 (Vietnamese). */
const name = (commonName: string, organization: string) =>
  sequence(
    set(sequence(oid('2.5.4.6'), printableString('VN'))),
    set(sequence(oid('2.5.4.10'), utf8String(organization))),
    set(sequence(oid('2.5.4.3'), utf8String(commonName))),
  );

const extension = (id: string, critical: boolean, value: Uint8Array) =>
  sequence(oid(id), ...(critical ? [boolean(true)] : []), octetString(value));

/**
 * Key usage as a DER named BIT STRING (X.690 11.2.2: trailing zero bits dropped): a CA's keyCertSign
 * and cRLSign (bits 5, 6: 0x06, one unused bit), a signer's digitalSignature and nonRepudiation
 * (bits 0, 1: 0xC0, six unused bits).
 */
const keyUsage = (ca: boolean) => Uint8Array.from(ca ? [tag.bitString, 2, 1, 0x06] : [tag.bitString, 2, 6, 0xc0]);

/** An X.509 v3 certificate (RFC 5280), signed by `issuer`'s key, or by its own (a root) without one. */
function issue(
  commonName: string,
  organization: string,
  issuer: KeyAndCert | undefined,
  options: { ca: boolean; years: number; now: Date },
): KeyAndCert {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const spki = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
  // Key identifier, RFC 5280 4.2.1.2 method (1): SHA-1 of the subjectPublicKey bits.
  const keyBits = child(readDer(spki), 1, tag.bitString).contents.subarray(1);
  const keyId = new Uint8Array(createHash('sha1').update(keyBits).digest());
  const subject = name(commonName, organization);
  // The issuer's name exactly as its certificate encodes it, so the names match byte for byte.
  const issuerName = issuer
    ? certificateFields(new Uint8Array(new X509Certificate(issuer.certPem).raw)).subject.raw
    : subject;
  const tbs = sequence(
    context(0, integer(2)),
    integer(Uint8Array.from([1, ...randomBytes(15)])),
    sha256WithRsa,
    issuerName,
    sequence(
      time(new Date(options.now.getTime() - 60 * 60 * 1000)),
      time(new Date(options.now.getTime() + options.years * 365 * 24 * 60 * 60 * 1000)),
    ),
    subject,
    spki,
    context(
      3,
      sequence(
        extension('2.5.29.19', true, options.ca ? sequence(boolean(true)) : sequence()),
        extension('2.5.29.15', true, keyUsage(options.ca)),
        extension('2.5.29.14', false, octetString(keyId)),
      ),
    ),
  );
  const signature = createSign('sha256')
    .update(tbs)
    .sign(issuer?.keyPem ?? keyPem);
  const certificate = sequence(tbs, sha256WithRsa, bitString(new Uint8Array(signature)));
  return { keyPem, certPem: derToPem(certificate) };
}

/** The root certificate's PEM file in the CA's directory. */
export const localCaRootFile = 'root.pem';

export interface LocalCaOptions {
  /** Where the chain is kept; in memory when absent. */
  directory?: string;
  provinceName?: string;
  now?: () => Date;
}

export function localCertificateAuthority(options: LocalCaOptions = {}): Signer & { state(): CaState } {
  const province = options.provinceName ?? 'Tỉnh Bắc Ninh';
  const now = options.now ?? (() => new Date());
  const file = options.directory ? join(options.directory, 'local-ca.json') : undefined;
  let state: CaState | undefined;

  const load = (): CaState => {
    if (state) return state;
    if (file && existsSync(file)) {
      state = JSON.parse(readFileSync(file, 'utf8')) as CaState;
      writeRoot(state);
      return state;
    }
    const root = issue('egov-one-stop Local Root CA (thử nghiệm)', 'egov-one-stop', undefined, {
      ca: true,
      years: 20,
      now: now(),
    });
    const provinceCa = issue(`CA ${province} (thử nghiệm)`, `UBND ${province}`, root, {
      ca: true,
      years: 10,
      now: now(),
    });
    state = { root, province: provinceCa, leaders: {}, organisations: {} };
    persist();
    return state;
  };
  const persist = () => {
    if (!file || !state || !options.directory) return;
    mkdirSync(options.directory, { recursive: true });
    writeFileSync(file, JSON.stringify(state, null, 2), { mode: 0o600 });
    writeRoot(state);
  };
  /** The root alone, public, for the tools that check a signed result by hand (openssl, pdfsig's NSS store). */
  const writeRoot = (ca: CaState) => {
    if (options.directory) writeFileSync(join(options.directory, localCaRootFile), ca.root.certPem);
  };
  const keyOf = (identity: SignerIdentity): KeyAndCert => {
    const ca = load();
    const holders = identity.organisation ? (ca.organisations ??= {}) : ca.leaders;
    const existing = holders[identity.sub];
    if (existing) return existing;
    const commonName = identity.organisation ? identity.agencyName : identity.name;
    const issued = issue(commonName, identity.agencyName, ca.province, { ca: false, years: 3, now: now() });
    holders[identity.sub] = issued;
    persist();
    return issued;
  };

  return {
    async certificateFor(identity) {
      const ca = load();
      return {
        certificate: keyOf(identity).certPem,
        chain: [ca.province.certPem, ca.root.certPem],
      } satisfies SigningCertificate;
    },
    async sign(identity, data) {
      return new Uint8Array(createSign('sha256').update(data).sign(keyOf(identity).keyPem));
    },
    async trustedRoots() {
      return [load().root.certPem];
    },
    state: load,
  };
}
