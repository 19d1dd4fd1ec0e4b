/**
 * A client of a remote signing service (RSSP) speaking the Cloud Signature Consortium API v2
 * (v2.0.0.2): `info`, `oauth2/token`, `credentials/list`, `credentials/info`, `credentials/authorize`,
 * `signatures/signHash` and, for a service that answers once the signer approved on their phone,
 * `signatures/signPolling`. Request and response fields carry the specification's names.
 *
 * Service authorization is OAuth 2.0 client credentials (the platform is a server, nobody types a
 * password into it); the access token is kept until it expires and fetched again, once, when the
 * service answers 401 before that.
 */

/** SHA-256 (hashAlgorithmOID) and RSA (signAlgo: PKCS#1 v1.5 over the DigestInfo of that hash). */
export const cscOids = {
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
} as const;

/** Why a call to the signing service failed; `error` is the CSC error code when the service gave one. */
export class CscCallFailed extends Error {
  constructor(
    readonly method: string,
    readonly status: number | undefined,
    readonly error: string | undefined,
    readonly description: string | undefined,
  ) {
    // The service's own words, never the request (it may hold the client secret or a SAD).
    super(
      `CSC ${method} failed${status ? `: ${status}` : ''}${error ? ` ${error}` : ''}${description ? ` (${description})` : ''}`,
    );
    this.name = 'CscCallFailed';
  }

  /** The SAD was refused (expired, used, or for other hashes): a new authorization may succeed. */
  get sadRejected(): boolean {
    return this.status === 400 && /\bSAD\b/i.test(`${this.error ?? ''} ${this.description ?? ''}`);
  }
}

export interface CscInfo {
  specs?: string;
  name?: string;
  /** Base URI of the service's OAuth 2.0 authorization server. */
  oauth2?: string;
  methods?: string[];
}

export interface CscCredentialInfo {
  key: { status?: string; algo: string[]; len?: number };
  cert?: { status?: string; certificates?: string[]; subjectDN?: string; issuerDN?: string; serialNumber?: string };
  authMode?: string;
  SCAL?: string;
  multisign?: number;
}

export type SignHashAnswer = { signatures: string[] } | { responseID: string };

export interface CscClientOptions {
  /** The API's base, `…/csc/v2/`. */
  baseUrl: string;
  clientId: string;
  /** Read when a token is needed (a rotated secret is picked up on the next token). */
  clientSecret: () => Promise<string>;
  timeoutMs: number;
  now?: () => number;
}

export interface CscClient {
  info(): Promise<CscInfo>;
  credentialsList(userID: string): Promise<string[]>;
  credentialsInfo(credentialID: string): Promise<CscCredentialInfo>;
  authorize(input: {
    credentialID: string;
    hashes: string[];
    description?: string;
    clientData?: string;
  }): Promise<{ SAD: string; expiresIn?: number }>;
  signHash(input: {
    credentialID: string;
    SAD: string;
    hashes: string[];
    signAlgo: string;
    operationMode: 'S' | 'A';
    clientData?: string;
  }): Promise<SignHashAnswer>;
  /** The signatures once the signer approved, `undefined` while the request is still pending. */
  signPolling(responseID: string): Promise<string[] | undefined>;
}

interface Token {
  value: string;
  expiresAt: number;
}

/** A token is renewed this long before its stated expiry, so it never expires mid-call. */
const tokenMarginMs = 30_000;

