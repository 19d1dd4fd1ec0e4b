/**
 * Form 01's "Thành phần hồ sơ" (Thông tư 03/2025/TT-VPCP, phụ lục I, mẫu số 01) lists what the dossier
 * actually holds: files verified for each required document, counted, with the copy type the
 * procedure asks for and how each came in; optional documents not given and refused files are absent.
 */
import { describe, expect, it } from 'vitest';
import type { DossierDocument } from '../../../shared/domain/documents/document.ts';
import { receivedDocuments } from '../../../shared/domain/documents/received.ts';
import type { RequiredDocument } from '../../../shared/domain/procedure.ts';

const required: RequiredDocument[] = [
  { name: 'Tờ khai', copyType: 'original', count: 1 },
  { name: 'Giấy chứng sinh', copyType: 'original', count: 1 },
  { name: 'Văn bản ủy quyền', copyType: 'certified-copy', count: 1, optional: true },
];

const doc = (id: string, fields: Partial<DossierDocument>): DossierDocument => ({
  id,
  dossierCode: '24.07210-260309-0001',
  kind: 'upload',
  name: 'x',
  key: `k/${id}`,
  contentType: 'application/pdf',
  size: 10,
  digitised: false,
  status: 'verified',
  createdBy: 'citizen-an',
  createdAt: '2026-03-09T08:00:00+07:00',
  ...fields,
});

describe('what form 01 lists as received', () => {
  it('counts verified files per document and way in, leaving out refused files, forms and optional papers not given', () => {
    const documents = [
      doc('a', { slot: 1 }),
      doc('b', { slot: 0 }),
      // Two pages of the birth certificate scanned at the desk.
      doc('c', { slot: 1, digitised: true, createdBy: 'receiver-lan' }),
      doc('d', { slot: 1, digitised: true, createdBy: 'receiver-lan' }),
      doc('e', { slot: 0, status: 'quarantined' }),
      doc('f', { slot: 0, status: 'pending' }),
      doc('g', { kind: 'form', form: '01', name: 'Mẫu số 01' }),
    ];
    expect(receivedDocuments(required, documents)).toEqual([
      { name: 'Tờ khai', copyType: 'original', count: 1, source: 'upload' },
      { name: 'Giấy chứng sinh', copyType: 'original', count: 1, source: 'upload' },
      { name: 'Giấy chứng sinh', copyType: 'original', count: 2, source: 'digitised' },
    ]);
  });

  it('lists a national-portal attachment by its own name, after the required documents', () => {
    const documents = [
      doc('p', { kind: 'referenced', status: 'referenced', name: 'Tờ khai (DVCQG)', createdBy: 'dvcqg' }),
      doc('q', { slot: 2 }),
    ];
    expect(receivedDocuments(required, documents)).toEqual([
      { name: 'Văn bản ủy quyền', copyType: 'certified-copy', count: 1, source: 'upload' },
      { name: 'Tờ khai (DVCQG)', count: 1, source: 'referenced' },
    ]);
  });

  it('lists the papers a receiver declared at the counter first, each with its count, beside their later scans', () => {
    // Two copies of the birth certificate and the form taken at the desk; the form scanned afterwards.
    const papers = [
      { slot: 0, count: 1 },
      { slot: 1, count: 2 },
    ];
    const documents = [doc('s', { slot: 0, digitised: true, createdBy: 'receiver-lan' })];
    expect(receivedDocuments(required, documents, papers)).toEqual([
      { name: 'Tờ khai', copyType: 'original', count: 1, source: 'paper' },
      { name: 'Tờ khai', copyType: 'original', count: 1, source: 'digitised' },
      { name: 'Giấy chứng sinh', copyType: 'original', count: 2, source: 'paper' },
    ]);
  });
});
