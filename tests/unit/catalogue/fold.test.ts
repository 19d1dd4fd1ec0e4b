import { describe, expect, it } from 'vitest';
import { foldVietnamese, queryWords } from '../../../shared/domain/catalogue/fold.ts';
import { matchesQuery } from '../../../shared/domain/catalogue/search.ts';

describe('foldVietnamese', () => {
  it.each([
    ['Đăng ký khai sinh', 'dang ky khai sinh'],
    ['ĐĂNG KÝ KHAI SINH', 'dang ky khai sinh'],
    ['dang ky khai sinh', 'dang ky khai sinh'],
    ['  Đăng   ký\tkhai\n sinh  ', 'dang ky khai sinh'],
    ['đường Đồng Kỳ', 'duong dong ky'],
    ['Hòa giải tranh chấp đất đai', 'hoa giai tranh chap dat dai'],
    ['Thực hiện, điều chỉnh, thôi hưởng trợ cấp', 'thuc hien, dieu chinh, thoi huong tro cap'],
    ['Ủy ban nhân dân Phường Bắc Giang', 'uy ban nhan dan phuong bac giang'],
    ['ặằẳẵắ ỆỀỂỄẾ ỢỜỞỠỚ ỰỪỬỮỨ ỴỲỶỸÝ', 'aaaaa eeeee ooooo uuuuu yyyyy'],
    ['', ''],
  ])('%j → %j', (text, folded) => expect(foldVietnamese(text)).toBe(folded));

  it('folds text in decomposed form (NFD) like precomposed text', () => {
    expect(foldVietnamese('Đăng ký khai sinh'.normalize('NFD'))).toBe('dang ky khai sinh');
  });

  it('splits a query into folded words', () => {
    expect(queryWords('  Khai   SINH ')).toEqual(['khai', 'sinh']);
    expect(queryWords('   ')).toEqual([]);
  });
});

describe('matchesQuery', () => {
  const birth = { code: '1.001193', name: 'Đăng ký khai sinh' };
  const marriage = { code: '1.000894', name: 'Đăng ký kết hôn' };
  const record = {
    code: '2.000488',
    name: 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam',
  };

  it.each([
    ['khai sinh', birth, true],
    ['Khai Sinh', birth, true],
    ['khai   sinh', birth, true],
    ['đăng ký khai sinh', birth, true],
    ['dang ky khai sinh', birth, true],
    ['ĐĂNG KÝ', birth, true],
    ['sinh khai', birth, true],
    ['kha', birth, true],
    ['khai tu', birth, false],
    ['ket hon', marriage, true],
    ['kết hôn', marriage, true],
    ['ket hon', birth, false],
    ['ly lich tu phap', record, true],
    ['lý lịch viet nam', record, true],
    ['1.001193', birth, true],
    ['1.0011', birth, true],
    ['  1.001193 ', birth, true],
    ['1.001193', marriage, false],
    ['2.000488', record, true],
    ['', birth, true],
    ['   ', marriage, true],
  ])('%j in %o → %s', (query, entry, expected) => expect(matchesQuery(entry, query)).toBe(expected));

  it('uses the stored folded name when there is one', () => {
    expect(matchesQuery({ code: '1.000001', name: 'X', nameFolded: 'dang ky khai sinh' }, 'khai sinh')).toBe(true);
  });
});
