import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { birthRegistration, request, tokenFor } from '../support/http.ts';

let cloud: LocalCloud;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince });
  for (const sub of ['citizen-an', 'citizen-binh', 'receiver-lan', 'leader-hung', 'specialist-minh']) {
    tokens[sub] = await tokenFor(cloud, sub);
  }
});
afterAll(() => cloud?.stop());

const pdf = (size: number) => {
  const bytes = Buffer.alloc(size, 0x20);
  bytes.write('%PDF-1.7\n');
  return bytes;
};
const png = (size: number) => {
  const bytes = Buffer.alloc(size, 0);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes;
};
/** A Windows executable (MZ header), as if renamed to .pdf. */
const exe = (size: number) => {
  const bytes = Buffer.alloc(size, 0x90);
  bytes.write('MZ');
  return bytes;
};

async function fileOne(): Promise<string> {
  const filed = await request(cloud, 'POST', '/v1/dossiers', {
    token: tokens['citizen-an'],
    body: birthRegistration(),
  });
  expect(filed.status).toBe(201);
  await cloud.settle();
  return filed.body.code;
}

const dossierOf = async (code: string) =>
  (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens['citizen-an'] })).body;

const askUpload = (sub: string, code: string, body: Record<string, unknown>) =>
  request(cloud, 'POST', `/v1/dossiers/${code}/documents`, { token: tokens[sub], body });

/** Sends the file as a browser would: the presigned form fields, then the file, multipart/form-data. */
async function post(upload: { url: string; fields: Record<string, string> }, bytes: Buffer, override = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...upload.fields, ...override })) form.append(name, value);
  form.append('file', new Blob([bytes]), 'giay-chung-sinh.pdf');
  const response = await fetch(upload.url, { method: 'POST', body: form });
  return response.status;
}

const complete = (sub: string, code: string, id: string) =>
  request(cloud, 'POST', `/v1/dossiers/${code}/documents/${id}/complete`, { token: tokens[sub] });

const listDocs = (sub: string, code: string) =>
  request(cloud, 'GET', `/v1/dossiers/${code}/documents`, { token: tokens[sub] });

describe('uploading a required document', () => {
  it('gives the applicant a presigned POST scoped to the dossier, verifies the bytes and serves them back', async () => {
    const code = await fileOne();
    const before = await dossierOf(code);
    const bytes = pdf(2048);
    const asked = await askUpload('citizen-an', code, { slot: 1, contentType: 'application/pdf', size: bytes.length });
    expect(asked.status).toBe(201);
    const { document, upload } = asked.body;
    expect(document).toMatchObject({ status: 'pending', slot: 1, digitised: false, kind: 'upload' });
    expect(document.name).toMatch(/Giấy chứng sinh/);
    expect(upload.fields.key).toBe(`dossiers/${code}/uploads/${document.id}`);
    expect(Date.parse(upload.expiresAt) - Date.now()).toBeLessThanOrEqual(5 * 60 * 1000);
    // The policy S3 enforces: exact key, exact size, declared type.
    const policy = JSON.parse(Buffer.from(upload.fields.Policy, 'base64').toString('utf8'));
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['eq', '$key', upload.fields.key],
        ['content-length-range', 2048, 2048],
        ['eq', '$Content-Type', 'application/pdf'],
      ]),
    );

    expect(await post(upload, bytes)).toBe(204);
    const done = await complete('citizen-an', code, document.id);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      status: 'verified',
      size: 2048,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    // Completing again is harmless.
    expect((await complete('citizen-an', code, document.id)).body.status).toBe('verified');

    const listed = await listDocs('citizen-an', code);
    expect(listed.status).toBe(200);
    const item = listed.body.items.find((d: { id: string }) => d.id === document.id);
    expect(item.status).toBe('verified');
    const download = await fetch(item.download.url);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    // The dossier item itself never changed; reading it lists the document.
    const after = await dossierOf(code);
    expect(after.version).toBe(before.version);
    expect(after.documents).toEqual([expect.objectContaining({ id: document.id, status: 'verified', slot: 1 })]);
    expect(after.documents[0].key).toBeUndefined();
  });

  it('lets a receiver of the holding agency scan paper at the counter, marked digitised', async () => {
    const code = await fileOne();
    const bytes = png(512);
    const asked = await askUpload('receiver-lan', code, { slot: 0, contentType: 'image/png', size: bytes.length });
    expect(asked.status).toBe(201);
    expect(asked.body.document.digitised).toBe(true);
    expect(await post(asked.body.upload, bytes)).toBe(204);
    const done = await complete('receiver-lan', code, asked.body.document.id);
    expect(done.body).toMatchObject({ status: 'verified', digitised: true });
    // The applicant reads it too.
    expect((await listDocs('citizen-an', code)).body.items).toHaveLength(1);
    // The indicator fact counts the scan where it happens (QĐ 766/QĐ-TTg, chỉ số 4.2 "hồ sơ thực hiện số
    // hóa"), in the month of filing, with no further step on the dossier.
    const dossier = await dossierOf(code);
    const { indicatorFactRepository } = await import('../../shared/adapters/dynamo/indicator-facts.ts');
    const month = new Date(dossier.submittedAt)
      .toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' })
      .slice(0, 7);
    const { facts } = await indicatorFactRepository(cloud.tableName).listMonth(dossier.competentAgencyId, month);
    expect(facts.find((f) => f.code === code)).toMatchObject({
      version: dossier.version,
      digitised: true,
      digitisedDocuments: 1,
    });
  });
});

