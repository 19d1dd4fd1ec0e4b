import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { formTitles, type FormDossier, renderForm } from '../../../shared/documents/forms.ts';
import { formCharacters, formFonts } from '../../../shared/documents/fonts/form-font.ts';
import { embedTrueType } from '../../../shared/documents/truetype.ts';
import { PdfWriter } from '../../../shared/documents/pdf-writer.ts';
import type { FormNumber } from '../../../shared/domain/dossier/dossier.ts';
import { pdfText } from '../../support/pdf.ts';

const dossier: FormDossier = {
  code: '24.07210-260302-0007',
  procedure: { code: '1.001193', version: 1, name: 'Đăng ký khai sinh' },
  applicant: { fullName: 'Nguyễn Văn An', idNumber: '024090001234', address: 'Phường Bắc Giang, tỉnh Bắc Ninh' },
  channel: 'online',
  status: 'decided',
  submittedAt: '2026-03-02T08:10:00+07:00',
  receivedAt: '2026-03-02T09:00:00+07:00',
  dueAt: '2026-03-03T17:30:00+07:00',
  originalDueAt: '2026-03-03T11:30:00+07:00',
  supplement: {
    requestedAt: '2026-03-02T10:00:00+07:00',
    defects: ['Thiếu giấy chứng sinh bản chính'],
    fromStatus: 'processing',
  },
  steps: [
    {
      agencyId: '24.07210',
      name: 'Tiếp nhận, kiểm tra hồ sơ',
      handlerId: 'receiver-lan',
      startedAt: '2026-03-02T09:00:00+07:00',
      dueAt: '2026-03-02T11:00:00+07:00',
      endedAt: '2026-03-02T10:00:00+07:00',
    },
    {
      agencyId: '24.07210',
      name: 'Lãnh đạo UBND xã ký Giấy khai sinh',
      startedAt: '2026-03-02T10:00:00+07:00',
      dueAt: '2026-03-02T14:30:00+07:00',
      endedAt: '2026-03-02T15:00:00+07:00',
    },
  ],
  decision: { outcome: 'approved', decidedAt: '2026-03-02T15:00:00+07:00', by: 'leader-hung' },
  timeline: [
    {
      at: '2026-03-02T15:00:00+07:00',
      actor: { sub: 'leader-hung', role: 'leader' },
      action: 'decide',
      note: 'Hồ sơ đã được giải quyết; kết quả đang chờ trả.',
    },
  ],
};

const input = (form: FormNumber) => ({
  form,
  dossier,
  agencyName: 'Ủy ban nhân dân Phường Bắc Giang',
  agencyNames: { '24.07210': 'UBND Phường Bắc Giang' },
  received: [{ name: 'Tờ khai đăng ký khai sinh', count: 1, copyType: 'original' as const, source: 'upload' as const }],
  publicUrl: 'https://dichvucong.bacninh.gov.vn',
  issuedAt: new Date('2026-03-02T08:00:00Z'),
});

const forms = Object.keys(formTitles) as FormNumber[];

describe('forms 01–07 as PDF', () => {
  it('words the receipt as annex I of TT 03/2025 does', () => {
    expect(formTitles['01']).toBe('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
  });

  it.each(forms)('form %s renders a PDF with its title, the dossier code and the Vietnamese text', async (form) => {
    const bytes = await renderForm(input(form));
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const loaded = await PDFDocument.load(bytes);
    expect(loaded.getTitle()).toBe(`${formTitles[form]} – ${dossier.code}`);
    expect(loaded.getPageCount()).toBeGreaterThanOrEqual(1);
    const text = pdfText(bytes);
    expect(text).toContain(formTitles[form]);
    expect(text).toContain(dossier.code);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Nguyễn Văn An');
  });

  it('is pure: the same input gives the same bytes', async () => {
    expect(Buffer.from(await renderForm(input('01'))).equals(Buffer.from(await renderForm(input('01'))))).toBe(true);
  });

  it('puts the appointment on the receipt and each step, on time or late, on the control slip', async () => {
    const receipt = pdfText(await renderForm(input('01')));
    expect(receipt).toContain('Chiều thứ Ba, ngày 03/03/2026');
    const slip = pdfText(await renderForm(input('06')))
      .normalize('NFC')
      .replace(/\s+/g, ' ');
    expect(slip).toContain('Tiếp nhận, kiểm tra hồ sơ');
    // Mẫu số 06 judges each step "trước hạn / đúng hạn / quá hạn": step 1 ended at 10:00, due 11:00 the
    // same day (on time); step 2 ended at 15:00, due 14:30 (late).
    expect(slip).toContain('đúng hạn');
    expect(slip).toContain('quá hạn');
  });

  it('names the official handling each step on the control slip, the sub only when the roster does not know them', async () => {
    const text = async (officialNames?: Record<string, string>) =>
      pdfText(await renderForm({ ...input('06'), ...(officialNames ? { officialNames } : {}) })).replace(/\s+/g, ' ');
    const named = await text({ 'receiver-lan': 'Trần Thị Lan' });
    expect(named).toContain('cán bộ Trần Thị Lan');
    expect(named).not.toContain('receiver-lan');
    expect(await text()).toContain('cán bộ receiver-lan');
  });

  it('embeds a font that has a glyph for every Vietnamese letter', async () => {
    const font = embedTrueType(new PdfWriter(), formFonts().regular, 'DejaVuSans');
    const letters = 'aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ';
    for (const char of letters + letters.toUpperCase()) {
      expect(formCharacters).toContain(char);
      expect(font.covers(char), char).toBe(true);
      expect(font.widthOfTextAtSize(char, 10), char).toBeGreaterThan(0);
    }
    // Decomposed input (a letter and combining marks) is composed before lookup.
    expect(font.covers('Nguye\u0302\u0303n')).toBe(true);
    expect(font.covers('中')).toBe(false);
  });
});
