import type { Dossier } from '../dossier/dossier.ts';
import { formatVnd } from '../money.ts';
import type { FeeDue, FeeRule, FeeSchedule } from './rule.ts';

/** When the fee is paid, as the applicant reads it. */
export const feeDueText: Record<FeeDue, string> = {
  intake: 'nộp khi nộp hồ sơ',
  supplement: 'nộp khi bổ sung hồ sơ',
  result: 'nộp khi nhận kết quả',
};

function scheduleText(schedule: FeeSchedule): string {
  switch (schedule.kind) {
    case 'fixed':
      return formatVnd(schedule.amount);
    case 'per-copy':
      return `${formatVnd(schedule.amount)}/bản${schedule.cap === undefined ? '' : `, tối đa ${formatVnd(schedule.cap)}`}`;
    case 'per-page': {
      const tiers = [...schedule.tiers].sort((a, b) => a.fromPage - b.fromPage);
      const parts = tiers.map((tier, index) => {
        const next = tiers[index + 1];
        const pages =
          next === undefined
            ? index === 0
              ? 'mỗi trang'
              : `từ trang thứ ${tier.fromPage} trở lên`
            : next.fromPage - 1 === tier.fromPage
              ? `trang ${tier.fromPage}`
              : `trang ${tier.fromPage}–${next.fromPage - 1}`;
        return `${formatVnd(tier.amount)}/trang (${pages})`;
      });
      return (
        parts.join('; ') + (schedule.capPerCopy === undefined ? '' : `; tối đa ${formatVnd(schedule.capPerCopy)}/bản`)
      );
    }
    case 'range':
      return `từ ${formatVnd(schedule.min)} đến ${formatVnd(schedule.max)}, cán bộ giải quyết xác định mức thu của từng hồ sơ`;
  }
}

/**
 * A procedure's fee as the catalogue page and the filing form show it: "2.000 đồng/trang (trang 1–2);
 * 1.000 đồng/trang (từ trang thứ 3 trở lên); tối đa 200.000 đồng/bản (nộp khi nộp hồ sơ). Miễn: …".
 */
export function describeFeeRule(rule: FeeRule | null): string {
  if (!rule) return 'Không thu phí, lệ phí';
  const label = rule.label ? `${rule.label}: ` : '';
  const exemptions = rule.exemptions?.length
    ? ` Miễn cho: ${rule.exemptions.map((e) => e.label.replace(/^./, (c) => c.toLowerCase())).join('; ')}.`
    : '';
  return `${label}${scheduleText(rule.schedule)} (${feeDueText[rule.due]}).${exemptions}`;
}

/**
 * A dossier's fee as the receipt (form 01), the payment page and the official's page print it: the
 * amount and how it was reached, or the exemption, or that the official is to set it.
 */
export function describeDossierFee(fee: Dossier['fee'] | undefined): string {
  if (!fee) return 'Không thu phí, lệ phí';
  if (fee.exemption) return `Miễn phí, lệ phí (${fee.exemption.label})`;
  if (fee.range && !fee.range.setAt) {
    return `Cán bộ giải quyết xác định mức thu trong khoảng ${formatVnd(fee.range.min)} đến ${formatVnd(fee.range.max)} (${feeDueText[fee.due]})`;
  }
  const how = fee.detail && fee.detail !== formatVnd(fee.amount) ? `; ${fee.detail}` : '';
  return `${formatVnd(fee.amount)} (${feeDueText[fee.due]}${how})${fee.paid ? ', đã nộp' : ''}`;
}