describe('a verified upload is immutable to the applicant', () => {
  it('serves the verified bytes after the same presigned form is posted again with other bytes of the same length', async () => {
    const code = await fileOne();
    const verifiedBytes = pdf(4096);
    const asked = await askUpload('citizen-an', code, {
      slot: 1,
      contentType: 'application/pdf',
      size: verifiedBytes.length,
    });
    const { document, upload } = asked.body;
    expect(await post(upload, verifiedBytes)).toBe(204);
    const done = await complete('citizen-an', code, document.id);
    const verifiedSha = createHash('sha256').update(verifiedBytes).digest('hex');
    expect(done.body).toMatchObject({ status: 'verified', sha256: verifiedSha });

    // The form is still within its five minutes: a swap of the same length and type satisfies its policy.
    const swapped = pdf(4096);
    swapped.write('%%EOF forged', 2048);
    expect(swapped.length).toBe(verifiedBytes.length);
    expect(await post(upload, swapped)).toBe(204);
    // Completing again changes nothing either.
    expect((await complete('citizen-an', code, document.id)).body).toMatchObject({ sha256: verifiedSha });

    // Whoever downloads it, the applicant or the officials, gets the bytes that were verified.
    for (const sub of ['citizen-an', 'receiver-lan']) {
      const listed = await listDocs(sub, code);
      const item = listed.body.items.find((d: { id: string }) => d.id === document.id);
      expect(item).toMatchObject({ status: 'verified', sha256: verifiedSha });
      const download = await fetch(item.download.url);
      expect(download.status).toBe(200);
      const served = Buffer.from(await download.arrayBuffer());
      expect(createHash('sha256').update(served).digest('hex')).toBe(verifiedSha);
    }
  });
});

describe('a verified upload is immutable to the applicant, even mid-verification', () => {
  it('serves the bytes it checked, whatever is posted to the form while it checks them', async () => {
    const code = await fileOne();
    const original = pdf(3000);
    const asked = await askUpload('citizen-an', code, {
      slot: 1,
      contentType: 'application/pdf',
      size: original.length,
    });
    const { document, upload } = asked.body;
    expect(await post(upload, original)).toBe(204);
    const swapped = pdf(3000);
    swapped.write('forged', 1500);
    const [{ completeUpload }, { dossierRepository }, { documentRepository }, { documentStore }, { s3Rest }] =
      await Promise.all([
        import('../../shared/use-cases/documents/upload-document.ts'),
        import('../../shared/adapters/dynamo/dossier-repository.ts'),
        import('../../shared/adapters/dynamo/document-repository.ts'),
        import('../../shared/adapters/s3/document-store.ts'),
        import('../../shared/adapters/s3/s3-rest.ts'),
      ]);
    const real = documentStore(s3Rest({ bucket: cloud.bucketName, forcePathStyle: true }));
    // The applicant re-posts the form at the worst moment: once the verifier has read the bytes it
    // judges, before it records them as verified.
    const store = {
      ...real,
      digest: async (key: string, headBytes: number) => {
        const digest = await real.digest(key, headBytes);
        expect(await post(upload, swapped)).toBe(204);
        return digest;
      },
    };
    const documents = documentRepository(cloud.tableName);
    const verified = await completeUpload({
      dossiers: dossierRepository(cloud.tableName),
      documents,
      store,
      now: () => new Date(),
    })({ sub: 'citizen-an', roles: ['citizen'] }, code, document.id);
    const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    expect(verified).toMatchObject({ status: 'verified', sha256: sha(original) });
    const stored = await documents.get(code, document.id);
    expect(sha(await real.get(stored?.key ?? ''))).toBe(sha(original));
  });
});

