import { beforeAll, describe, expect, it } from 'vitest';
import { renderForm } from '../../../shared/documents/forms.ts';
import { localCertificateAuthority } from '../../../shared/documents/signing/local-ca.ts';
import { PdfWriter } from '../../../shared/documents/pdf-writer.ts';
import { organisationIdentity, type Signer } from '../../../shared/documents/signing/signer.ts';
import { signPdf, verifyPdf } from '../../../shared/documents/signing/pades.ts';
import { pdfSignatures } from '../../support/pdf.ts';

const leader = { sub: 'leader-hung', name: 'Vũ Mạnh Hùng', agencyName: 'Ủy ban nhân dân Phường Bắc Giang' };
// Certificates issued before the signing time, as a real CA's would be.
const issuedAt = () => new Date('2026-01-05T00:00:00Z');
const ca = localCertificateAuthority({ now: issuedAt });
const stranger = localCertificateAuthority({ provinceName: 'Tỉnh Không Tin Cậy', now: issuedAt });
const signingTime = new Date('2026-03-02T08:00:00Z');

let unsigned: Uint8Array;
let signed: Uint8Array;
beforeAll(async () => {
  unsigned = await renderForm({
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
    agencyName: leader.agencyName,
    publicUrl: 'https://dichvucong.bacninh.gov.vn',
    issuedAt: signingTime,
    keywords: ['24.07210-260302-0007'],
  });
  signed = await signPdf(unsigned, ca, leader, signingTime, {
    reason: 'Kết quả giải quyết hồ sơ',
    location: 'Bắc Ninh',
  });
});

