import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CscSimulator, startCscSimulator } from '../../../infra/local/partners/csc-simulator.ts';
import { CscCallFailed, cscClient, cscOids } from '../../../shared/adapters/signing/csc-client.ts';
import {
  CscApprovalPending,
  type CscSignerOptions,
  cscSigner,
  inlineCscCredentials,
} from '../../../shared/adapters/signing/csc-signer.ts';
import { renderForm } from '../../../shared/documents/forms.ts';
import { localCertificateAuthority } from '../../../shared/documents/signing/local-ca.ts';
import { signPdf, verifyPdf } from '../../../shared/documents/signing/pades.ts';
import { organisationIdentity, type SignerIdentity } from '../../../shared/documents/signing/signer.ts';
import { pdfSignatures } from '../../support/pdf.ts';

/**
 * The CSC adapter against the simulated signing service, over HTTP on a local port: the flow of the
 * Cloud Signature Consortium API v2, the PAdES signature it yields verifying with the platform's
 * verifier, and the fault paths (token refused, SAD expired, approval pending, the service failing).
 */
const agencyName = 'Ủy ban nhân dân Phường Bắc Giang';
const leader: SignerIdentity = { sub: 'leader-hung', name: 'Vũ Mạnh Hùng', agencyName };
const agency = organisationIdentity('24.07210', agencyName);
const enrolled: Record<string, SignerIdentity> = { 'leader-hung': leader, 'agency:24.07210': agency };
const clientId = 'egov-bac-ninh';
const clientSecret = 'the-client-secret-issued-by-the-ca';

let sim: CscSimulator;
let root: string;
let pdf: Uint8Array;
beforeAll(async () => {
  sim = await startCscSimulator({ clientId, clientSecret, directory: async (userID) => enrolled[userID] });
  root = await sim.trustedRoot();
  pdf = await renderForm({
    form: '06',
    dossier: {
      code: '24.07210-260302-0007',
      procedure: { code: '1.001193', version: 1, name: 'Đăng ký khai sinh' },
      applicant: { fullName: 'Nguyễn Văn An', idNumber: '0', address: 'Bắc Ninh' },
      channel: 'online',
      status: 'decided',
      submittedAt: '2026-03-02T08:10:00+07:00',
      dueAt: '2026-03-03T17:30:00+07:00',
      steps: [],
      timeline: [],
    },
    agencyName,
    publicUrl: 'https://dichvucong.bacninh.gov.vn',
    issuedAt: new Date(),
    keywords: ['24.07210-260302-0007'],
  });
});
afterAll(() => sim?.close());
beforeEach(() => {
  sim.calls.length = 0;
  sim.setApproval(0);
});

/** A clock that only moves when the signer "sleeps" between polls: no wall-clock wait in the test. */
function fakeClock(onSleep: (polls: number) => void = () => {}) {
  let t = 0;
  let sleeps = 0;
  return {
    now: () => t,
    sleep: async (ms: number) => {
      t += ms;
      onSleep(++sleeps);
    },
  };
}

function signerWith(options: Partial<CscSignerOptions> & { secret?: string; roots?: string } = {}) {
  const client = cscClient({
    baseUrl: `${sim.url}/csc/v2/`,
    clientId,
    clientSecret: async () => options.secret ?? clientSecret,
    timeoutMs: 5000,
  });
  const credentials = inlineCscCredentials(
    { 'leader-hung': { userID: 'leader-hung' }, 'agency:24.07210': { userID: 'agency:24.07210' } },
    options.roots ?? root,
  );
  return cscSigner(client, credentials, {
    operationMode: 'S',
    approvalWaitMs: 10_000,
    pollIntervalMs: 1000,
    ...fakeClock(),
    ...options,
  });
}

const sign = (signer: ReturnType<typeof signerWith>, bytes = pdf, identity = leader) =>
  signPdf(bytes, signer, identity, new Date(), { reason: 'Kết quả giải quyết hồ sơ', location: 'Bắc Ninh' });
const methods = () => sim.calls.map((c) => `${c.method} ${c.status}`);

