import { describe, expect, it } from 'vitest';
import { portalApplicantId, portalCaller, referencedDocuments } from '#domain/dvcqg/inbound.ts';
import { DvcqgDossierBody } from '#shared/use-cases/dvcqg/receive-dossier.ts';

const attachment = {
  name: 'Giấy chứng sinh',
  url: 'https://dichvucong.gov.vn/files/abc.pdf',
  size: 1234,
  sha256: 'a'.repeat(64),
  contentType: 'application/pdf' as const,
  documentType: 'GCS',
};
const body = {
  dvcqgId: 'G22.99-000123',
  citizenId: 'vneid-0001',
  procedureCode: '1.001193',
  communeCode: '07210',
  applicant: { fullName: 'Nguyễn Văn An', idNumber: '024090001234', address: 'Bắc Ninh' },
  attachments: [attachment],
};

describe('a dossier from the national portal', () => {
  it('files as the portal acting for a prefixed citizen identity, never as a local citizen', () => {
    expect(portalApplicantId('abc')).toBe('dvcqg:abc');
    expect(portalCaller('abc')).toEqual({ sub: 'dvcqg:abc', roles: ['integration'] });
  });

  it('lists attachments as referenced documents with stable ids', () => {
    const docs = referencedDocuments('C-1', [attachment, attachment], new Date('2026-12-01T02:00:00Z'));
    expect(docs.map((d) => d.id)).toEqual(['dvcqg-01', 'dvcqg-02']);
    expect(docs[0]).toMatchObject({
      kind: 'referenced',
      status: 'referenced',
      sha256: 'a'.repeat(64),
      source: { partner: 'dvcqg', url: attachment.url, documentType: 'GCS' },
    });
  });

  it.each([
    ['an unknown field', { ...body, status: 'received' }],
    ['a non-https attachment', { ...body, attachments: [{ ...attachment, url: 'http://x.vn/a.pdf' }] }],
    ['a bad checksum', { ...body, attachments: [{ ...attachment, sha256: 'XYZ' }] }],
    ['too many attachments', { ...body, attachments: Array.from({ length: 51 }, () => attachment) }],
    ['an id with spaces', { ...body, dvcqgId: 'a b' }],
    ['no citizen identity', { ...body, citizenId: undefined }],
  ])('refuses %s', (_label, payload) => {
    expect(DvcqgDossierBody.safeParse(payload).success).toBe(false);
  });

  it('accepts a valid payload with defaults', () => {
    const parsed = DvcqgDossierBody.parse(body);
    expect(parsed.returnMethod).toBe('online');
    expect(parsed.formData).toEqual({});
  });
});
