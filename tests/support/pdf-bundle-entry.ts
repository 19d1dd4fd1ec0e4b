/**
 * What the `sign` and the PDF-rendering functions do with PDFs, as one entry the bundle test builds
 * with the functions' bundling (infra/stacks/platform-function.ts: the fonts beside the bundle): render
 * a result document, sign it as a leader, verify it.
 */
import { renderResultPdf } from '../../shared/documents/result-pdf.ts';
import { localCertificateAuthority } from '../../shared/documents/signing/local-ca.ts';
import { signPdf, verifyPdf } from '../../shared/documents/signing/pades.ts';
import { resultDocument } from '../../shared/domain/dossier/result-document.ts';

export async function renderSignVerify() {
  const now = () => new Date('2026-01-05T00:00:00Z');
  const ca = localCertificateAuthority({ now });
  const agency = { id: '24.07210', name: 'Ủy ban nhân dân Phường Bắc Giang', level: 'commune' as const };
  const unsigned = await renderResultPdf({
    document: resultDocument({
      dossier: {
        code: '24.07210-260302-0001',
        procedure: { code: '1.001193', version: 1, name: 'Đăng ký khai sinh' },
        applicant: { fullName: 'Nguyễn Văn An', idNumber: '024090001234', address: 'Phường Bắc Giang' },
        submittedAt: '2026-03-02T08:10:00+07:00',
        receivedAt: '2026-03-02T09:00:00+07:00',
        decision: { outcome: 'approved', decidedAt: '2026-03-03T10:00:00+07:00', by: 'leader-hung' },
      },
      procedure: {
        code: '1.001193',
        name: 'Đăng ký khai sinh',
        resultType: 'Giấy khai sinh',
        legalBasis: 'Luật Hộ tịch 2014',
      },
      agency,
      leaderName: 'Trần Văn Hùng',
    }),
    dossierCode: '24.07210-260302-0001',
    publicUrl: 'https://dichvucong.bacninh.gov.vn',
    issuedAt: new Date('2026-03-03T10:00:00+07:00'),
  });
  const signed = await signPdf(
    unsigned,
    ca,
    { sub: 'leader-hung', name: 'Trần Văn Hùng', agencyName: agency.name },
    new Date('2026-03-03T03:00:05Z'),
    { reason: 'Kết quả giải quyết hồ sơ 24.07210-260302-0001', location: agency.name },
  );
  const report = await verifyPdf(signed, await ca.trustedRoots());
  return { signed, report };
}
