/**
 * A remote signing service (RSSP) as the local cloud plays it, speaking the Cloud Signature
 * Consortium API v2 over HTTP as VNPT SmartCA or Viettel MySign would: OAuth 2.0 client credentials,
 * one RSA credential per enrolled user, SADs bound to the hashes (SCAL2), single use and short-lived,
 * and, in asynchronous mode, a signature that exists only once the signer approved on their phone.
 * The keys and certificates come from a local certificate authority (shared/documents/signing/local-ca.ts).
 *
 * Fault injection for the tests: the next calls fail with a status, every token is revoked, the next
 * SAD is expired on arrival, approvals are held until the test gives them.
 */
import { constants, createHash, privateEncrypt, randomBytes, timingSafeEqual, X509Certificate } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { localCertificateAuthority } from '../../../shared/documents/signing/local-ca.ts';
import type { SignerIdentity } from '../../../shared/documents/signing/signer.ts';

const oids = {
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
};
/** DER of DigestInfo { sha256, NULL } before the 32-byte digest (RFC 8017, 9.2 note 1). */
const sha256DigestInfo = Buffer.from('3031300d060960864801650304020105000420', 'hex');

export interface CscSimulatorOptions {
  clientId: string;
  clientSecret: string;
  /** Who the CA enrolled under a userID: the name and agency its certificate names. */
  directory: (userID: string) => Promise<SignerIdentity | undefined>;
  /** Where the CA keeps its chain (in memory when absent). */
  caDirectory?: string;
  tokenLifetimeSeconds?: number;
  sadLifetimeSeconds?: number;
  /**
   * Asynchronous requests: approved after this many polls that answered pending (0: at the first poll),
   * or `manual`: only when the test calls approve().
   */
  approval?: number | 'manual';
  host?: string;
}

export interface CscCall {
  method: string;
  body: Record<string, unknown>;
  status: number;
}

interface Credential {
  credentialID: string;
  identity: SignerIdentity;
}

interface Pending {
  credentialID: string;
  hashes: string[];
  polls: number;
  approved: boolean;
}

export interface CscSimulator {
  /** The server's origin; the API is under `/csc/v2/`, OAuth under `/oauth2/`. */
  url: string;
  /** Every call, in order, with the status it was answered. */
  calls: CscCall[];
  /** PEM of the CA's root: what the platform is configured to trust. */
  trustedRoot(): Promise<string>;
  /** The next `count` API calls are answered with `status`. */
  failNext(count: number, status?: number): void;
  /** Every token issued so far stops working (as after the service restarted or revoked them). */
  revokeTokens(): void;
  /** The next SAD issued is already expired when it comes back with signHash. */
  expireNextSad(): void;
  setApproval(approval: number | 'manual'): void;
  /** responseIDs waiting for the signer's approval. */
  pending(): string[];
  approve(responseID: string): void;
  close(): Promise<void>;
}

