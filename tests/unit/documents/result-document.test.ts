import { beforeAll, describe, expect, it } from 'vitest';
import { renderResultPdf } from '../../../shared/documents/result-pdf.ts';
import { localCertificateAuthority } from '../../../shared/documents/signing/local-ca.ts';
import { signPdf, verifyPdf } from '../../../shared/documents/signing/pades.ts';
import { organisationIdentity } from '../../../shared/documents/signing/signer.ts';
import {
  documentDate,
  placeName,
  type ResultAgency,
  type ResultDocumentInput,
  resultDocument,
} from '../../../shared/domain/dossier/result-document.ts';
import { pdfSignatures, pdfText } from '../../support/pdf.ts';

const sxd = {
  id: '24.SXD',
  name: 'Sở Xây dựng tỉnh Bắc Ninh',
  level: 'department' as const,
  parentName: 'Ủy ban nhân dân tỉnh Bắc Ninh',
};
const ward = { id: '24.07210', name: 'Ủy ban nhân dân Phường Bắc Giang', level: 'commune' as const };
const applicant = { fullName: 'Nguyễn Văn An', idNumber: '024090001234', address: 'Số 12 Hoàng Văn Thụ, Bắc Giang' };

function input(
  resultType: string,
  outcome: 'approved' | 'refused' = 'approved',
  agency: ResultAgency = sxd,
): ResultDocumentInput {
  return {
    dossier: {
      code: `${agency.id}-260302-0001`,
      procedure: { code: '1.009999', version: 1, name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ' },
      applicant,
      submittedAt: '2026-03-02T08:10:00+07:00',
      receivedAt: '2026-03-02T09:00:00+07:00',
      decision: {
        outcome,
        decidedAt: '2026-03-10T10:00:00+07:00',
        by: 'leader-son',
        ...(outcome === 'refused' ? { reasons: 'Công trình nằm trong hành lang bảo vệ đê điều' } : {}),
      },
    },
    procedure: {
      code: '1.009999',
      name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
      resultType,
      legalBasis: 'Luật Xây dựng 2014; Nghị định 175/2024/NĐ-CP',
    },
    agency,
    leaderName: 'Trịnh Hồng Sơn',
  };
}

describe('the date line of an administrative document (Nghị định 30/2020/NĐ-CP, phụ lục I)', () => {
  // "ngày ... tháng ... năm ...": days under 10 and the months 1 and 2 take a leading zero.
  it('pads days under 10 and the months January and February, in Vietnam time', () => {
    expect(documentDate(new Date('2026-12-04T10:00:00+07:00'))).toBe('ngày 04 tháng 12 năm 2026');
    expect(documentDate(new Date('2027-02-15T10:00:00+07:00'))).toBe('ngày 15 tháng 02 năm 2027');
    expect(documentDate(new Date('2026-03-05T10:00:00+07:00'))).toBe('ngày 05 tháng 3 năm 2026');
    // 2026-03-31T23:00Z is 06:00 on 1 April in Vietnam (UTC+7).
    expect(documentDate(new Date('2026-03-31T23:00:00Z'))).toBe('ngày 01 tháng 4 năm 2026');
  });

  it('names the administrative unit where the agency sits', () => {
    expect(placeName('Sở Xây dựng tỉnh Bắc Ninh')).toBe('Bắc Ninh');
    expect(placeName('Ủy ban nhân dân Phường Bắc Giang')).toBe('Bắc Giang');
    expect(placeName('Ủy ban nhân dân tỉnh Bắc Ninh')).toBe('Bắc Ninh');
    expect(placeName('Ủy ban nhân dân Xã Tiên Du')).toBe('Tiên Du');
  });
});

describe('the result document of a decided dossier', () => {
  it('is the procedure’s own result when approved: a licence titled by its result type', () => {
    const doc = resultDocument(input('Giấy phép xây dựng'));
    expect(doc).toMatchObject({
      outcome: 'approved',
      issuer: ['ỦY BAN NHÂN DÂN TỈNH BẮC NINH', 'SỞ XÂY DỰNG TỈNH BẮC NINH'],
      number: 'Số: 24.SXD-260302-0001/GP-SXD',
      placeAndDate: 'Bắc Ninh, ngày 10 tháng 3 năm 2026',
      title: 'GIẤY PHÉP XÂY DỰNG',
      grounds: ['Căn cứ Luật Xây dựng 2014;', 'Căn cứ Nghị định 175/2024/NĐ-CP;'],
      signerName: 'Trịnh Hồng Sơn',
    });
    expect(doc.content).toContainEqual(['Ông/Bà', 'Nguyễn Văn An']);
    expect(doc.content.join(' ')).toContain('24.SXD-260302-0001');
    expect(doc.content[0]).toBe('Sở Xây dựng tỉnh Bắc Ninh cấp giấy phép xây dựng cho:');
  });

  it('is a decision when the result type is one, with its articles', () => {
    const doc = resultDocument(input('Quyết định cho thuê nhà ở xã hội'));
    expect(doc).toMatchObject({
      title: 'QUYẾT ĐỊNH',
      summary: 'Về việc cho thuê nhà ở xã hội',
      number: 'Số: 24.SXD-260302-0001/QĐ-SXD',
    });
    expect(doc.content).toContain('QUYẾT ĐỊNH:');
    expect(
      doc.content.some((c) => typeof c === 'string' && c.startsWith('Điều 1. Chấp thuận cho thuê nhà ở xã hội')),
    ).toBe(true);
  });

  it('at a commune: signed on behalf of the People’s Committee, dated at the ward', () => {
    const doc = resultDocument(input('Giấy khai sinh', 'approved', ward));
    expect(doc).toMatchObject({
      issuer: ['ỦY BAN NHÂN DÂN PHƯỜNG BẮC GIANG'],
      authority: 'TM. ỦY BAN NHÂN DÂN',
      placeAndDate: 'Bắc Giang, ngày 10 tháng 3 năm 2026',
      title: 'GIẤY KHAI SINH',
      number: 'Số: 24.07210-260302-0001/GKS-UBND',
    });
  });

  it('is a reasoned notice when refused, with the applicant’s remedies', () => {
    const doc = resultDocument(input('Giấy phép xây dựng', 'refused'));
    expect(doc).toMatchObject({ outcome: 'refused', title: 'THÔNG BÁO', number: 'Số: 24.SXD-260302-0001/TB-SXD' });
    expect(doc.summary).toBe(
      'Về việc không giải quyết hồ sơ đề nghị cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
    );
    const text = doc.content.flat().join(' ');
    expect(text).toContain('lý do: Công trình nằm trong hành lang bảo vệ đê điều');
    expect(text).toContain('Luật Khiếu nại');
    expect(text).not.toContain('cấp giấy phép xây dựng cho');
  });
});

describe('the signed result: the leader, then the agency in place of its seal', () => {
  const issuedAt = () => new Date('2026-01-05T00:00:00Z');
  const ca = localCertificateAuthority({ now: issuedAt });
  const leader = { sub: 'leader-son', name: 'Trịnh Hồng Sơn', agencyName: sxd.name };
  const details = { reason: 'Kết quả giải quyết hồ sơ 24.SXD-260302-0001', location: sxd.name };
  let unsigned: Uint8Array;
  let byLeader: Uint8Array;
  let signed: Uint8Array;
  beforeAll(async () => {
    unsigned = await renderResultPdf({
      document: resultDocument(input('Giấy phép xây dựng')),
      dossierCode: '24.SXD-260302-0001',
      publicUrl: 'https://dichvucong.bacninh.gov.vn',
      issuedAt: new Date('2026-03-10T10:00:00+07:00'),
    });
    byLeader = await signPdf(unsigned, ca, leader, new Date('2026-03-10T03:00:05Z'), details);
    signed = await signPdf(
      byLeader,
      ca,
      organisationIdentity(sxd.id, sxd.name),
      new Date('2026-03-10T03:00:06Z'),
      details,
    );
  });

  it('adds the agency’s signature as an incremental update: the leader’s revision stays byte for byte', () => {
    expect(Buffer.from(signed.subarray(0, byLeader.length)).equals(Buffer.from(byLeader))).toBe(true);
    expect(Buffer.from(byLeader.subarray(0, unsigned.length)).equals(Buffer.from(unsigned))).toBe(true);
  });

  it('verifies both signers, the leader first, the agency’s organisation certificate second', async () => {
    const report = await verifyPdf(signed, await ca.trustedRoots());
    expect(report).toMatchObject({
      valid: true,
      signer: { name: 'Trịnh Hồng Sơn', agency: sxd.name },
      organisation: { name: sxd.name },
      dossierCode: '24.SXD-260302-0001',
    });
    expect(report.signatures).toEqual([
      expect.objectContaining({ valid: true, kind: 'person', coversWholeDocument: false }),
      expect.objectContaining({
        valid: true,
        kind: 'organisation',
        signer: { name: sxd.name, agency: sxd.name },
        coversWholeDocument: true,
        chain: [sxd.name, 'CA Tỉnh Bắc Ninh (thử nghiệm)', 'egov-one-stop Local Root CA (thử nghiệm)'],
      }),
    ]);
  });

  it('is invalid when a byte of the leader’s revision changes, or something is appended after the last signature', async () => {
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('stream') + 20;
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;
    const report = await verifyPdf(tampered, await ca.trustedRoots());
    expect(report).toMatchObject({ valid: false, code: 'modified' });
    expect(report.signatures?.map((s) => s.valid)).toEqual([false, false]);
    const appended = Buffer.concat([Buffer.from(signed), Buffer.from('\n% appended\n')]);
    expect(await verifyPdf(appended, await ca.trustedRoots())).toMatchObject({ valid: false, code: 'modified' });
  });

  it('shows two valid signatures in pdfsig (poppler), the leader’s and the agency’s', () => {
    const out = pdfSignatures(signed);
    expect(out).toContain('Signature #1');
    expect(out).toContain('Signature #2');
    expect(out).not.toContain('Signature #3');
    expect(out).toMatch(/Signature #1:[\s\S]*Common Name: Trịnh Hồng Sơn[\s\S]*Signature is Valid/);
    expect(out).toMatch(/Signature #2:[\s\S]*Common Name: Sở Xây dựng tỉnh Bắc Ninh[\s\S]*Total document signed/);
    expect(out.match(/Signature Validation: Signature is Valid/g)).toHaveLength(2);
  });

  it('reads as an administrative document (pdftotext)', () => {
    const text = pdfText(signed).replace(/\s+/g, ' ');
    for (const part of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'SỞ XÂY DỰNG TỈNH BẮC NINH',
      'Số: 24.SXD-260302-0001/GP-SXD',
      'Bắc Ninh, ngày 10 tháng 3 năm 2026',
      'GIẤY PHÉP XÂY DỰNG',
      'Nguyễn Văn An',
      'Nơi nhận:',
      '(Đã ký số)',
      'Trịnh Hồng Sơn',
      'https://dichvucong.bacninh.gov.vn/portal/tra-cuu-ho-so?code=24.SXD-260302-0001',
    ]) {
      expect(text).toContain(part);
    }
  });
});
