import { constants, privateEncrypt } from 'node:crypto';
import type { SignCommand } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { kmsSigner, organisationKeyName, s3SigningKeys } from '../../../shared/adapters/signing/kms-signer.ts';
import { renderForm } from '../../../shared/documents/forms.ts';
import { localCertificateAuthority } from '../../../shared/documents/signing/local-ca.ts';
import { signPdf, verifyPdf } from '../../../shared/documents/signing/pades.ts';
import { organisationIdentity } from '../../../shared/documents/signing/signer.ts';

/**
 * No KMS emulator runs here: a stand-in answers SignCommand as KMS does for MessageType DIGEST with
 * RSASSA_PKCS1_V1_5_SHA_256 (a PKCS#1 v1.5 signature of the given digest), with a key whose
 * certificate a local CA issued. The test proves the adapter asks KMS for the right thing and that
 * the CMS it yields verifies.
 */
describe('the KMS signer adapter', () => {
  it('signs the digest through KMS and produces a PAdES signature that verifies', async () => {
    const ca = localCertificateAuthority({ now: () => new Date(Date.now() - 24 * 3600 * 1000) });
    const leader = { sub: 'leader-son', name: 'Trịnh Hồng Sơn', agencyName: 'Sở Xây dựng tỉnh Bắc Ninh' };
    const { certificate, chain } = await ca.certificateFor(leader);
    const privateKey = ca.state().leaders['leader-son']?.keyPem ?? '';
    const requests: SignCommand['input'][] = [];
    const kms = {
      send: async (command: SignCommand) => {
        requests.push(command.input);
        const digest = Buffer.from(command.input.Message ?? new Uint8Array());
        // PKCS#1 v1.5 over a precomputed SHA-256 digest, as KMS does for MessageType DIGEST.
        const prefix = Buffer.from('3031300d060960864801650304020105000420', 'hex');
        const signature = privateEncrypt(
          { key: privateKey, padding: constants.RSA_PKCS1_PADDING },
          Buffer.concat([prefix, digest]),
        );
        return { Signature: new Uint8Array(signature) };
      },
    };
    const signer = kmsSigner(kms as never, { 'leader-son': { keyId: 'alias/egov-leader-son', certificate, chain } });
    const pdf = await renderForm({
      form: '01',
      dossier: {
        code: '24.SXD-260302-0001',
        procedure: { code: '1.000001', version: 1, name: 'Cấp giấy phép xây dựng' },
        applicant: { fullName: 'Nguyễn Văn An', idNumber: '0', address: 'Bắc Ninh' },
        channel: 'online',
        status: 'decided',
        submittedAt: '2026-03-02T08:10:00+07:00',
        dueAt: '2026-03-03T17:30:00+07:00',
        steps: [],
        timeline: [],
      },
      agencyName: leader.agencyName,
      publicUrl: 'https://dichvucong.bacninh.gov.vn',
      issuedAt: new Date(),
    });
    const signed = await signPdf(pdf, signer, leader, new Date(), { reason: 'Kết quả', location: 'Bắc Ninh' });
    expect(requests).toEqual([
      expect.objectContaining({
        KeyId: 'alias/egov-leader-son',
        MessageType: 'DIGEST',
        SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256',
      }),
    ]);
    expect(requests[0]?.Message).toHaveLength(32);
    expect(await signer.trustedRoots()).toEqual([chain.at(-1)]);
    expect(await verifyPdf(signed, await signer.trustedRoots())).toMatchObject({
      valid: true,
      signer: { name: 'Trịnh Hồng Sơn', agency: 'Sở Xây dựng tỉnh Bắc Ninh' },
    });
  });

  it('refuses a leader without a configured key', async () => {
    const signer = kmsSigner({ send: async () => ({}) } as never, {});
    await expect(signer.sign({ sub: 'nobody', name: 'x', agencyName: 'y' }, new Uint8Array(1))).rejects.toThrow(
      /No signing key/,
    );
  });

  it('reads each leader key and the trusted roots from the signing configuration once, lazily', async () => {
    const ca = localCertificateAuthority();
    const { certificate, chain } = await ca.certificateFor({ sub: 'leader-son', name: 'Sơn', agencyName: 'Sở' });
    const root = chain.at(-1) ?? '';
    const objects = new Map([
      ['config/signing/leaders/leader-son.json', JSON.stringify({ keyId: 'arn:key/son', certificate, chain })],
      ['config/signing/trusted-roots.pem', `# root of the province\n${root}`],
    ]);
    const reads: string[] = [];
    let failNext = false;
    const source = s3SigningKeys(async (key) => {
      reads.push(key);
      if (failNext) {
        failNext = false;
        throw new Error('throttled');
      }
      return objects.get(key);
    }, 'config/signing/');
    expect(reads).toEqual([]);
    const signer = kmsSigner({ send: async () => ({ Signature: new Uint8Array([1]) }) } as never, source);
    const leader = { sub: 'leader-son', name: 'Sơn', agencyName: 'Sở' };
    expect(await signer.certificateFor(leader)).toEqual({ certificate, chain });
    await signer.sign(leader, new Uint8Array(1));
    expect((await signer.trustedRoots()).map((pem) => pem.trim())).toEqual([root.trim()]);
    await signer.trustedRoots();
    expect(reads).toEqual(['config/signing/leaders/leader-son.json', 'config/signing/trusted-roots.pem']);

    // A leader without a file is refused, and looked up again next time (ops may upload it).
    await expect(signer.certificateFor({ ...leader, sub: 'leader-ha' })).rejects.toThrow(/No signing key/);
    objects.set('config/signing/leaders/leader-ha.json', JSON.stringify({ keyId: 'arn:key/ha', certificate, chain }));
    await expect(signer.certificateFor({ ...leader, sub: 'leader-ha' })).resolves.toMatchObject({ certificate });
    // A failed read is not remembered either.
    failNext = true;
    await expect(signer.certificateFor({ ...leader, sub: 'leader-x' })).rejects.toThrow(/throttled/);
    objects.set('config/signing/leaders/leader-x.json', JSON.stringify({ keyId: 'arn:key/x', certificate, chain }));
    await expect(signer.certificateFor({ ...leader, sub: 'leader-x' })).resolves.toMatchObject({ certificate });
  });

  it('signs as the agency with its organisation key, configured apart from the leaders’', async () => {
    const ca = localCertificateAuthority();
    const agency = organisationIdentity('24.SXD', 'Sở Xây dựng tỉnh Bắc Ninh');
    const { certificate, chain } = await ca.certificateFor(agency);
    const objects = new Map([
      ['config/signing/agencies/24.SXD.json', JSON.stringify({ keyId: 'arn:key/sxd', certificate, chain })],
    ]);
    const reads: string[] = [];
    const requests: SignCommand['input'][] = [];
    const signer = kmsSigner(
      {
        send: async (command: SignCommand) => {
          requests.push(command.input);
          return { Signature: new Uint8Array([1]) };
        },
      } as never,
      s3SigningKeys(async (key) => {
        reads.push(key);
        return objects.get(key);
      }, 'config/signing/'),
    );
    expect(await signer.certificateFor(agency)).toEqual({ certificate, chain });
    await signer.sign(agency, new Uint8Array(1));
    expect(requests.map((r) => r.KeyId)).toEqual(['arn:key/sxd']);
    expect(reads).toEqual(['config/signing/agencies/24.SXD.json']);
    // An agency's key is never taken for a leader of the same name, nor the other way round.
    await expect(signer.certificateFor({ sub: '24.SXD', name: 'x', agencyName: 'y' })).rejects.toThrow(
      /No signing key configured for leader 24.SXD/,
    );
    await expect(signer.certificateFor(organisationIdentity('24.STP', 'Sở Tư pháp'))).rejects.toThrow(
      /No signing key configured for agency 24.STP/,
    );
    // Inline (SIGNING_KEYS): an agency's key under `agency:<id>`.
    const inline = kmsSigner({ send: async () => ({ Signature: new Uint8Array([1]) }) } as never, {
      [organisationKeyName('24.SXD')]: { keyId: 'arn:key/sxd', certificate, chain },
    });
    expect(await inline.certificateFor(agency)).toEqual({ certificate, chain });
    await expect(inline.certificateFor({ sub: 'agency:24.SXD', name: 'x', agencyName: 'y' })).rejects.toThrow(
      /No signing key/,
    );
  });

  it('refuses to verify without a trusted root rather than calling every signature untrusted', async () => {
    const signer = kmsSigner(
      { send: async () => ({}) } as never,
      s3SigningKeys(async () => undefined, 'p/'),
    );
    await expect(signer.trustedRoots()).rejects.toThrow(/No trusted root certificate at p\/trusted-roots.pem/);
  });
});
