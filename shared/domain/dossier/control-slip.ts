/**
 * The process control slip (Thông tư 03/2025/TT-VPCP, phụ lục I, mẫu số 06, "Phiếu kiểm soát quá trình
 * giải quyết hồ sơ"): every hand-over of the dossier, from the receipt to the return, with the agency,
 * who handed it on and who took it, when, and whether each step ended before, on or after its due
 * time. Joint legs (a commune's part) are steps like the others. Pure: names are resolved by the caller.
 */
import { toVnDate } from '../time.ts';
import type { Dossier, StepRecord, TimelineEntry } from './dossier.ts';

/** How a finished step kept its time: ended on an earlier day than due, by the due instant, or after it. */
export type StepVerdict = 'early' | 'on-time' | 'late';

export interface SlipRow {
  agencyId: string;
  step: string;
  /** Who handed the dossier to this step (absent for the first: the applicant filed it). */
  fromSub?: string;
  /** Who took the step: its assignee, else the official who finished it. */
  handlerSub?: string;
  receivedAt: string;
  dueAt: string;
  /** When the step handed the dossier on; absent while it is open. */
  endedAt?: string;
  verdict?: StepVerdict;
}

const time = (iso: string): number => Date.parse(iso);

export function stepVerdict(step: Pick<StepRecord, 'dueAt' | 'endedAt'>): StepVerdict | undefined {
  if (!step.endedAt) return undefined;
  if (time(step.endedAt) > time(step.dueAt)) return 'late';
  return toVnDate(new Date(step.endedAt)) < toVnDate(new Date(step.dueAt)) ? 'early' : 'on-time';
}

/** The official who acted at `at` (the entry that opened or closed a step), other than the system. */
function actorAt(timeline: readonly TimelineEntry[], at: string): string | undefined {
  const entry = timeline.findLast(
    (e) => time(e.at) === time(at) && e.actor.role !== 'system' && e.actor.role !== 'citizen',
  );
  return entry?.actor.sub;
}

/**
 * The slip as it stood at `asOf` (the instant of the step that issues it): steps opened later are left
 * out and a step ended later is shown open, so a re-issued slip is the record of its own moment.
 */
export function controlSlip(dossier: Pick<Dossier, 'steps' | 'timeline'>, asOf?: string): SlipRow[] {
  const cut = asOf ? time(asOf) : Infinity;
  return dossier.steps
    .filter((step) => time(step.startedAt) <= cut)
    .map((step, index): SlipRow => {
      const ended = step.endedAt && time(step.endedAt) <= cut ? step.endedAt : undefined;
      const fromSub = index === 0 ? undefined : actorAt(dossier.timeline, step.startedAt);
      const handlerSub = step.handlerId ?? (ended ? actorAt(dossier.timeline, ended) : undefined);
      const verdict = stepVerdict({ dueAt: step.dueAt, ...(ended ? { endedAt: ended } : {}) });
      return {
        agencyId: step.agencyId,
        step: step.name,
        ...(fromSub ? { fromSub } : {}),
        ...(handlerSub ? { handlerSub } : {}),
        receivedAt: step.startedAt,
        dueAt: step.dueAt,
        ...(ended ? { endedAt: ended } : {}),
        ...(verdict ? { verdict } : {}),
      };
    });
}
