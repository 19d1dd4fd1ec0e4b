import { describe, expect, it } from 'vitest';
import { feeRuleErrors } from '../../../shared/domain/catalogue/fee-rules.ts';
import { describeDossierFee, describeFeeRule } from '../../../shared/domain/fees/describe.ts';
import { dossierFee, feeAwaitsAmount, feeOutstanding } from '../../../shared/domain/fees/dossier-fee.ts';
import { assessFee, perCopyByPages } from '../../../shared/domain/fees/fee.ts';
import { type FeeRule, feeRuleFromInput, feeRuleOf } from '../../../shared/domain/fees/rule.ts';

const tiers = [
  { fromPage: 1, amount: 2_000 },
  { fromPage: 3, amount: 1_000 },
];

describe('perCopyByPages', () => {
  it.each([
    // Three tiers: pages 1–2 at 3.000, 3–5 at 2.000, from 6 at 500.
    // 7 pages: 2 × 3.000 + 3 × 2.000 + 2 × 500 = 6.000 + 6.000 + 1.000 = 13.000.
    [7, undefined, 13_000],
    // 4 pages: 2 × 3.000 + 2 × 2.000 = 10.000.
    [4, undefined, 10_000],
    // The same 7 pages capped at 12.000.
    [7, 12_000, 12_000],
  ])('%i pages, cap %s → %i đồng', (pages, cap, expected) => {
    // Given out of order: the tiers are read by their starting page.
    const three = [
      { fromPage: 6, amount: 500 },
      { fromPage: 1, amount: 3_000 },
      { fromPage: 3, amount: 2_000 },
    ];
    expect(perCopyByPages(three, pages, cap)).toBe(expected);
  });
});

describe('assessFee', () => {
  it('charges per copy with a cap on the total: 5 × 8.000 = 40.000, capped at 30.000', () => {
    const rule: FeeRule = { schedule: { kind: 'per-copy', amount: 8_000, cap: 30_000 }, due: 'intake' };
    expect(assessFee(rule, { copies: 5 })).toMatchObject({ amount: 30_000 });
    // One copy when the filing does not say: 8.000.
    expect(assessFee(rule, {})).toMatchObject({ amount: 8_000, detail: '1 bản × 8.000 đồng = 8.000 đồng' });
  });

  it('says how a per-page amount was reached', () => {
    const rule: FeeRule = { schedule: { kind: 'per-page', tiers, capPerCopy: 200_000 }, due: 'intake' };
    expect(assessFee(rule, { pages: 3, copies: 2 })).toEqual({
      kind: 'amount',
      amount: 10_000,
      detail: '3 trang × 2 bản: 5.000 đồng/bản = 10.000 đồng',
    });
  });

  it('refuses a number of copies that is not a whole number from 1', () => {
    const rule: FeeRule = { schedule: { kind: 'per-copy', amount: 8_000 }, due: 'intake' };
    expect(() => assessFee(rule, { copies: 0 })).toThrow(expect.objectContaining({ code: 'fee-copies-invalid' }));
  });
});

describe('the dossier fee', () => {
  it('is null for a free procedure and reads an old flat fee as a fixed one', () => {
    expect(dossierFee(null)).toBeNull();
    expect(dossierFee({ amount: 8_000, due: 'result' })).toMatchObject({ amount: 8_000, due: 'result', paid: false });
  });

  it('tells what is outstanding: not an exempt fee, not a paid one; a range fee until set and paid', () => {
    expect(feeOutstanding(null)).toBe(false);
    expect(feeOutstanding({ amount: 8_000, due: 'result', paid: true })).toBe(false);
    const range = dossierFee({ schedule: { kind: 'range', min: 1_000, max: 2_000 }, due: 'result' });
    expect(feeAwaitsAmount(range)).toBe(true);
    expect(feeOutstanding(range)).toBe(true);
  });
});

describe('fee rules as stored and as sent', () => {
  it('reads an old flat fee as a fixed schedule, and leaves a rule as it is', () => {
    expect(feeRuleOf({ amount: 15_000, due: 'intake' })).toEqual({
      schedule: { kind: 'fixed', amount: 15_000 },
      due: 'intake',
    });
    const rule: FeeRule = { schedule: { kind: 'range', min: 1, max: 2 }, due: 'supplement' };
    expect(feeRuleOf(rule)).toBe(rule);
  });

  it('takes the old flat form from the API as the fixed rule', () => {
    expect(feeRuleFromInput({ amount: 10_000, due: 'intake', label: 'Phí chứng thực chữ ký' })).toEqual({
      label: 'Phí chứng thực chữ ký',
      schedule: { kind: 'fixed', amount: 10_000 },
      due: 'intake',
    });
  });
});

