/**
 * The few S3 calls the platform makes (head, get, put, copy, delete, presigned GET and POST), signed
 * with the SDK's own Signature V4 signer and sent through the SDK's own HTTP handler, which every
 * function already bundles for DynamoDB. `@aws-sdk/client-s3` with its presigners weighed ~100 KB of
 * each of 11 bundles (a fifth of their start-up, docs/design.md §10) for these seven operations.
 * tests/unit/documents/s3-rest.test.ts checks the signatures against AWS's published examples and the
 * presigned URLs and forms against the SDK's presigners.
 */
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { Hash, toHex, toUint8Array } from '@smithy/core/serde';
import { HttpRequest } from '@smithy/core/transport';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { createScope, getSigningKey, SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { Readable } from 'node:stream';

export interface S3RestOptions {
  bucket: string;
  /** `bucket` in the path (the local emulator) rather than in the host name. */
  forcePathStyle: boolean;
  region?: string;
  /** Where S3 answers; AWS_ENDPOINT_URL_S3 (the local cloud), else the region's public endpoint. */
  endpoint?: string;
  credentials?: AwsCredentialIdentityProvider;
  /** Attempts of a call S3 answered with a 5xx, a 429 or not at all (the SDK's standard mode: 3). */
  maxAttempts?: number;
}

export interface S3Response {
  status: number;
  headers: Record<string, string>;
  /** The body, unread: the caller streams it, collects it or drains it. */
  body: Readable;
}

/** A refusal of S3, with its error code (`NoSuchKey`, `AccessDenied`, …) and status. */
export class S3Error extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(`S3 ${status} ${code}: ${message}`);
    this.name = 'S3Error';
  }
}

type Method = 'GET' | 'HEAD' | 'PUT' | 'DELETE';

/**
 * Where every S3 call goes out, named by its S3 operation: one object the benchmarks observe, as they
 * observe the SDK clients' `send` (tests/bench/support/sdk-calls.ts), so the cost and the round trips
 * count S3 as they did when it was reached through the SDK.
 */
export const s3Transport = {
  send: (http: NodeHttpHandler, request: HttpRequest, _call: { operation: string; bucket: string; key: string }) =>
    http.handle(request),
};

/** The S3 API's name for a call. */
const operationOf = (method: Method, headers: Record<string, string> = {}): string =>
  method === 'PUT' && 'x-amz-copy-source' in headers
    ? 'CopyObject'
    : { GET: 'GetObject', HEAD: 'HeadObject', PUT: 'PutObject', DELETE: 'DeleteObject' }[method];

const sha256 = Hash.bind(null, 'sha256');
const retryable = (status: number) => status >= 500 || status === 429;

/** S3's URI encoding of a key: RFC 3986 per segment, slashes kept (encodeURIComponent leaves !'()* as they are). */
export const encodeKey = (key: string): string =>
  key
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    )
    .join('/');

