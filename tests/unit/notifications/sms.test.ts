import { describe, expect, it } from 'vitest';
import { composeSms, isGsm7, segmentsOf, stripDiacritics } from '../../../shared/domain/notifications/sms.ts';

describe('SMS text (docs/domain.md: UCS-2 with diacritics, 70 a segment; configurable stripping)', () => {
  it('strips Vietnamese diacritics, đ included, to plain GSM-7 text', () => {
    expect(stripDiacritics('Hồ sơ đã được tiếp nhận. Hẹn trả: Đồng Kỵ')).toBe(
      'Ho so da duoc tiep nhan. Hen tra: Dong Ky',
    );
    expect(isGsm7(stripDiacritics('Ưu đãi ở Bắc Ninh'))).toBe(true);
    expect(isGsm7('Hồ sơ')).toBe(false);
  });

  it('counts segments per encoding', () => {
    expect(segmentsOf('a'.repeat(160), 'GSM-7')).toBe(1);
    expect(segmentsOf('a'.repeat(161), 'GSM-7')).toBe(2);
    expect(segmentsOf('ồ'.repeat(70), 'UCS-2')).toBe(1);
    expect(segmentsOf('ồ'.repeat(71), 'UCS-2')).toBe(2);
    expect(segmentsOf('ồ'.repeat(134), 'UCS-2')).toBe(2);
  });

  it('keeps diacritics as UCS-2 within the segment budget, cutting with "..."', () => {
    const long = 'Hồ sơ 24.07210-260302-0001 đã được tiếp nhận. Hẹn trả kết quả: 02/03/2026.';
    const kept = composeSms(long, 'keep', 1);
    expect(kept.encoding).toBe('UCS-2');
    expect([...kept.text].length).toBeLessThanOrEqual(70);
    expect(kept.text.endsWith('...')).toBe(true);
    expect(kept.segments).toBe(1);
    expect(composeSms(long, 'keep', 2)).toMatchObject({ text: long, encoding: 'UCS-2', segments: 2 });
  });

  it('stripped, the same text fits one GSM-7 segment whole', () => {
    const sms = composeSms('Hồ sơ 24.07210-260302-0001 đã được tiếp nhận. Hẹn trả: 02/03/2026.', 'strip', 1);
    expect(sms).toEqual({
      text: 'Ho so 24.07210-260302-0001 da duoc tiep nhan. Hen tra: 02/03/2026.',
      encoding: 'GSM-7',
      segments: 1,
    });
  });
});
