import type { AgencyRepository } from './ports/agency-repository.ts';
import type { DossierRepository } from './ports/dossier-repository.ts';
import type { NotificationRepository } from './ports/notification-repository.ts';
import type { WatchMarks } from './ports/watch-marks.ts';
import { vnPublicHolidays } from '../domain/calendar/index.ts';
import type { Dossier } from '../domain/dossier/dossier.ts';
import type { Official } from '../domain/official.ts';
import {
  deadlineWarning,
  digestEventId,
  digestMessages,
  digestOf,
  warningEventId,
  warningMessages,
  watchWindow,
} from '../domain/notifications/deadline-watch.ts';
import {
  holidayDataEventId,
  holidayDataMessages,
  holidayYearToCheck,
  yearNeedingHolidayData,
} from '../domain/notifications/holiday-data-watch.ts';
import { toVnDate } from '../domain/time.ts';

export interface WatchDeadlinesDeps {
  dossiers: Pick<DossierRepository, 'openDueOn' | 'listWorkQueue'>;
  agencies: Pick<AgencyRepository, 'allOfficials' | 'calendarFor' | 'getHolidays' | 'listByLevel'>;
  marks: WatchMarks;
  notifications: Pick<NotificationRepository, 'record'>;
  now: () => Date;
  /** Days back the index is read for overdue dossiers (default 60). */
  lookbackDays?: number;
  /** Days ahead: at least the longest run of days off, so every agency's next working day is in (default 10). */
  aheadDays?: number;
}

export interface WatchResult {
  read: number;
  /** Open dossiers read past their appointment (within the look-back): the DossiersOverdue level. */
  overdue: number;
  warnings: number;
  digests: number;
  /** The year whose projected holidays the admins were warned of in this run, if any. */
  holidayDataWarning?: number;
}

/**
 * One run of the deadline watch: reads the open dossiers due in the window from the due-date index
 * (one Query per local day, never a Scan), sends each the warning it needs now to its handler and
 * its agency's leaders, and each agency with dossiers in the window its leaders' daily digest. Each
 * warning (dossier, kind, due date) and each digest (agency, day) is sent once, however often it runs.
 */
export function watchDeadlines(deps: WatchDeadlinesDeps) {
  const cache = <T>(load: (id: string) => Promise<T>) => {
    const values = new Map<string, Promise<T>>();
    return (id: string) => {
      let value = values.get(id);
      if (!value) values.set(id, (value = load(id)));
      return value;
    };
  };

  return async (): Promise<WatchResult> => {
    const now = deps.now();
    const officialsOf = cache((id) => deps.agencies.allOfficials(id));
    const calendarFor = cache((id) => deps.agencies.calendarFor(id));
    const result: WatchResult = { read: 0, overdue: 0, warnings: 0, digests: 0 };
    const agencies = new Set<string>();

    for (const date of watchWindow(now, deps.lookbackDays ?? 60, deps.aheadDays ?? 10)) {
      for await (const dossier of deps.dossiers.openDueOn(date)) {
        result.read++;
        const agencyId = dossier.workQueue?.agencyId ?? dossier.agencyId;
        agencies.add(agencyId);
        const calendar = await calendarFor(agencyId);
        const warning = deadlineWarning(dossier, calendar, now);
        if (!warning) continue;
        if (warning === 'overdue') result.overdue++;
        const eventId = warningEventId(dossier.code, dossier.dueAt, warning);
        const sentAt = await deps.marks.firstSentAt(dossier.code, `${warning}#${dossier.dueAt}`, now);
        const messages = warningMessages(dossier, warning, await officialsOf(agencyId), calendar, now);
        let created = false;
        for (const message of messages) {
          created = (await deps.notifications.record(message, eventId, sentAt)) === 'created' || created;
        }
        if (created) result.warnings++;
      }
    }

    const today = toVnDate(now);
    for (const agencyId of agencies) {
      const queue = await workQueueOf(deps.dossiers, agencyId);
      const messages = digestMessages(digestOf(agencyId, queue, now), await officialsOf(agencyId));
      if (messages.length === 0) continue;
      const sentAt = await deps.marks.firstSentAt(`DIGEST#${agencyId}`, today, now);
      let created = false;
      for (const message of messages) {
        created =
          (await deps.notifications.record(message, digestEventId(agencyId, today), sentAt)) === 'created' || created;
      }
      if (created) result.digests++;
    }
    const warned = await warnOfProjectedHolidays(deps, now);
    if (warned !== undefined) result.holidayDataWarning = warned;
    return result;
  };
}

/**
 * From 1 November, when next year has only projected holidays (nothing stored, nothing built in), the
 * admins on the province-level rosters get one in-app warning for that year (idempotent like the
 * dossier warnings: the mark fixes the instant, the event id the entry). Returns the year when a new
 * warning was recorded.
 */
async function warnOfProjectedHolidays(deps: WatchDeadlinesDeps, now: Date): Promise<number | undefined> {
  const nextYear = holidayYearToCheck(now);
  if (nextYear === undefined) return undefined; // before November: no read at all
  const stored = await deps.agencies.getHolidays(nextYear);
  const year = yearNeedingHolidayData(now, (y) => stored !== undefined || vnPublicHolidays[y] !== undefined);
  if (year === undefined) return undefined;
  const officials: Official[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.agencies.listByLevel('province', { limit: 100, ...(cursor ? { cursor } : {}) });
    for (const agency of page.items) officials.push(...(await deps.agencies.allOfficials(agency.id)));
    cursor = page.nextCursor;
  } while (cursor);
  const messages = holidayDataMessages(year, officials);
  if (messages.length === 0) return undefined;
  const sentAt = await deps.marks.firstSentAt(`HOLIDAYS#${year}`, 'projected', now);
  let created = false;
  for (const message of messages) {
    created = (await deps.notifications.record(message, holidayDataEventId(year), sentAt)) === 'created' || created;
  }
  return created ? year : undefined;
}

/** Every dossier in an agency's work queue (a Query on its queue index, paged to the end). */
async function workQueueOf(dossiers: WatchDeadlinesDeps['dossiers'], agencyId: string): Promise<Dossier[]> {
  const all: Dossier[] = [];
  let cursor: string | undefined;
  do {
    const page = await dossiers.listWorkQueue(agencyId, {}, { limit: 100, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}