export function s3Rest(options: S3RestOptions) {
  const region = options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const base = new URL(options.endpoint ?? process.env.AWS_ENDPOINT_URL_S3 ?? `https://s3.${region}.amazonaws.com`);
  const credentials = options.credentials ?? defaultProvider();
  const maxAttempts = options.maxAttempts ?? 3;
  const signer = new SignatureV4({ service: 's3', region, credentials, sha256, uriEscapePath: false });
  const http = new NodeHttpHandler();
  const { bucket } = options;
  const hostname = options.forcePathStyle ? base.hostname : `${bucket}.${base.hostname}`;
  const port = base.port ? Number(base.port) : undefined;
  const host = base.port ? `${hostname}:${base.port}` : hostname;
  const basePath = base.pathname.replace(/\/$/, '');
  const pathOf = (key: string) => `${basePath}${options.forcePathStyle ? `/${bucket}` : ''}/${encodeKey(key)}`;
  const request = (method: string, key: string, headers: Record<string, string>, query = {}, body?: Uint8Array) =>
    new HttpRequest({
      method,
      protocol: base.protocol,
      hostname,
      ...(port ? { port } : {}),
      path: pathOf(key),
      query,
      headers: { host, ...headers },
      ...(body ? { body } : {}),
    });

  /** The request as S3 wants it signed (AWS: "Signature Calculations for the Authorization Header"). */
  async function sign(method: Method, key: string, init: { headers?: Record<string, string>; body?: Uint8Array } = {}) {
    const signed = (await signer.sign(request(method, key, init.headers ?? {}, {}, init.body))) as HttpRequest;
    // Sent, not signed: S3 needs the length of a PUT's body, and nothing is gained by signing it.
    if (init.body) signed.headers['content-length'] = String(init.body.byteLength);
    return signed;
  }

  /** A signed call; a refusal (4xx, or a 5xx after the retries) throws {@link S3Error} with S3's code. */
  async function send(
    method: Method,
    key: string,
    init: { headers?: Record<string, string>; body?: Uint8Array } = {},
  ): Promise<S3Response> {
    for (let attempt = 1; ; attempt++) {
      let answer: S3Response;
      const operation = operationOf(method, init.headers);
      try {
        const { response } = await s3Transport.send(http, await sign(method, key, init), { operation, bucket, key });
        answer = { status: response.statusCode, headers: response.headers, body: response.body as Readable };
      } catch (error) {
        if (attempt >= maxAttempts) throw error;
        await backoff(attempt);
        continue;
      }
      if (answer.status >= 300 || operation === 'CopyObject') {
        const text = await readText(answer.body);
        // A copy S3 has begun can still fail: its answer is then a 200 whose body is an <Error> (S3 CopyObject).
        const failed = answer.status >= 300 || text.includes('<Error>');
        if (!failed) return { ...answer, body: Readable.from([Buffer.from(text)]) };
        if ((answer.status === 200 || retryable(answer.status)) && attempt < maxAttempts) {
          await backoff(attempt);
          continue;
        }
        throw new S3Error(
          xmlField(text, 'Code') ?? String(answer.status),
          answer.status,
          xmlField(text, 'Message') ?? '',
        );
      }
      return answer;
    }
  }

  return {
    bucket,
    sign,
    send,

    /** The URL of a GET anyone holding it may make until `expiresInSeconds` from now. */
    async presignGet(key: string, expiresInSeconds: number, query: Record<string, string> = {}): Promise<string> {
      // The payload of a presigned URL is UNSIGNED-PAYLOAD (AWS: "Authenticating Requests: Using Query
      // Parameters"); the header only carries that to the signer, it is neither signed nor in the URL.
      const payload = new Set(['x-amz-content-sha256']);
      const unsigned = request('GET', key, { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' }, query);
      const signed = await signer.presign(unsigned, {
        expiresIn: expiresInSeconds,
        unhoistableHeaders: payload,
        unsignableHeaders: payload,
      });
      const search = Object.entries(signed.query ?? {})
        .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(String(value))}`)
        .join('&');
      return `${base.protocol}//${host}${signed.path}?${search}`;
    },

    /**
     * A browser form's POST policy (AWS: "Creating a POST policy", Signature V4): the policy lists
     * `conditions` and every field of the form, and is signed with the day's signing key.
     */
    async presignPost(
      key: string,
      conditions: unknown[],
      fields: Record<string, string>,
      expiresInSeconds: number,
    ): Promise<{ url: string; fields: Record<string, string> }> {
      const identity = await credentials();
      const now = new Date();
      const longDate = iso8601(now).replace(/[-:]/g, '');
      const shortDate = longDate.slice(0, 8);
      const formFields: Record<string, string> = {
        ...fields,
        bucket,
        'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
        'X-Amz-Credential': `${identity.accessKeyId}/${createScope(shortDate, region, 's3')}`,
        'X-Amz-Date': longDate,
        ...(identity.sessionToken ? { 'X-Amz-Security-Token': identity.sessionToken } : {}),
      };
      const policy = {
        expiration: iso8601(new Date(now.getTime() + expiresInSeconds * 1000)),
        conditions: [...conditions, ...Object.entries(formFields).map(([name, value]) => ({ [name]: value })), { key }],
      };
      const encodedPolicy = Buffer.from(JSON.stringify(policy), 'utf8').toString('base64');
      const hmac = new Hash('sha256', await getSigningKey(sha256, identity, shortDate, region, 's3'));
      hmac.update(toUint8Array(encodedPolicy));
      return {
        url: `${base.protocol}//${host}${basePath}${options.forcePathStyle ? `/${bucket}` : ''}`,
        fields: { ...formFields, key, Policy: encodedPolicy, 'X-Amz-Signature': toHex(await hmac.digest()) },
      };
    },
  };
}

export type S3Rest = ReturnType<typeof s3Rest>;

const iso8601 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The SDK's standard backoff: full jitter on an exponential base of 100 ms, capped at 20 s. */
const backoff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(20_000, 100 * 2 ** attempt)));

export async function readBytes(body: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

const readText = async (body: Readable) => Buffer.from(await readBytes(body)).toString('utf8');

/** One field of S3's XML error document (`<Error><Code>NoSuchKey</Code>…`). */
const xmlField = (xml: string, name: string): string | undefined =>
  new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
