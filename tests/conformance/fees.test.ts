/**
 * Fee schedules, worked by hand from the legal texts. Every expected amount below is the arithmetic
 * written beside it, not the implementation's output.
 */
import { describe, expect, it } from 'vitest';
import { demoProcedures } from '../../infra/local/seed-catalogue.ts';
import { dossierFee, feeOutstanding, feeRequested } from '../../shared/domain/fees/dossier-fee.ts';
import { assessFee, officialAmount } from '../../shared/domain/fees/fee.ts';
import type { FeeRule } from '../../shared/domain/fees/rule.ts';
import { RuleViolation } from '../../shared/domain/rule-violation.ts';

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof RuleViolation) return error.code;
    throw error;
  }
  return undefined;
};

/**
 * Thông tư 226/2016/TT-BTC, điều 4, khoản 1 (phí chứng thực bản sao từ bản chính): "2.000 đồng/trang.
 * Từ trang thứ ba trở lên thu 1.000 đồng/trang, nhưng mức thu tối đa không quá 200.000 đồng/bản."
 * The rule as the seeded catalogue states it for 2.000815.
 */
const certifiedCopy = demoProcedures.find((p) => p.code === '2.000815')?.fee as FeeRule;

describe('certified copies from originals (Thông tư 226/2016/TT-BTC, điều 4)', () => {
  it('is seeded as the circular says', () => {
    expect(certifiedCopy).toMatchObject({
      schedule: {
        kind: 'per-page',
        tiers: [
          { fromPage: 1, amount: 2_000 },
          { fromPage: 3, amount: 1_000 },
        ],
        capPerCopy: 200_000,
      },
      due: 'intake',
    });
  });

  it.each([
    // 1 page: 1 × 2.000 = 2.000 đồng.
    [1, 2_000],
    // 2 pages: 2 × 2.000 = 4.000 đồng.
    [2, 4_000],
    // 3 pages: 2 × 2.000 + 1 × 1.000 = 5.000 đồng.
    [3, 5_000],
    // 250 pages: 2 × 2.000 + 248 × 1.000 = 4.000 + 248.000 = 252.000 đồng > 200.000: capped at 200.000 đồng.
    [250, 200_000],
  ])('a copy of %i page(s) costs %i đồng', (pages, expected) => {
    expect(assessFee(certifiedCopy, { pages, copies: 1 })).toMatchObject({ kind: 'amount', amount: expected });
  });

  it('caps each copy, not the request: 3 copies of 250 pages cost 3 × 200.000 = 600.000 đồng', () => {
    expect(assessFee(certifiedCopy, { pages: 250, copies: 3 })).toMatchObject({ amount: 600_000 });
  });

  it('charges each copy: 2 copies of 3 pages cost 2 × 5.000 = 10.000 đồng', () => {
    expect(assessFee(certifiedCopy, { pages: 3, copies: 2 })).toMatchObject({ amount: 10_000 });
  });

  it('cannot be computed without the number of pages (the receiver counts them at the desk)', () => {
    expect(codeOf(() => assessFee(certifiedCopy, { copies: 1 }))).toBe('fee-pages-required');
  });
});

describe('a fixed fee', () => {
  it('charges the signature certification 10.000 đồng a case (Thông tư 226/2016/TT-BTC, điều 4)', () => {
    const signature = demoProcedures.find((p) => p.code === '2.000884')?.fee as FeeRule;
    // One case, whatever the pages: 10.000 đồng.
    expect(assessFee(signature, { pages: 40 })).toMatchObject({ kind: 'amount', amount: 10_000 });
  });

  it('charges a copy of a civil-status extract 8.000 đồng a copy (Thông tư 281/2016/TT-BTC)', () => {
    const extract = demoProcedures.find((p) => p.code === '2.000635')?.fee as FeeRule;
    // 3 copies × 8.000 = 24.000 đồng.
    expect(assessFee(extract, { copies: 3 })).toMatchObject({ kind: 'amount', amount: 24_000 });
  });
});

