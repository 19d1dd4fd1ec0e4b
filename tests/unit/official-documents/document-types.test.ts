import { describe, expect, it } from 'vitest';
import {
  documentTypeByAbbreviation,
  documentTypes,
  isDocumentTypeId,
} from '../../../shared/domain/official-documents/document-types.ts';

describe('administrative document types (Nghị định 30/2020/NĐ-CP, Điều 7 and Phụ lục III Mục I)', () => {
  it('Điều 7 lists 29 types, from nghị quyết (cá biệt) to thư công', () => {
    expect(documentTypes).toHaveLength(29);
    expect(documentTypes[0].name).toBe('Nghị quyết (cá biệt)');
    expect(documentTypes[17].name).toBe('Công văn');
    expect(documentTypes[28].name).toBe('Thư công');
    expect(new Set(documentTypes.map((t) => t.id)).size).toBe(29);
  });

  it('Phụ lục III gives 27 abbreviations, all different; công văn and thư công have none', () => {
    const abbreviated = documentTypes.filter((t) => t.abbreviation !== undefined);
    expect(abbreviated).toHaveLength(27);
    expect(new Set(abbreviated.map((t) => t.abbreviation)).size).toBe(27);
    expect(documentTypes.filter((t) => t.abbreviation === undefined).map((t) => t.id)).toEqual([
      'cong-van',
      'thu-cong',
    ]);
  });

  it('the table’s abbreviations, mixed case as printed (Phụ lục III Mục I)', () => {
    const byName = Object.fromEntries(documentTypes.map((t) => [t.name, t.abbreviation]));
    expect(byName).toMatchObject({
      'Quyết định (cá biệt)': 'QĐ',
      'Thông báo': 'TB',
      'Kế hoạch': 'KH',
      'Báo cáo': 'BC',
      'Tờ trình': 'TTr',
      'Quy định': 'QyĐ',
      'Chương trình': 'CTr',
      'Đề án': 'ĐA',
      'Công điện': 'CĐ',
      'Giấy mời': 'GM',
    });
  });

  it('finds a type by its exact abbreviation only (QyĐ is quy định, QYĐ is nothing)', () => {
    expect(documentTypeByAbbreviation('QyĐ')?.id).toBe('quy-dinh');
    expect(documentTypeByAbbreviation('QYĐ')).toBeUndefined();
    expect(isDocumentTypeId('cong-van')).toBe(true);
    expect(isDocumentTypeId('luat')).toBe(false);
  });
});