describe('feeRuleErrors (catalogue rules)', () => {
  it.each<[string, FeeRule, string[]]>([
    ['a free fixed fee', { schedule: { kind: 'fixed', amount: 0 }, due: 'intake' }, ['fee.schedule.amount']],
    [
      'tiers out of order',
      {
        schedule: {
          kind: 'per-page',
          tiers: [
            { fromPage: 1, amount: 2_000 },
            { fromPage: 1, amount: 1_000 },
          ],
        },
        due: 'intake',
      },
      ['fee.schedule.tiers.1.fromPage'],
    ],
    ['a reversed range', { schedule: { kind: 'range', min: 9, max: 3 }, due: 'result' }, ['fee.schedule.max']],
    [
      'a cap below one copy',
      { schedule: { kind: 'per-copy', amount: 8_000, cap: 5_000 }, due: 'intake' },
      ['fee.schedule.cap'],
    ],
    [
      'two grounds with one code',
      {
        schedule: { kind: 'fixed', amount: 1_000 },
        due: 'intake',
        exemptions: [
          { code: 'ho-ngheo', label: 'Hộ nghèo' },
          { code: 'ho-ngheo', label: 'Hộ nghèo (trùng)' },
        ],
      },
      ['fee.exemptions.1.code'],
    ],
  ])('refuses %s', (_label, rule, fields) => {
    expect(feeRuleErrors(rule).map((e) => e.field)).toEqual(fields);
  });

  it('accepts the seeded certified-copy rule and no fee at all', () => {
    expect(feeRuleErrors({ schedule: { kind: 'per-page', tiers, capPerCopy: 200_000 }, due: 'intake' })).toEqual([]);
    expect(feeRuleErrors(null)).toEqual([]);
  });
});

describe('fees in words', () => {
  it('describes a rule as the catalogue page shows it', () => {
    expect(describeFeeRule({ schedule: { kind: 'per-page', tiers, capPerCopy: 200_000 }, due: 'intake' })).toBe(
      '2.000 đồng/trang (trang 1–2); 1.000 đồng/trang (từ trang thứ 3 trở lên); tối đa 200.000 đồng/bản (nộp khi nộp hồ sơ).',
    );
    expect(
      describeFeeRule({
        label: 'Lệ phí đăng ký hộ tịch',
        schedule: { kind: 'fixed', amount: 15_000 },
        due: 'result',
        exemptions: [{ code: 'ho-ngheo', label: 'Người thuộc hộ nghèo' }],
      }),
    ).toBe('Lệ phí đăng ký hộ tịch: 15.000 đồng (nộp khi nhận kết quả). Miễn cho: người thuộc hộ nghèo.');
    expect(describeFeeRule(null)).toBe('Không thu phí, lệ phí');
  });

  it('describes a dossier fee as the receipt prints it', () => {
    expect(
      describeDossierFee({
        amount: 5_000,
        due: 'intake',
        paid: false,
        detail: '3 trang × 1 bản: 5.000 đồng/bản = 5.000 đồng',
      }),
    ).toBe('5.000 đồng (nộp khi nộp hồ sơ; 3 trang × 1 bản: 5.000 đồng/bản = 5.000 đồng)');
    expect(
      describeDossierFee({
        amount: 0,
        due: 'intake',
        paid: false,
        exemption: { code: 'x', label: 'Người khuyết tật' },
      }),
    ).toBe('Miễn phí, lệ phí (Người khuyết tật)');
    expect(describeDossierFee({ amount: 0, due: 'result', paid: false, range: { min: 500_000, max: 5_000_000 } })).toBe(
      'Cán bộ giải quyết xác định mức thu trong khoảng 500.000 đồng đến 5.000.000 đồng (nộp khi nhận kết quả)',
    );
    expect(describeDossierFee({ amount: 100_000, due: 'result', paid: true })).toBe(
      '100.000 đồng (nộp khi nhận kết quả), đã nộp',
    );
  });
});