describe('exemptions', () => {
  /**
   * Luật Hộ tịch 2014, điều 11, khoản 1: "Miễn lệ phí đăng ký hộ tịch trong những trường hợp sau:
   * a) Đăng ký hộ tịch cho người thuộc gia đình có công với cách mạng; người thuộc hộ nghèo; người
   * khuyết tật; b) Đăng ký khai sinh, khai tử đúng hạn, giám hộ, kết hôn của công dân Việt Nam cư trú
   * ở trong nước." A birth registered late pays the fee the province's People's Council sets (here
   * an illustrative 8.000 đồng); registered on time it pays nothing.
   */
  const birthFee: FeeRule = {
    label: 'Lệ phí đăng ký khai sinh',
    schedule: { kind: 'fixed', amount: 8_000 },
    due: 'intake',
    exemptions: [
      { code: 'dung-han', label: 'Đăng ký khai sinh đúng hạn', basis: 'Luật Hộ tịch 2014, điều 11, khoản 1, điểm b' },
      { code: 'ho-ngheo', label: 'Người thuộc hộ nghèo', basis: 'Luật Hộ tịch 2014, điều 11, khoản 1, điểm a' },
    ],
  };

  it('waives the fee of a birth registered on time (điều 11, khoản 1, điểm b): 0 đồng, and nothing to pay', () => {
    expect(assessFee(birthFee, { exemption: 'dung-han' })).toMatchObject({
      kind: 'amount',
      amount: 0,
      exemption: { code: 'dung-han' },
    });
    const fee = dossierFee(birthFee, { exemption: 'dung-han' });
    expect(fee).toMatchObject({ amount: 0, paid: false, exemption: { code: 'dung-han' } });
    expect(feeOutstanding(fee)).toBe(false);
  });

  it('charges the late registration, which no ground covers: 8.000 đồng, to be paid', () => {
    const fee = dossierFee(birthFee, {});
    expect(fee).toMatchObject({ amount: 8_000, paid: false });
    expect(feeOutstanding(fee)).toBe(true);
  });

  it('refuses a ground the rule does not list', () => {
    expect(codeOf(() => assessFee(birthFee, { exemption: 'sinh-vien' }))).toBe('unknown-fee-exemption');
  });

  it('lists the grounds of điều 11, khoản 1, điểm a on the seeded civil-status correction', () => {
    const correction = demoProcedures.find((p) => p.code === '1.004859')?.fee as FeeRule;
    expect(correction.exemptions?.map((e) => e.code)).toEqual(['nguoi-co-cong', 'ho-ngheo', 'khuyet-tat']);
    // A person of a poor household pays 0 đồng instead of 15.000 đồng.
    expect(assessFee(correction, {})).toMatchObject({ amount: 15_000 });
    expect(assessFee(correction, { exemption: 'ho-ngheo' })).toMatchObject({ amount: 0 });
  });
});

describe('an amount set by the official within the schedule', () => {
  // The seeded land allocation (1.013823): the appraisal fee is set per case between 500.000 and
  // 5.000.000 đồng by the land's area and the dossier's complexity.
  const appraisal = demoProcedures.find((p) => p.code === '1.013823')?.fee as FeeRule;

  it('is not known at filing: the official sets it', () => {
    expect(assessFee(appraisal, {})).toEqual({ kind: 'to-be-set', min: 500_000, max: 5_000_000 });
    const fee = dossierFee(appraisal, {});
    expect(fee).toMatchObject({ amount: 0, range: { min: 500_000, max: 5_000_000 } });
    // Still to be settled: a result due with this fee is not returned before it is set and paid.
    expect(feeOutstanding(fee)).toBe(true);
  });

  it.each([
    // Inside the range, both ends included: 500.000 ≤ x ≤ 5.000.000.
    [500_000],
    [2_750_000],
    [5_000_000],
  ])('accepts %i đồng', (amount) => {
    expect(officialAmount({ min: 500_000, max: 5_000_000 }, amount)).toBe(amount);
    const fee = dossierFee(appraisal, {});
    if (!fee) throw new Error('no fee');
    expect(feeRequested(fee, amount, 'specialist-nam', '2026-12-04T09:00:00+07:00')).toMatchObject({
      amount,
      range: { setBy: 'specialist-nam', setAt: '2026-12-04T09:00:00+07:00' },
    });
  });

  it.each([
    // Below the minimum by 1 đồng, above the maximum by 1 đồng, not whole đồng, not set at all.
    [499_999, 'fee-out-of-range'],
    [5_000_001, 'fee-out-of-range'],
    [1_000_000.5, 'fee-out-of-range'],
    [undefined, 'fee-amount-required'],
  ])('refuses %s', (amount, code) => {
    const fee = dossierFee(appraisal, {});
    if (!fee) throw new Error('no fee');
    expect(codeOf(() => feeRequested(fee, amount, 'specialist-nam', '2026-12-04T09:00:00+07:00'))).toBe(code);
  });

  it('does not let the official change a fee the schedule fixes', () => {
    const fee = dossierFee(demoProcedures.find((p) => p.code === '2.000884')?.fee ?? null, {});
    if (!fee) throw new Error('no fee');
    expect(codeOf(() => feeRequested(fee, 20_000, 'specialist-nam', '2026-12-04T09:00:00+07:00'))).toBe(
      'fee-not-adjustable',
    );
    expect(feeRequested(fee, undefined, 'specialist-nam', '2026-12-04T09:00:00+07:00')).toBe(fee);
  });
});
