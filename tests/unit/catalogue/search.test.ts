import { describe, expect, it } from 'vitest';
import { demoProcedures } from '../../../infra/local/seed-catalogue.ts';
import { filterCatalogue, summaryOf } from '../../../shared/domain/catalogue/search.ts';
import type { Procedure } from '../../../shared/domain/procedure.ts';

const catalogue = demoProcedures.map(summaryOf);
const codes = (filter: Parameters<typeof filterCatalogue>[1]) => filterCatalogue(catalogue, filter).map((e) => e.code);

describe('summaryOf', () => {
  it('keeps what search needs, with the folded name', () => {
    const summary = summaryOf(demoProcedures.find((p) => p.code === '2.001610') as Procedure);
    expect(summary).toEqual({
      code: '2.001610',
      version: 1,
      name: 'Đăng ký thành lập doanh nghiệp tư nhân',
      nameFolded: 'dang ky thanh lap doanh nghiep tu nhan',
      field: 'Thành lập và hoạt động của doanh nghiệp',
      level: 'department',
      agencyId: '24.STC',
      serviceLevel: 'fully-online',
      processingTime: { workingDays: 3 },
      fee: {
        label: 'Phí công bố nội dung đăng ký doanh nghiệp',
        schedule: { kind: 'fixed', amount: 100_000 },
        due: 'intake',
        basis: 'Thông tư 47/2019/TT-BTC: phí công bố nội dung đăng ký doanh nghiệp 100.000 đồng/lần',
      },
    });
  });
});

describe('filterCatalogue', () => {
  it('sorts by code', () => {
    const all = codes({});
    expect(all).toEqual([...all].sort());
    expect(all).toHaveLength(demoProcedures.length);
  });

  it.each([
    // "Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh" names a birth certificate too.
    [{ q: 'khai sinh' }, ['1.001193', '2.000635']],
    [{ q: 'KHAI SINH', level: 'commune' as const }, ['1.001193', '2.000635']],
    [{ q: 'khai sinh', level: 'department' as const }, []],
    [{ q: 'ho tich', field: 'Hộ tịch' }, ['1.004859', '2.000635']],
    [{ q: 'chung thuc' }, ['2.000815', '2.000884', '2.001035']],
    [{ q: '2.000815' }, ['2.000815']],
  ])('%o → %o', (filter, expected) => expect(codes(filter)).toEqual(expected));

  it('compares the field folded: "ho tich" is "Hộ tịch"', () => {
    const folded = codes({ field: 'ho tich' });
    expect(folded).toEqual(codes({ field: 'Hộ tịch' }));
    expect(folded).toEqual(expect.arrayContaining(['1.001193', '1.000894', '1.000656']));
  });

  it('combines filters with AND', () => {
    const entries = filterCatalogue(catalogue, {
      level: 'department',
      agencyId: '24.STC',
      serviceLevel: 'fully-online',
    });
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(entry).toMatchObject({ level: 'department', agencyId: '24.STC', serviceLevel: 'fully-online' });
    }
  });

  it('finds offline procedures', () => {
    expect(filterCatalogue(catalogue, { serviceLevel: 'offline' }).length).toBeGreaterThan(0);
  });
});