describe('upload abuse is refused and leaves the dossier unchanged', () => {
  async function refusedAfterUpload(
    declared: { contentType: string; size: number },
    bytes: Buffer,
  ): Promise<{ code: string; id: string; status: number; body: Record<string, unknown> }> {
    const code = await fileOne();
    const asked = await askUpload('citizen-an', code, { slot: 1, ...declared });
    expect(asked.status).toBe(201);
    await post(asked.body.upload, bytes);
    const done = await complete('citizen-an', code, asked.body.document.id);
    return { code, id: asked.body.document.id, status: done.status, body: done.body };
  }

  async function expectQuarantined(code: string, id: string) {
    const listed = await listDocs('citizen-an', code);
    const item = listed.body.items.find((d: { id: string }) => d.id === id);
    expect(item.status).toBe('quarantined');
    expect(item.download).toBeUndefined();
    const inPlace = await cloud.clients.s3
      .send(
        new (await import('@aws-sdk/client-s3')).HeadObjectCommand({
          Bucket: cloud.bucketName,
          Key: `dossiers/${code}/uploads/${id}`,
        }),
      )
      .then(() => true)
      .catch(() => false);
    expect(inPlace).toBe(false);
    const moved = await cloud.clients.s3.send(
      new (await import('@aws-sdk/client-s3')).HeadObjectCommand({
        Bucket: cloud.bucketName,
        Key: `quarantine/dossiers/${code}/${id}`,
      }),
    );
    expect(moved.ContentLength).toBeGreaterThan(0);
  }

  it('a renamed executable', async () => {
    const bytes = exe(4096);
    const { code, id, status, body } = await refusedAfterUpload({ contentType: 'application/pdf', size: 4096 }, bytes);
    expect(status).toBe(422);
    expect(body).toMatchObject({ code: 'document-rejected', reason: 'type-not-allowed' });
    expect(body.detail).toMatch(/PDF, JPEG hoặc PNG/);
    await expectQuarantined(code, id);
    // Asking again gives the same refusal.
    expect((await complete('citizen-an', code, id)).body.reason).toBe('type-not-allowed');
  });

  it('an oversized file: larger than declared, or declared above the limit', async () => {
    const { code, id, status, body } = await refusedAfterUpload(
      { contentType: 'application/pdf', size: 1000 },
      pdf(3000),
    );
    expect(status).toBe(422);
    expect(body.reason).toBe('size-mismatch');
    await expectQuarantined(code, id);
    const tooBig = await askUpload('citizen-an', code, {
      slot: 1,
      contentType: 'application/pdf',
      size: 10 * 1024 * 1024 + 1,
    });
    expect(tooBig.status).toBe(400);
  });

  it('a wrong declared type: PNG bytes declared as PDF, or a type outside the allowlist', async () => {
    const { code, id, status, body } = await refusedAfterUpload(
      { contentType: 'application/pdf', size: 800 },
      png(800),
    );
    expect(status).toBe(422);
    expect(body.reason).toBe('type-mismatch');
    expect(body.detail).toMatch(/ảnh PNG/);
    await expectQuarantined(code, id);
    const exeType = await askUpload('citizen-an', code, { slot: 1, contentType: 'application/x-msdownload', size: 10 });
    expect(exeType.status).toBe(400);
  });

  it('a key outside the dossier’s prefix never counts', async () => {
    const code = await fileOne();
    const other = await fileOne();
    const asked = await askUpload('citizen-an', code, { slot: 1, contentType: 'application/pdf', size: 100 });
    // The emulator does not enforce the policy's key condition (S3 does): the platform must not rely on it.
    await post(asked.body.upload, pdf(100), { key: `dossiers/${other}/uploads/${asked.body.document.id}` });
    const done = await complete('citizen-an', code, asked.body.document.id);
    expect(done.status).toBe(422);
    expect(done.body.code).toBe('upload-missing');
    expect((await listDocs('citizen-an', other)).body.items).toEqual([]);
    expect((await listDocs('citizen-an', code)).body.items[0].status).toBe('pending');
  });

  it('an expired upload URL: a file stored after the window closed is refused', async () => {
    const code = await fileOne();
    // A request made ten minutes ago: its five-minute window has closed. (S3 itself refuses a POST
    // after the policy's expiration; the emulator does not, so this proves the platform's own check.)
    const [{ requestUpload }, { dossierRepository }, { catalogueRepository }, { documentRepository }, bucket] =
      await Promise.all([
        import('../../shared/use-cases/documents/upload-document.ts'),
        import('../../shared/adapters/dynamo/dossier-repository.ts'),
        import('../../shared/adapters/dynamo/catalogue-repository.ts'),
        import('../../shared/adapters/dynamo/document-repository.ts'),
        import('../../shared/adapters/s3/documents-presigner.ts'),
      ]);
    const tenMinutesAgo = new Date(Date.now() - 10 * 60 * 1000);
    const asked = await requestUpload({
      dossiers: dossierRepository(cloud.tableName),
      catalogue: catalogueRepository(cloud.tableName),
      documents: documentRepository(cloud.tableName),
      presigner: bucket.documentsPresigner(),
      now: () => tenMinutesAgo,
    })({ sub: 'citizen-an', roles: ['citizen'] }, code, { slot: 1, contentType: 'application/pdf', size: 300 });
    expect(Date.parse(asked.upload.expiresAt ?? '')).toBeLessThan(Date.now());
    await post(asked.upload, pdf(300));
    const done = await complete('citizen-an', code, asked.document.id);
    expect(done.status).toBe(422);
    expect(done.body.reason).toBe('upload-expired');
    await expectQuarantined(code, asked.document.id);
  });

  it('another citizen’s dossier: no upload, no completion, no listing (404)', async () => {
    const code = await fileOne();
    const before = await dossierOf(code);
    expect((await askUpload('citizen-binh', code, { slot: 1, contentType: 'application/pdf', size: 10 })).status).toBe(
      404,
    );
    const asked = await askUpload('citizen-an', code, { slot: 1, contentType: 'application/pdf', size: 10 });
    expect((await complete('citizen-binh', code, asked.body.document.id)).status).toBe(404);
    expect((await listDocs('citizen-binh', code)).status).toBe(404);
    // An official of another agency cannot read, a leader of the holding one may read but not upload.
    expect((await listDocs('specialist-minh', code)).status).toBe(404);
    expect((await askUpload('leader-hung', code, { slot: 1, contentType: 'application/pdf', size: 10 })).status).toBe(
      403,
    );
    expect((await dossierOf(code)).version).toBe(before.version);
  });

  it('an unknown slot, and uploads once the applicant may no longer add files', async () => {
    const code = await fileOne();
    expect((await askUpload('citizen-an', code, { slot: 7, contentType: 'application/pdf', size: 10 })).body.code).toBe(
      'unknown-slot',
    );
    const dossier = await dossierOf(code);
    const received = await request(cloud, 'POST', `/v1/dossiers/${code}/actions`, {
      token: tokens['receiver-lan'],
      body: { type: 'receive', expectedVersion: dossier.version },
    });
    expect(received.status).toBe(200);
    const late = await askUpload('citizen-an', code, { slot: 1, contentType: 'application/pdf', size: 10 });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('upload-closed');
  });
});
