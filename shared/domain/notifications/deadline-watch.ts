/**
 * The deadline watch (docs/domain.md "Deadlines"): which warning an open dossier needs at an instant, who
 * receives it, in Vietnamese, and the daily digest of an agency's leaders. Pure: time passed in.
 */
import { type WorkingCalendar, canRequestExtension, isOverdue, remainingWorkingHours } from '../calendar/index.ts';
import type { Dossier } from '../dossier/dossier.ts';
import type { DossierStatus } from '../dossier/status.ts';
import { dossierStatuses, isOpen, openStatuses } from '../dossier/status.ts';
import type { Official } from '../official.ts';
import { toVnDate, vnDateOfDayNumber, vnDayNumber } from '../time.ts';
import type { InAppMessage } from './templates.ts';
import { formatVnDate } from '../time.ts';

export type DeadlineWarning = 'due-soon' | 'overdue';

/** "Due within one working day": at most this many working hours left. */
export const dueSoonWithinWorkingDays = 1;

/** The dossier fields the watch reads. */
export type WatchedDossier = Pick<Dossier, 'code' | 'status' | 'dueAt' | 'agencyId'> &
  Partial<Pick<Dossier, 'workQueue' | 'originalDueAt'>>;

/**
 * The warning an open dossier calls for at `now` under its agency's calendar: overdue once its due
 * instant has passed; due soon while at most one working day of working time is left; none otherwise
 * (and none for a dossier no longer open).
 */
export function deadlineWarning(
  dossier: WatchedDossier,
  calendar: WorkingCalendar,
  now: Date,
): DeadlineWarning | undefined {
  if (!isOpen(dossier.status)) return undefined;
  const due = new Date(dossier.dueAt);
  if (isOverdue(due, now)) return 'overdue';
  const left = remainingWorkingHours(calendar, due, now);
  return left <= dueSoonWithinWorkingDays * calendar.hoursPerWorkingDay ? 'due-soon' : undefined;
}

/**
 * The local dates the watch reads from the due-date index at `now`: `lookbackDays` days back (overdue
 * dossiers not yet warned, and the digest's late ones) through `aheadDays` days ahead. Ahead must span
 * the longest run of days off (Tết and its weekends: 9 days), so the next working day of any agency's
 * calendar is inside; each dossier is then judged with its own agency's calendar.
 */
export function watchWindow(now: Date, lookbackDays: number, aheadDays: number): string[] {
  const today = vnDayNumber(now);
  const days: string[] = [];
  for (let day = today - lookbackDays; day <= today + aheadDays; day++) days.push(vnDateOfDayNumber(day));
  return days;
}

/** The event id a warning is recorded under: one per dossier, warning kind and due date. */
export const warningEventId = (code: string, dueAt: string, warning: DeadlineWarning): string =>
  `${code}:${dueAt}:${warning}`;

/** The event id of an agency's digest of a local day. */
export const digestEventId = (agencyId: string, date: string): string => `digest:${agencyId}:${date}`;

const isLeader = (o: Official) => o.active && o.roles.includes('leader');

/**
 * The in-app messages of a warning: to the official handling the dossier (its assignee) and to the
 * leaders of the agency holding it, one per recipient. The leaders' text says whether the apology and
 * extension (form 04) can still be issued: only until the last working day before the due date, and
 * only once per dossier.
 */
export function warningMessages(
  dossier: WatchedDossier,
  warning: DeadlineWarning,
  officials: readonly Official[],
  calendar: WorkingCalendar,
  now: Date,
): InAppMessage[] {
  const code = dossier.code;
  const due = formatVnDate(dossier.dueAt);
  const overdue = warning === 'overdue';
  const title = overdue ? `Hồ sơ ${code} đã quá hạn giải quyết` : `Hồ sơ ${code} sắp đến hạn giải quyết`;
  const base = overdue
    ? `Hồ sơ ${code} đã quá ngày hẹn trả kết quả (${due}).`
    : `Hồ sơ ${code} còn không quá một ngày làm việc đến ngày hẹn trả kết quả (${due}).`;
  const extended = dossier.originalDueAt !== undefined;
  const extensionOpen = !extended && canRequestExtension(calendar, new Date(dossier.dueAt), now);
  const leaderNote = extensionOpen
    ? ' Nếu không kịp trả kết quả đúng hẹn, đề nghị lãnh đạo ban hành Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (Mẫu số 04) trước ngày hẹn.'
    : extended
      ? ' Hồ sơ đã được hẹn lại một lần, không thể gia hạn thêm.'
      : ' Đã quá thời điểm ban hành Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (Mẫu số 04): không thể gia hạn nữa; đề nghị chỉ đạo giải quyết ngay.';
  const handlerNote = overdue ? ' Đề nghị khẩn trương giải quyết.' : ' Đề nghị hoàn thành đúng hạn.';
  const messages = new Map<string, InAppMessage>();
  const assignee = dossier.workQueue?.assigneeId;
  if (assignee) messages.set(assignee, { recipientId: assignee, dossierCode: code, title, body: base + handlerNote });
  for (const leader of officials.filter(isLeader)) {
    messages.set(leader.sub, { recipientId: leader.sub, dossierCode: code, title, body: base + leaderNote });
  }
  return [...messages.values()];
}

export interface AgencyDigest {
  agencyId: string;
  date: string;
  byStatus: Partial<Record<DossierStatus, number>>;
  dueToday: number;
  overdue: number;
}

/** Counts of an agency's open dossiers at `now`: by status, due today (not yet late), overdue. */
export function digestOf(agencyId: string, dossiers: readonly WatchedDossier[], now: Date): AgencyDigest {
  const date = toVnDate(now);
  const digest: AgencyDigest = { agencyId, date, byStatus: {}, dueToday: 0, overdue: 0 };
  for (const d of dossiers) {
    if (!isOpen(d.status)) continue;
    digest.byStatus[d.status] = (digest.byStatus[d.status] ?? 0) + 1;
    const due = new Date(d.dueAt);
    if (isOverdue(due, now)) digest.overdue++;
    else if (toVnDate(due) === date) digest.dueToday++;
  }
  return digest;
}

/** The digest as each leader of the agency reads it. */
export function digestMessages(digest: AgencyDigest, officials: readonly Official[]): InAppMessage[] {
  const [y, m, d] = digest.date.split('-');
  const statuses = openStatuses
    .filter((s) => (digest.byStatus[s] ?? 0) > 0)
    .map((s) => `${dossierStatuses[s].vi}: ${digest.byStatus[s]}`);
  const total = Object.values(digest.byStatus).reduce((sum, n) => sum + (n ?? 0), 0);
  const body =
    `Hồ sơ đang giải quyết: ${total}${statuses.length > 0 ? ` (${statuses.join('; ')})` : ''}. ` +
    `Đến hạn hôm nay: ${digest.dueToday}. Quá hạn: ${digest.overdue}.`;
  return officials.filter(isLeader).map((leader) => ({
    recipientId: leader.sub,
    dossierCode: '',
    title: `Tình hình giải quyết hồ sơ ngày ${d}/${m}/${y}`,
    body,
  }));
}
