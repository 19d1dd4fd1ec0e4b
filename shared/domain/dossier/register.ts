/**
 * The register of dossiers (Thông tư 03/2025/TT-VPCP, phụ lục I, mẫu số 07, "Sổ theo dõi hồ sơ"): one
 * line per dossier filed with an agency over a period, from its receipt to the return of its result.
 * Pure: the dossiers are read, and names resolved, by the caller.
 */
import { type Caller, hasRole } from '../caller.ts';
import { RuleViolation } from '../rule-violation.ts';
import { dayNumberOfVnDate, toVnDate, vnDateOfDayNumber } from '../time.ts';
import type { Dossier } from './dossier.ts';
import { dossierStatuses } from './status.ts';

/** The agency's own officials keep and read its register; auditors and admins read any. */
export function canReadRegister(caller: Caller, agencyId: string): boolean {
  if (hasRole(caller, 'auditor', 'admin')) return true;
  return hasRole(caller, 'receiver', 'specialist', 'leader') && caller.agencyId === agencyId;
}

/** The longest period one register covers: a quarter (92 days), what a quarterly report reads. */
export const maxRegisterDays = 92;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The local days (`yyyy-mm-dd`, Asia/Ho_Chi_Minh) from `from` to `to` inclusive; a wrong period is refused. */
export function registerDays(from: string, to: string): string[] {
  const valid = (d: string) => {
    try {
      return isoDate.test(d) && vnDateOfDayNumber(dayNumberOfVnDate(d)) === d;
    } catch {
      return false;
    }
  };
  if (!valid(from) || !valid(to)) {
    throw new RuleViolation('bad-request', 'invalid-period', 'Ngày bắt đầu và kết thúc có dạng YYYY-MM-DD.');
  }
  const first = dayNumberOfVnDate(from);
  const last = dayNumberOfVnDate(to);
  if (last < first) throw new RuleViolation('bad-request', 'invalid-period', 'Ngày kết thúc phải sau ngày bắt đầu.');
  if (last - first + 1 > maxRegisterDays) {
    throw new RuleViolation(
      'bad-request',
      'period-too-long',
      `Mỗi lần trích xuất sổ theo dõi hồ sơ tối đa ${maxRegisterDays} ngày.`,
      { maxDays: maxRegisterDays },
    );
  }
  return Array.from({ length: last - first + 1 }, (_, i) => vnDateOfDayNumber(first + i));
}

export interface RegisterLine {
  /** Số thứ tự, from 1. */
  index: number;
  code: string;
  procedure: string;
  /** Sets (bộ) received. */
  sets: number;
  applicant: string;
  address: string;
  phone: string;
  /** The agency competent to decide. */
  agency: string;
  submittedAt: string;
  receivedAt?: string;
  dueAt: string;
  decidedAt?: string;
  returnedAt?: string;
  status: string;
  /** Trước hạn / đúng hạn / quá hạn once decided, or "đang quá hạn" still open past the due time. */
  note: string;
}

/** Result timing against the appointment: decided by the due day (or earlier), or late. */
function noteOf(dossier: Dossier, asOf: Date): string {
  const due = Date.parse(dossier.dueAt);
  const decided = dossier.decision ? Date.parse(dossier.decision.decidedAt) : undefined;
  if (decided !== undefined) {
    if (decided > due) return 'Quá hạn';
    return toVnDate(new Date(decided)) < toVnDate(new Date(dossier.dueAt)) ? 'Trước hạn' : 'Đúng hạn';
  }
  const open = ['received', 'processing', 'supplement-requested', 'awaiting-fees'].includes(dossier.status);
  return open && asOf.getTime() > due ? 'Đang quá hạn' : '';
}

/** The lines of the register, in the order of the dossier codes (the agency's daily sequence). */
export function registerLines(
  dossiers: readonly Dossier[],
  agencyNames: Readonly<Record<string, string>>,
  asOf: Date,
): RegisterLine[] {
  return [...dossiers]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((d, i) => ({
      index: i + 1,
      code: d.code,
      procedure: `${d.procedure.name} (${d.procedure.code})`,
      sets: 1,
      applicant: d.applicant.fullName,
      address: d.applicant.address,
      phone: d.applicant.phone ?? '',
      agency: agencyNames[d.competentAgencyId] ?? d.competentAgencyId,
      submittedAt: d.submittedAt,
      ...(d.receivedAt ? { receivedAt: d.receivedAt } : {}),
      dueAt: d.dueAt,
      ...(d.decision ? { decidedAt: d.decision.decidedAt } : {}),
      ...(d.returnedAt ? { returnedAt: d.returnedAt } : {}),
      status: dossierStatuses[d.status].vi,
      note: noteOf(d, asOf),
    }));
}