describe('PAdES signatures through the local certificate authority', () => {
  it('is valid, names the leader, the agency, the chain, the time, the hash and the dossier', async () => {
    const report = await verifyPdf(signed, await ca.trustedRoots());
    expect(report).toMatchObject({
      valid: true,
      signer: { name: 'Vũ Mạnh Hùng', agency: 'Ủy ban nhân dân Phường Bắc Giang' },
      signingTime: '2026-03-02T08:00:00.000Z',
      dossierCode: '24.07210-260302-0007',
    });
    expect(report.chain).toEqual([
      'Vũ Mạnh Hùng',
      'CA Tỉnh Bắc Ninh (thử nghiệm)',
      'egov-one-stop Local Root CA (thử nghiệm)',
    ]);
    expect(report.documentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps one certificate per leader', async () => {
    expect((await ca.certificateFor(leader)).certificate).toBe((await ca.certificateFor(leader)).certificate);
    expect((await ca.certificateFor({ ...leader, sub: 'leader-son' })).certificate).not.toBe(
      (await ca.certificateFor(leader)).certificate,
    );
  });

  it('is invalid once one byte of the signed content changes', async () => {
    const tampered = Buffer.from(signed);
    // A byte of the page content (inside the first signed range).
    const at = tampered.indexOf('stream') + 20;
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    const report = await verifyPdf(tampered, await ca.trustedRoots());
    expect(report).toMatchObject({ valid: false, code: 'modified' });
  });

  it('is invalid when appended to after signing', async () => {
    const appended = Buffer.concat([Buffer.from(signed), Buffer.from('\n% appended\n')]);
    expect(await verifyPdf(appended, await ca.trustedRoots())).toMatchObject({ valid: false, code: 'modified' });
  });

  it('is untrusted when signed by an unknown CA', async () => {
    const foreign = await signPdf(unsigned, stranger, leader, signingTime, { reason: 'x', location: 'y' });
    expect(await verifyPdf(foreign, await stranger.trustedRoots())).toMatchObject({ valid: true });
    expect(await verifyPdf(foreign, await ca.trustedRoots())).toMatchObject({ valid: false, code: 'untrusted' });
  });

  it('is untrusted when signed before the certificates were valid: the chain is checked at the signing time', async () => {
    const early = await signPdf(unsigned, ca, leader, new Date('2025-12-01T08:00:00Z'), { reason: 'x', location: 'y' });
    expect(await verifyPdf(early, await ca.trustedRoots())).toMatchObject({ valid: false, code: 'untrusted' });
  });

  it('says an unsigned file is not signed', async () => {
    expect(await verifyPdf(unsigned, await ca.trustedRoots())).toMatchObject({ valid: false, code: 'unsigned' });
  });

  it('is read by pdfsig (poppler) with the leader’s name', () => {
    const out = pdfSignatures(signed);
    expect(out).toContain('Signature #1');
    expect(out).toContain('Vũ Mạnh Hùng');
    expect(out).toMatch(/Signature Validation: Signature is Valid/);
  });
});

describe('a result signed by the leader, then countersigned by the agency in place of its seal', () => {
  const agency = organisationIdentity('24.07210', leader.agencyName);
  let countersigned: Uint8Array;
  beforeAll(async () => {
    countersigned = await signPdf(signed, ca, agency, signingTime, { reason: 'Ký số thay dấu', location: 'Bắc Ninh' });
  });

  it('keeps the first revision byte for byte and verifies both signatures, the last over the whole file', async () => {
    expect(Buffer.from(countersigned.subarray(0, signed.length)).equals(Buffer.from(signed))).toBe(true);
    const report = await verifyPdf(countersigned, await ca.trustedRoots());
    expect(report).toMatchObject({
      valid: true,
      signer: { name: 'Vũ Mạnh Hùng' },
      organisation: { name: leader.agencyName },
      dossierCode: '24.07210-260302-0007',
    });
    expect(report.signatures?.map((s) => [s.valid, s.kind, s.coversWholeDocument])).toEqual([
      [true, 'person', false],
      [true, 'organisation', true],
    ]);
  });

  it('is read by pdfsig (poppler) as two valid signatures in two fields', () => {
    const out = pdfSignatures(countersigned);
    expect(out).toMatch(
      /Signature #1:[\s\S]*Field Name: Signature1[\s\S]*Vũ Mạnh Hùng[\s\S]*Not total document signed/,
    );
    expect(out).toMatch(/Signature #2:[\s\S]*Field Name: Signature2[\s\S]*Total document signed/);
    expect(out.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
    expect(out).not.toMatch(/not yet been verified|format|Signature #3/i);
  });

  it('reports one flipped byte in the leader’s revision as modified, for both signatures', async () => {
    const tampered = Buffer.from(countersigned);
    const at = tampered.indexOf('stream') + 20;
    expect(at).toBeLessThan(signed.length);
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    const report = await verifyPdf(tampered, await ca.trustedRoots());
    expect(report).toMatchObject({ valid: false, code: 'modified' });
    expect(report.signatures?.map((s) => s.code)).toEqual(['modified', 'modified']);
  });

  it('reports one flipped byte in the countersignature’s revision as modified, the leader’s still valid', async () => {
    const tampered = Buffer.from(countersigned);
    // In the agency's /Reason, in the update after the leader's revision.
    const at = tampered.indexOf('/Reason', signed.length) + 12;
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    const report = await verifyPdf(tampered, await ca.trustedRoots());
    expect(report).toMatchObject({ valid: false, code: 'modified' });
    expect(report.signatures?.map((s) => s.valid)).toEqual([true, false]);
  });

  it('gives a third signature the next free field name', async () => {
    const third = await signPdf(
      countersigned,
      ca,
      { ...leader, sub: 'leader-son', name: 'Trịnh Hồng Sơn' },
      signingTime,
      {
        reason: 'x',
        location: 'y',
      },
    );
    expect(pdfSignatures(third)).toMatch(/Signature #3:[\s\S]*Field Name: Signature3/);
    expect(await verifyPdf(third, await ca.trustedRoots())).toMatchObject({ valid: true });
  });
});

describe('a signature whose last byte is 0x00', () => {
  // The CMS ends with the RSA signature, whose last byte is 0x00 once in 256 signatures; the
  // placeholder around it is padded with zeros. Reading the CMS must not take that byte for padding.
  it('verifies: the CMS is read as one DER value, not by stripping trailing zeros', async () => {
    const blank = new PdfWriter();
    blank.addPage(595.28, 841.89);
    blank.info = { Keywords: '24.SXD-260302-0001' };
    const pdf = await blank.save();
    let last = -1;
    const capturing: Signer = {
      certificateFor: (identity) => ca.certificateFor(identity),
      trustedRoots: () => ca.trustedRoots(),
      async sign(identity, data) {
        const signature = await ca.sign(identity, data);
        last = signature.at(-1) ?? -1;
        return signature;
      },
    };
    // Deterministic RSA (PKCS#1 v1.5): each signing time gives another signature. The chance that
    // none of 4,000 ends with 0x00 is (255/256)^4000 ≈ 1.6e-7.
    for (let second = 0; second < 4000; second++) {
      const signed = await signPdf(pdf, capturing, leader, new Date(signingTime.getTime() + second * 1000), {
        reason: 'x',
        location: 'y',
      });
      if (last !== 0) continue;
      expect(await verifyPdf(signed, await ca.trustedRoots())).toMatchObject({ valid: true });
      return;
    }
    throw new Error('No signature ending with 0x00 in 4,000 attempts');
  });
});