export async function startCscSimulator(options: CscSimulatorOptions): Promise<CscSimulator> {
  const ca = localCertificateAuthority({ ...(options.caDirectory ? { directory: options.caDirectory } : {}) });
  const tokens = new Map<string, number>();
  const sads = new Map<string, { credentialID: string; hashes: string[]; expiresAt: number }>();
  const credentials = new Map<string, Credential>();
  const byUser = new Map<string, string>();
  const requests = new Map<string, Pending>();
  const calls: CscCall[] = [];
  let failures = { remaining: 0, status: 503 };
  let expireNext = false;
  let approval = options.approval ?? 0;
  let url = '';

  const tokenLifetime = options.tokenLifetimeSeconds ?? 3600;
  const sadLifetime = options.sadLifetimeSeconds ?? 300;
  const problem = (status: number, error: string, description: string) => ({
    status,
    body: { error, error_description: description },
  });
  const invalid = (description: string) => problem(400, 'invalid_request', description);

  async function enrol(userID: string): Promise<Credential | undefined> {
    const known = byUser.get(userID);
    if (known) return credentials.get(known);
    const identity = await options.directory(userID);
    if (!identity) return undefined;
    await ca.certificateFor(identity);
    const credentialID = `cred-${createHash('sha256').update(userID).digest('hex').slice(0, 16)}`;
    const credential = { credentialID, identity };
    credentials.set(credentialID, credential);
    byUser.set(userID, credentialID);
    return credential;
  }

  function keyOf({ identity }: Credential) {
    const state = ca.state();
    const holder = identity.organisation ? state.organisations?.[identity.sub] : state.leaders[identity.sub];
    if (!holder) throw new Error(`no key for ${identity.sub}`);
    return holder;
  }

  const sign = (credential: Credential, hashes: string[]) =>
    hashes.map((hash) =>
      privateEncrypt(
        { key: keyOf(credential).keyPem, padding: constants.RSA_PKCS1_PADDING },
        Buffer.concat([sha256DigestInfo, Buffer.from(hash, 'base64')]),
      ).toString('base64'),
    );

  const derOf = (pem: string) => new X509Certificate(pem).raw.toString('base64');

  type Reply = { status: number; body: unknown };
  const api: Record<string, (body: Record<string, unknown>) => Promise<Reply> | Reply> = {
    async 'credentials/list'(body) {
      const userID = String(body.userID ?? '');
      if (!userID) return invalid('Missing userID');
      const credential = await enrol(userID);
      return { status: 200, body: { credentialIDs: credential ? [credential.credentialID] : [] } };
    },
    async 'credentials/info'(body) {
      const credential = credentials.get(String(body.credentialID));
      if (!credential) return invalid('Invalid parameter credentialID');
      const { certificate, chain } = await ca.certificateFor(credential.identity);
      const leaf = new X509Certificate(certificate);
      return {
        status: 200,
        body: {
          key: { status: 'enabled', algo: [oids.rsaEncryption, oids.sha256WithRsa], len: 2048 },
          // The end entity and the issuing CA, without the root, as many services answer: the platform
          // completes the chain with the root it is configured to trust.
          cert: {
            status: 'valid',
            certificates: [certificate, ...chain.slice(0, -1)].map(derOf),
            issuerDN: leaf.issuer,
            subjectDN: leaf.subject,
            serialNumber: leaf.serialNumber,
            validFrom: leaf.validFrom,
            validTo: leaf.validTo,
          },
          authMode: 'implicit',
          SCAL: '2',
          multisign: 1,
          lang: 'vi',
        },
      };
    },
    'credentials/authorize'(body) {
      const credentialID = String(body.credentialID);
      if (!credentials.has(credentialID)) return invalid('Invalid parameter credentialID');
      const hashes = body.hashes as string[] | undefined;
      if (!Array.isArray(hashes) || hashes.length !== Number(body.numSignatures)) {
        return invalid('Invalid parameter hashes or numSignatures');
      }
      if (body.hashAlgorithmOID !== oids.sha256) return invalid('Invalid parameter hashAlgorithmOID');
      const SAD = randomBytes(24).toString('base64url');
      sads.set(SAD, { credentialID, hashes, expiresAt: expireNext ? 0 : Date.now() + sadLifetime * 1000 });
      expireNext = false;
      return { status: 200, body: { SAD, expiresIn: sadLifetime } };
    },
    'signatures/signHash'(body) {
      const credential = credentials.get(String(body.credentialID));
      if (!credential) return invalid('Invalid parameter credentialID');
      const hashes = body.hashes as string[] | undefined;
      if (!Array.isArray(hashes) || hashes.length === 0) return invalid('Invalid parameter hashes');
      if (body.hashAlgorithmOID !== oids.sha256) return invalid('Invalid parameter hashAlgorithmOID');
      if (body.signAlgo !== oids.rsaEncryption && body.signAlgo !== oids.sha256WithRsa) {
        return invalid('Invalid parameter signAlgo');
      }
      const sad = sads.get(String(body.SAD));
      sads.delete(String(body.SAD));
      if (!sad || sad.credentialID !== credential.credentialID) return invalid('Invalid parameter SAD');
      if (sad.expiresAt <= Date.now()) return invalid('SAD expired');
      if (sad.hashes.length !== hashes.length || sad.hashes.some((h, i) => h !== hashes[i])) {
        return invalid('Invalid parameter SAD: the hashes differ from the authorized ones');
      }
      if (body.operationMode === 'A') {
        const responseID = randomBytes(16).toString('hex');
        requests.set(responseID, { credentialID: credential.credentialID, hashes, polls: 0, approved: false });
        return { status: 200, body: { responseID } };
      }
      return { status: 200, body: { signatures: sign(credential, hashes) } };
    },
    'signatures/signPolling'(body) {
      const responseID = String(body.responseID);
      const request = requests.get(responseID);
      const credential = request && credentials.get(request.credentialID);
      if (!request || !credential) return invalid('Invalid parameter responseID');
      if (!request.approved && approval !== 'manual' && request.polls >= approval) request.approved = true;
      request.polls += 1;
      if (!request.approved) return { status: 200, body: {} };
      requests.delete(responseID);
      return { status: 200, body: { signatures: sign(credential, request.hashes) } };
    },
  };

  /** The answer to one request, with what it asked (the token request without its secret). */
  async function route(
    req: IncomingMessage,
    raw: string,
  ): Promise<Reply & { method: string; request: Record<string, unknown> }> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/oauth2/token') {
      const form = new URLSearchParams(raw);
      const head = {
        method: 'oauth2/token',
        request: { grant_type: form.get('grant_type'), client_id: form.get('client_id') },
      };
      if (form.get('grant_type') !== 'client_credentials') {
        return { ...head, ...problem(400, 'unsupported_grant_type', 'Only client_credentials') };
      }
      if (form.get('client_id') !== options.clientId || !same(form.get('client_secret') ?? '', options.clientSecret)) {
        return { ...head, ...problem(401, 'invalid_client', 'Invalid client credentials') };
      }
      const access_token = randomBytes(24).toString('base64url');
      tokens.set(access_token, Date.now() + tokenLifetime * 1000);
      return { ...head, status: 200, body: { access_token, token_type: 'Bearer', expires_in: tokenLifetime } };
    }
    const method = path.replace(/^\/csc\/v2\//, '');
    let request: Record<string, unknown> = {};
    try {
      request = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return { method, request, ...invalid('Malformed JSON') };
    }
    if (method === 'info') {
      return {
        method,
        request,
        status: 200,
        body: {
          specs: '2.0.0.2',
          name: 'Dịch vụ ký số từ xa (mô phỏng)',
          region: 'VN',
          lang: 'vi',
          description: 'Remote signing service simulated for the local cloud',
          authType: ['oauth2client'],
          oauth2: url,
          methods: [
            'credentials/list',
            'credentials/info',
            'credentials/authorize',
            'signatures/signHash',
            'signatures/signPolling',
          ],
        },
      };
    }
    const handler = api[method];
    if (!handler) return { method, request, ...problem(404, 'invalid_request', `No method ${method}`) };
    if (failures.remaining > 0) {
      failures.remaining -= 1;
      return { method, request, ...problem(failures.status, 'server_error', 'Simulated failure') };
    }
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    const expiresAt = bearer ? tokens.get(bearer) : undefined;
    if (!expiresAt || expiresAt <= Date.now()) {
      return { method, request, ...problem(401, 'invalid_token', 'The access token is expired or invalid') };
    }
    return { method, request, ...(await handler(request)) };
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST') return send(405, { error: 'invalid_request' });
      route(req, raw)
        .then((reply) => {
          calls.push({ method: reply.method, body: reply.request, status: reply.status });
          send(reply.status, reply.body);
        })
        .catch((error: unknown) => send(500, { error: 'server_error', error_description: (error as Error).message }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, options.host ?? '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    calls,
    trustedRoot: async () => (await ca.trustedRoots())[0] as string,
    failNext(count, status = 503) {
      failures = { remaining: count, status };
    },
    revokeTokens: () => tokens.clear(),
    expireNextSad() {
      expireNext = true;
    },
    setApproval(value) {
      approval = value;
    },
    pending: () => [...requests].filter(([, r]) => !r.approved).map(([id]) => id),
    approve(responseID) {
      const request = requests.get(responseID);
      if (request) request.approved = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
