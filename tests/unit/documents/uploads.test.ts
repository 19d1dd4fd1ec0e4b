import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../shared/domain/caller.ts';
import { maxUploadBytes, newUpload, uploadRight, verifyUpload } from '../../../shared/domain/documents/document.ts';
import { sniffContentType } from '../../../shared/domain/documents/sniff.ts';
import type { DossierStatus } from '../../../shared/domain/dossier/status.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('sniffContentType', () => {
  it.each([
    ['%PDF-1.7', bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37), 'application/pdf'],
    ['JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46), 'image/jpeg'],
    ['PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'image/png'],
    ['a Windows executable', bytes(0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0), undefined],
    ['an ELF binary', bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0), undefined],
    ['a ZIP (docx)', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0), undefined],
    ['"%PDF" without its dash', bytes(0x25, 0x50, 0x44, 0x46, 0x31), undefined],
    ['a truncated PNG signature', bytes(0x89, 0x50, 0x4e, 0x47), undefined],
    ['nothing', bytes(), undefined],
  ])('%s', (_label, head, type) => {
    expect(sniffContentType(head)).toBe(type);
  });
});

const applicant: Caller = { sub: 'citizen-an', roles: ['citizen'] };
const dossier = (status: DossierStatus) => ({
  code: '24.07210-260302-0001',
  applicantId: 'citizen-an',
  agencyId: '24.07210',
  status,
});

describe('who may add files to a dossier', () => {
  const cases: [string, Caller, DossierStatus, { digitised: boolean } | string][] = [
    ['the applicant, just filed', applicant, 'submitted', { digitised: false }],
    ['the applicant, asked to supplement', applicant, 'supplement-requested', { digitised: false }],
    ['the applicant, in processing', applicant, 'processing', 'upload-closed'],
    ['another citizen', { sub: 'citizen-binh', roles: ['citizen'] }, 'submitted', 'upload-not-allowed'],
    [
      'a receiver of the holding agency',
      { sub: 'r', roles: ['receiver'], agencyId: '24.07210' },
      'processing',
      { digitised: true },
    ],
    [
      'a receiver, after the decision',
      { sub: 'r', roles: ['receiver'], agencyId: '24.07210' },
      'decided',
      'upload-closed',
    ],
    [
      'a receiver of another agency',
      { sub: 'r', roles: ['receiver'], agencyId: '24.SXD' },
      'submitted',
      'upload-not-allowed',
    ],
    [
      'a leader of the holding agency',
      { sub: 'l', roles: ['leader'], agencyId: '24.07210' },
      'processing',
      'upload-not-allowed',
    ],
  ];
  it.each(cases)('%s', (_label, caller, status, expected) => {
    if (typeof expected === 'string') {
      expect(() => uploadRight(caller, dossier(status))).toThrow(expect.objectContaining({ code: expected }));
    } else {
      expect(uploadRight(caller, dossier(status))).toEqual(expected);
    }
  });
});

describe('verifyUpload', () => {
  const now = new Date('2026-03-02T03:00:00Z');
  const document = newUpload(
    { slot: 0, contentType: 'application/pdf', size: 1000 },
    { id: 'd1', caller: applicant, dossier: dossier('submitted'), documents: [{ name: 'Tờ khai' }], now },
  );
  const facts = {
    size: 1000,
    lastModified: new Date(now.getTime() + 1000),
    sniffedType: 'application/pdf' as const,
    sha256: 'x',
  };

  it('keys the upload under the dossier and closes the window after five minutes', () => {
    expect(document.key).toBe('dossiers/24.07210-260302-0001/uploads/d1');
    // Five minutes after 10:00 in Hà Nội, written in Hà Nội time like every instant the API answers with.
    expect(document.expiresAt).toBe('2026-03-02T10:05:00+07:00');
  });
  it('accepts the declared file', () => expect(verifyUpload(document, facts)).toEqual({ ok: true }));
  it.each([
    ['stored after the window (+1 min leeway)', { lastModified: new Date('2026-03-02T03:06:01Z') }, 'upload-expired'],
    ['bigger than the limit', { size: maxUploadBytes + 1 }, 'too-large'],
    ['another size than declared', { size: 999 }, 'size-mismatch'],
    ['no allowed type', { sniffedType: undefined }, 'type-not-allowed'],
    ['another allowed type', { sniffedType: 'image/jpeg' as const }, 'type-mismatch'],
  ])('refuses a file %s', (_label, change, code) => {
    expect(verifyUpload(document, { ...facts, ...change })).toMatchObject({ ok: false, code });
  });
});
