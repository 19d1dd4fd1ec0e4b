/**
 * A local certificate authority for the local cloud and the tests: root → province CA → one
 * certificate per leader and one organisation certificate per agency (its subject names the agency
 * as common name and organisation), each created on first use and kept (in a directory when given, so `npm start`
 * signs with the same chain across restarts; in memory otherwise). Never used in the cloud.
 */
import { createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';
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

/** forge encodes the value as UTF-8 itself for a UTF8String. */
const utf8 = (value: string) => ({ value, valueTagClass: forge.asn1.Type.UTF8 as never });

function subject(commonName: string, organization: string) {
  return [
    { shortName: 'C', value: 'VN' },
    { shortName: 'O', ...utf8(organization) },
    { shortName: 'CN', ...utf8(commonName) },
  ];
}

function issue(
  commonName: string,
  organization: string,
  issuer: KeyAndCert | undefined,
  options: { ca: boolean; years: number; now: Date },
): KeyAndCert {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(options.now.getTime() - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(options.now.getTime() + options.years * 365 * 24 * 60 * 60 * 1000);
  cert.setSubject(subject(commonName, organization));
  const issuerCert = issuer ? forge.pki.certificateFromPem(issuer.certPem) : cert;
  // A parsed certificate holds UTF-8 bytes, which forge would encode a second time.
  cert.setIssuer(
    issuerCert.subject.attributes.map((a) =>
      issuer && (a.valueTagClass as unknown) === forge.asn1.Type.UTF8
        ? { ...a, value: forge.util.decodeUtf8(String(a.value)) }
        : a,
    ),
  );
  cert.setExtensions([
    { name: 'basicConstraints', cA: options.ca, critical: true },
    options.ca
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  const signingKey = forge.pki.privateKeyFromPem(issuer?.keyPem ?? keyPem);
  cert.sign(signingKey, forge.md.sha256.create());
  return { keyPem, certPem: forge.pki.certificateToPem(cert) };
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
