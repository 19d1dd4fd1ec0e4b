/**
 * The S3 calls are signed by hand-built requests (shared/adapters/s3/s3-rest.ts), so they are checked
 * against AWS's published Signature V4 examples for S3 (Amazon S3 API Reference, "Signature
 * Calculations for the Authorization Header: Transferring Payload in a Single Chunk" and
 * "Authenticating Requests: Using Query Parameters"), and the browser-upload form against the SDK's own
 * `createPresignedPost`.
 */
import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { documentStore } from '../../../shared/adapters/s3/document-store.ts';
import { encodeKey, s3Rest } from '../../../shared/adapters/s3/s3-rest.ts';

// The examples' key pair, day and bucket.
const credentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};
const example = () =>
  s3Rest({
    bucket: 'examplebucket',
    forcePathStyle: false,
    region: 'us-east-1',
    endpoint: 'https://s3.amazonaws.com',
    credentials: async () => credentials,
  });

/** The parts of an Authorization header (`AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`). */
const authorization = (header = '') =>
  Object.fromEntries(
    header
      .replace(/^AWS4-HMAC-SHA256 /, '')
      .split(/,\s*/)
      .map((part) => part.split('=')),
  );

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2013-05-24T00:00:00Z'));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('requests signed as AWS signs its examples', () => {
  it('GET Object with a range: the published signature', async () => {
    const signed = await example().sign('GET', 'test.txt', { headers: { range: 'bytes=0-9' } });
    expect(signed.hostname).toBe('examplebucket.s3.amazonaws.com');
    expect(signed.path).toBe('/test.txt');
    expect(authorization(signed.headers.authorization)).toEqual({
      Credential: 'AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request',
      SignedHeaders: 'host;range;x-amz-content-sha256;x-amz-date',
      Signature: 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    });
  });

  // The example signs a Date header too; the SDK's signer never sends one (x-amz-date stands for it), so
  // its published signature cannot come out: the path and the payload hash are the example's.
  it('PUT Object of "test$file.text": the key encoded in the path, the body hashed as in the example', async () => {
    const signed = await example().sign('PUT', 'test$file.text', {
      headers: { 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
      body: new TextEncoder().encode('Welcome to Amazon S3.'),
    });
    expect(signed.path).toBe('/test%24file.text');
    expect(signed.headers['x-amz-content-sha256']).toBe(
      '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072',
    );
    expect(authorization(signed.headers.authorization).SignedHeaders).toBe(
      'host;x-amz-content-sha256;x-amz-date;x-amz-storage-class',
    );
    // Sent, outside the signature.
    expect(signed.headers['content-length']).toBe('21');
  });

  it('a session token travels signed, as the role of a Lambda function gives one', async () => {
    const s3 = s3Rest({
      bucket: 'examplebucket',
      forcePathStyle: false,
      region: 'us-east-1',
      credentials: async () => ({ ...credentials, sessionToken: 'token-of-the-role' }),
    });
    const signed = await s3.sign('GET', 'test.txt');
    expect(signed.hostname).toBe('examplebucket.s3.us-east-1.amazonaws.com');
    expect(signed.headers['x-amz-security-token']).toBe('token-of-the-role');
    expect(signed.headers.authorization).toContain('x-amz-security-token');
  });

  it('the emulator is reached path-style, at its port', async () => {
    const s3 = s3Rest({
      bucket: 'documents',
      forcePathStyle: true,
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:4566',
      credentials: async () => credentials,
    });
    const signed = await s3.sign('GET', 'dossiers/24.001/a b.pdf');
    expect([signed.protocol, signed.hostname, signed.port, signed.path]).toEqual([
      'http:',
      '127.0.0.1',
      4566,
      '/documents/dossiers/24.001/a%20b.pdf',
    ]);
    expect(signed.headers.host).toBe('127.0.0.1:4566');
  });
});

describe('presigned', () => {
  it('GET URL: the published example, payload unsigned and only the host signed', async () => {
    const url = new URL(await example().presignGet('test.txt', 86_400));
    expect(`${url.origin}${url.pathname}`).toBe('https://examplebucket.s3.amazonaws.com/test.txt');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': 'AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request',
      'X-Amz-Date': '20130524T000000Z',
      'X-Amz-Expires': '86400',
      'X-Amz-SignedHeaders': 'host',
      'X-Amz-Signature': 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
    });
  });

  it('GET URL with a file name: the disposition is in the URL and under the signature', async () => {
    const plain = new URL(await example().presignGet('test.txt', 86_400));
    const named = new URL(
      await example().presignGet('test.txt', 86_400, {
        'response-content-disposition': 'attachment; filename="ket-qua.pdf"',
      }),
    );
    expect(named.searchParams.get('response-content-disposition')).toBe('attachment; filename="ket-qua.pdf"');
    expect(named.searchParams.get('X-Amz-Signature')).not.toBe(plain.searchParams.get('X-Amz-Signature'));
  });

  it('POST form: the same fields and policy as the SDK builds, signed with the day key', async () => {
    const key = 'uploads/24.001/giay-khai-sinh.pdf';
    const conditions = [
      ['eq', '$key', key],
      ['content-length-range', 1234, 1234],
      ['eq', '$Content-Type', 'application/pdf'],
    ];
    const ours = await example().presignPost(key, conditions, { 'Content-Type': 'application/pdf' }, 900);
    const sdk = await createPresignedPost(
      new S3Client({ region: 'us-east-1', credentials, endpoint: 'https://s3.amazonaws.com' }),
      {
        Bucket: 'examplebucket',
        Key: key,
        Conditions: conditions as never,
        Fields: { 'Content-Type': 'application/pdf' },
        Expires: 900,
      },
    );
    expect(ours.fields).toEqual(sdk.fields);
    expect(new URL(ours.url).href).toBe(new URL(sdk.url).href);
    // The signature is HMAC-SHA256 of the base64 policy under the signing key (AWS: "Calculating a signature").
    const step = (k: string | Buffer, data: string) => createHmac('sha256', k).update(data).digest();
    const signingKey = step(
      step(step(step(`AWS4${credentials.secretAccessKey}`, '20130524'), 'us-east-1'), 's3'),
      'aws4_request',
    );
    expect(ours.fields['X-Amz-Signature']).toBe(
      createHmac('sha256', signingKey)
        .update(ours.fields.Policy ?? '')
        .digest('hex'),
    );
    const policy = JSON.parse(Buffer.from(ours.fields.Policy ?? '', 'base64').toString('utf8'));
    expect(policy.expiration).toBe('2013-05-24T00:15:00Z');
  });
});