describe('signing through a CSC API v2 service', () => {
  it('follows the CSC flow and yields a PAdES signature the platform verifies, leader then agency', async () => {
    const signer = signerWith();
    const byLeader = await sign(signer);
    expect(methods()).toEqual([
      'info 200',
      'oauth2/token 200',
      'credentials/list 200',
      'credentials/info 200',
      'credentials/authorize 200',
      'signatures/signHash 200',
    ]);
    const authorize = sim.calls.find((c) => c.method === 'credentials/authorize')?.body;
    const signHash = sim.calls.find((c) => c.method === 'signatures/signHash')?.body;
    expect(authorize).toMatchObject({ numSignatures: 1, hashAlgorithmOID: cscOids.sha256 });
    expect(signHash).toMatchObject({
      credentialID: authorize?.credentialID,
      hashes: authorize?.hashes,
      hashAlgorithmOID: '2.16.840.1.101.3.4.2.1',
      signAlgo: '1.2.840.113549.1.1.1',
      operationMode: 'S',
    });
    expect(Buffer.from((signHash?.hashes as string[])[0] ?? '', 'base64')).toHaveLength(32);
    // The token request names the client, never carries the secret into the record.
    expect(JSON.stringify(sim.calls)).not.toContain(clientSecret);

    const signed = await sign(signer, byLeader, agency);
    const report = await verifyPdf(signed, [root]);
    expect(report).toMatchObject({
      valid: true,
      signer: { name: 'Vũ Mạnh Hùng', agency: agencyName },
      organisation: { name: agencyName },
      signatures: [
        expect.objectContaining({ valid: true, kind: 'person' }),
        expect.objectContaining({ valid: true, kind: 'organisation' }),
      ],
    });
    // The service sent no root: the chain ends with the configured one.
    expect(report.chain).toEqual([
      'Vũ Mạnh Hùng',
      'CA Tỉnh Bắc Ninh (thử nghiệm)',
      'egov-one-stop Local Root CA (thử nghiệm)',
    ]);
    expect(pdfSignatures(signed).match(/Signature Validation: Signature is Valid/g)).toHaveLength(2);
  });

  it('reads the certificate once per signer, and takes one token for many signatures', async () => {
    const signer = signerWith();
    await sign(signer);
    await sign(signer);
    expect(methods().filter((m) => m.startsWith('oauth2/token'))).toHaveLength(1);
    expect(methods().filter((m) => m.startsWith('credentials/info'))).toHaveLength(1);
    expect(methods().filter((m) => m.startsWith('signatures/signHash'))).toHaveLength(2);
  });

  it('waits for the signer to approve on their phone (asynchronous mode), polling', async () => {
    sim.setApproval('manual');
    const clock = fakeClock((polls) => {
      // The signer approves after the third poll: the signature comes on the next one.
      if (polls === 3) for (const id of sim.pending()) sim.approve(id);
    });
    const signed = await sign(signerWith({ operationMode: 'A', ...clock }));
    expect((await verifyPdf(signed, [root])).valid).toBe(true);
    expect(methods().filter((m) => m === 'signatures/signPolling 200')).toHaveLength(4);
    expect(sim.calls.find((c) => c.method === 'signatures/signHash')?.body.operationMode).toBe('A');
  });

  it('gives up after the approval wait with CscApprovalPending, for the queue to retry', async () => {
    sim.setApproval('manual');
    const signer = signerWith({ operationMode: 'A', approvalWaitMs: 5000, pollIntervalMs: 1000, ...fakeClock() });
    await expect(sign(signer)).rejects.toBeInstanceOf(CscApprovalPending);
    // Polled over the whole wait (at 0, 1 … 5 s), never past it.
    expect(methods().filter((m) => m === 'signatures/signPolling 200')).toHaveLength(6);
  });
});

describe('the CSC fault paths', () => {
  it('fetches a new token once when the service answers 401 (token expired or revoked)', async () => {
    const signer = signerWith();
    await sign(signer);
    sim.revokeTokens();
    sim.calls.length = 0;
    const signed = await sign(signer);
    expect((await verifyPdf(signed, [root])).valid).toBe(true);
    expect(methods()).toEqual([
      'credentials/authorize 401',
      'oauth2/token 200',
      'credentials/authorize 200',
      'signatures/signHash 200',
    ]);
  });

  it('does not loop on 401: a second refusal fails the signature', async () => {
    const signer = signerWith();
    await sign(signer);
    sim.calls.length = 0;
    sim.failNext(2, 401);
    await expect(sign(signer)).rejects.toMatchObject({ name: 'CscCallFailed', status: 401 });
    expect(methods()).toEqual(['credentials/authorize 401', 'oauth2/token 200', 'credentials/authorize 401']);
  });

  it('authorizes again once when the SAD has expired', async () => {
    const signer = signerWith();
    await sign(signer);
    sim.calls.length = 0;
    sim.expireNextSad();
    const signed = await sign(signer);
    expect((await verifyPdf(signed, [root])).valid).toBe(true);
    expect(methods()).toEqual([
      'credentials/authorize 200',
      'signatures/signHash 400',
      'credentials/authorize 200',
      'signatures/signHash 200',
    ]);
  });

  it('leaves a 5xx to the queue: the signature fails at once, the next delivery succeeds', async () => {
    const signer = signerWith();
    sim.failNext(1, 503);
    const failed = await sign(signer).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(CscCallFailed);
    expect(failed).toMatchObject({ status: 503 });
    expect((await verifyPdf(await sign(signer), [root])).valid).toBe(true);
  });

  it('refuses a wrong client secret without writing the secret in the error', async () => {
    const failed = await sign(signerWith({ secret: 'a-wrong-secret-for-this-client' })).catch((e: unknown) => e);
    expect(failed).toMatchObject({ name: 'CscCallFailed', status: 401, error: 'invalid_client' });
    expect(String((failed as Error).message)).not.toContain('a-wrong-secret');
  });

  it('refuses a certificate that chains to no configured root rather than sign unverifiably', async () => {
    const stranger = localCertificateAuthority({ provinceName: 'Tỉnh Không Tin Cậy' });
    const roots = (await stranger.trustedRoots())[0] ?? '';
    await expect(sign(signerWith({ roots }))).rejects.toThrow('does not chain to a trusted root');
    expect(methods()).not.toContain('signatures/signHash 200');
  });

  it('names the signer nobody configured', async () => {
    const stranger = { sub: 'leader-unknown', name: 'Không Có', agencyName };
    await expect(sign(signerWith(), pdf, stranger)).rejects.toThrow(
      'No CSC credential configured for leader leader-unknown',
    );
  });
});