export function cscClient(options: CscClientOptions): CscClient {
  const now = options.now ?? Date.now;
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  let info: Promise<CscInfo> | undefined;
  let cached: Token | undefined;
  let fetching: Promise<Token> | undefined;

  async function post(method: string, url: string, init: RequestInit): Promise<{ status: number; body: unknown }> {
    const response = await fetch(url, {
      ...init,
      method: 'POST',
      signal: AbortSignal.timeout(options.timeoutMs),
    }).catch((error: unknown) => {
      throw new CscCallFailed(method, undefined, undefined, `unreachable: ${(error as Error).message}`);
    });
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = {};
    }
    return { status: response.status, body };
  }

  const failure = (method: string, status: number, body: unknown) => {
    const { error, error_description } = (body ?? {}) as { error?: unknown; error_description?: unknown };
    return new CscCallFailed(
      method,
      status,
      typeof error === 'string' ? error : undefined,
      typeof error_description === 'string' ? error_description : undefined,
    );
  };

  function serviceInfo(): Promise<CscInfo> {
    info ??= (async () => {
      const { status, body } = await post('info', `${base}info`, json({}));
      if (status !== 200) throw failure('info', status, body);
      return body as CscInfo;
    })();
    info.catch(() => {
      info = undefined;
    });
    return info;
  }

  /** The cached token while it has more than the margin left; one request for a new one at a time. */
  function accessToken(): Promise<Token> {
    if (cached && cached.expiresAt - tokenMarginMs > now()) return Promise.resolve(cached);
    fetching ??= (async () => {
      try {
        const { oauth2 } = await serviceInfo();
        const server = oauth2 ?? new URL(base).origin;
        const form = new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: options.clientId,
          client_secret: await options.clientSecret(),
          scope: 'service',
        });
        const { status, body } = await post('oauth2/token', `${server.replace(/\/$/, '')}/oauth2/token`, {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
        });
        const { access_token, expires_in } = body as { access_token?: unknown; expires_in?: unknown };
        if (status !== 200 || typeof access_token !== 'string') throw failure('oauth2/token', status, body);
        cached = {
          value: access_token,
          expiresAt: now() + (typeof expires_in === 'number' ? expires_in : 3600) * 1000,
        };
        return cached;
      } finally {
        fetching = undefined;
      }
    })();
    return fetching;
  }

  /** An authorized call; a 401 (token revoked or expired early) fetches a new token and tries once more. */
  async function call<T>(method: string, payload: Record<string, unknown>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const current = await accessToken();
      const { status, body } = await post(method, `${base}${method}`, {
        ...json(payload),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${current.value}` },
      });
      if (status === 200) return body as T;
      if (status === 401 && attempt === 0) {
        if (cached === current) cached = undefined;
        continue;
      }
      throw failure(method, status, body);
    }
  }

  return {
    info: serviceInfo,
    async credentialsList(userID) {
      const { credentialIDs } = await call<{ credentialIDs?: string[] }>('credentials/list', { userID });
      return credentialIDs ?? [];
    },
    credentialsInfo: (credentialID) =>
      call<CscCredentialInfo>('credentials/info', {
        credentialID,
        certificates: 'chain',
        certInfo: true,
        authInfo: true,
      }),
    async authorize({ credentialID, hashes, description, clientData }) {
      const answer = await call<{ SAD?: string; expiresIn?: number }>('credentials/authorize', {
        credentialID,
        numSignatures: hashes.length,
        hashes,
        hashAlgorithmOID: cscOids.sha256,
        ...(description ? { description } : {}),
        ...(clientData ? { clientData } : {}),
      });
      if (!answer.SAD) throw new CscCallFailed('credentials/authorize', 200, undefined, 'no SAD in the answer');
      return { SAD: answer.SAD, ...(answer.expiresIn === undefined ? {} : { expiresIn: answer.expiresIn }) };
    },
    async signHash({ credentialID, SAD, hashes, signAlgo, operationMode, clientData }) {
      const answer = await call<{ signatures?: string[]; responseID?: string }>('signatures/signHash', {
        credentialID,
        SAD,
        hashes,
        hashAlgorithmOID: cscOids.sha256,
        signAlgo,
        operationMode,
        ...(clientData ? { clientData } : {}),
      });
      if (answer.signatures) return { signatures: answer.signatures };
      if (answer.responseID) return { responseID: answer.responseID };
      throw new CscCallFailed('signatures/signHash', 200, undefined, 'neither signatures nor responseID');
    },
    async signPolling(responseID) {
      // While the signer has not approved, the service answers without signatures.
      const answer = await call<{ signatures?: string[] }>('signatures/signPolling', { responseID });
      return answer.signatures && answer.signatures.length > 0 ? answer.signatures : undefined;
    },
  };
}

const json = (payload: unknown): RequestInit => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(payload),
});