describe('keys in paths', () => {
  it("encodes each segment as RFC 3986 wants, the characters encodeURIComponent leaves (!'()*) too", () => {
    expect(encodeKey("a/b c/(1)!'*.pdf")).toBe('a/b%20c/%281%29%21%27%2A.pdf');
    expect(encodeKey('hồ sơ/đơn.pdf')).toBe('h%E1%BB%93%20s%C6%A1/%C4%91%C6%A1n.pdf');
  });
});

describe('answers the emulator cannot give', () => {
  /** An S3 stand-in that answers each request with the next of `answers` and records what it was asked. */
  async function fakeS3(answers: { status: number; body?: string }[]) {
    const asked: string[] = [];
    const server = createServer((req, res) => {
      asked.push(`${req.method} ${req.url}`);
      req.resume();
      const answer = answers.shift() ?? { status: 500 };
      res.writeHead(answer.status, { 'content-type': 'application/xml' }).end(answer.body ?? '');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const s3 = s3Rest({
      bucket: 'documents',
      forcePathStyle: true,
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      credentials: async () => credentials,
    });
    return { s3, asked, close: () => new Promise((resolve) => server.close(resolve)) };
  }
  const noSuchKey = '<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>';

  beforeEach(() => {
    vi.useRealTimers();
  });

  it('a 503 (SlowDown) is tried again, and the call succeeds', async () => {
    const fake = await fakeS3([{ status: 503, body: '<Error><Code>SlowDown</Code></Error>' }, { status: 200 }]);
    try {
      await documentStore(fake.s3).put('a.pdf', new Uint8Array([1, 2, 3]), 'application/pdf');
      expect(fake.asked).toEqual(['PUT /documents/a.pdf', 'PUT /documents/a.pdf']);
    } finally {
      await fake.close();
    }
  });

  it('a 5xx on every attempt is an S3Error after three attempts', async () => {
    const fake = await fakeS3([{ status: 500 }, { status: 500 }, { status: 500 }, { status: 200 }]);
    try {
      await expect(documentStore(fake.s3).remove('a.pdf')).rejects.toMatchObject({ name: 'S3Error', status: 500 });
      expect(fake.asked).toHaveLength(3);
    } finally {
      await fake.close();
    }
  });

  it('a missing object: head and read say absent, get throws NoSuchKey, a 403 is not taken for absence', async () => {
    const fake = await fakeS3([
      { status: 404 },
      { status: 404, body: noSuchKey },
      { status: 404, body: noSuchKey },
      { status: 403, body: '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>' },
    ]);
    try {
      const store = documentStore(fake.s3);
      expect(await store.head('x.pdf')).toBeUndefined();
      expect(await store.read('x.pdf')).toBeUndefined();
      await expect(store.get('x.pdf')).rejects.toMatchObject({ code: 'NoSuchKey', status: 404 });
      await expect(store.read('x.pdf')).rejects.toMatchObject({ code: 'AccessDenied', status: 403 });
    } finally {
      await fake.close();
    }
  });

  it('a copy S3 answers 200 with an <Error> body failed: it is tried again, and said so when it keeps failing', async () => {
    const internal = '<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>';
    const copied = '<CopyObjectResult><ETag>"9b2cf535f27731c974343645a3985328"</ETag></CopyObjectResult>';
    const once = await fakeS3([
      { status: 200, body: internal },
      { status: 200, body: copied },
    ]);
    try {
      await expect(documentStore(once.s3).copy('a b.pdf', 'quarantine/a b.pdf')).resolves.toBe(true);
      expect(once.asked).toEqual(['PUT /documents/quarantine/a%20b.pdf', 'PUT /documents/quarantine/a%20b.pdf']);
    } finally {
      await once.close();
    }
    const always = await fakeS3([1, 2, 3].map(() => ({ status: 200, body: internal })));
    try {
      await expect(documentStore(always.s3).copy('a.pdf', 'b.pdf')).rejects.toMatchObject({
        name: 'S3Error',
        code: 'InternalError',
        status: 200,
      });
      expect(always.asked).toHaveLength(3);
    } finally {
      await always.close();
    }
  });
});
