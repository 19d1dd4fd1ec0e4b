import type { Agency } from '../../../shared/domain/agency.ts';
import { calendarOf } from '../../../shared/domain/agency.ts';
import {
  type Holiday,
  holidayRecords,
  scheduleYears,
  vnPublicHolidays,
} from '../../../shared/domain/calendar/index.ts';
import type { Official } from '../../../shared/domain/official.ts';
import { RuleViolation } from '../../../shared/domain/rule-violation.ts';
import type { AgencyRepository, Directory } from '../../../shared/use-cases/ports/agency-repository.ts';
import { byKey, copy, pageOf } from './page.ts';

/**
 * The agency tree, rosters and holidays in memory, with no cache: every read sees the last write (what
 * the port allows a cached read to lag behind is not modelled). Holidays not stored are the seeded list.
 */
export function fakeAgencyRepository(initial: Partial<Directory> = {}): AgencyRepository {
  const agencies = new Map<string, Agency>();
  const officials = new Map<string, Official>();
  const holidays = new Map<number, Holiday[]>();
  const load = (directory: Partial<Directory>) => {
    for (const agency of directory.agencies ?? []) agencies.set(agency.id, copy(agency));
    for (const official of directory.officials ?? []) officials.set(official.sub, copy(official));
    for (const [year, list] of Object.entries(directory.holidays ?? {})) holidays.set(Number(year), copy([...list]));
  };
  load(initial);

  const get = async (id: string) => {
    const agency = agencies.get(id);
    return agency && copy(agency);
  };
  const ancestors = async (of: string | Pick<Agency, 'id' | 'parentId'>) => {
    const start = typeof of === 'string' ? agencies.get(of) : of;
    const above: Agency[] = [];
    const seen = new Set(start ? [start.id] : []);
    for (let id = start?.parentId; id !== undefined && !seen.has(id);) {
      const parent = agencies.get(id);
      if (!parent) break;
      above.push(copy(parent));
      seen.add(id);
      id = parent.parentId;
    }
    return above;
  };
  const holidaySchedule = async () => ({ ...vnPublicHolidays, ...Object.fromEntries(copy([...holidays])) });
  const roster = (agencyId: string) =>
    [...officials.values()].filter((o) => o.agencyId === agencyId).sort(byKey((o) => o.sub));

  return {
    get,
    getConsistent: get,
    async put(agency) {
      agencies.set(agency.id, copy(agency));
    },
    async importDirectory(directory) {
      load(directory);
    },
    async listChildren(parentId, { level, ...page }) {
      const children = [...agencies.values()]
        .filter((a) => a.parentId === parentId && (level === undefined || a.level === level))
        .sort(byKey((a) => `${a.level}#${a.id}`));
      return pageOf(copy(children), (a) => a.id, `children:${parentId ?? ''}:${level ?? ''}`, page);
    },
    async listByLevel(level, page) {
      const atLevel = [...agencies.values()].filter((a) => a.level === level).sort(byKey((a) => a.id));
      return pageOf(copy(atLevel), (a) => a.id, `level:${level}`, page);
    },
    ancestors,
    async lineage(id) {
      const agency = agencies.get(id);
      return agency ? [copy(agency), ...(await ancestors(agency))] : [];
    },
    async getOfficial(sub) {
      const official = officials.get(sub);
      return official && copy(official);
    },
    async putOfficial(official) {
      officials.set(official.sub, copy(official));
    },
    async listOfficials(agencyId, page) {
      return pageOf(copy(roster(agencyId)), (o) => o.sub, `roster:${agencyId}`, page);
    },
    async allOfficials(agencyId) {
      return copy(roster(agencyId));
    },
    async getHolidays(year) {
      const list = holidays.get(year);
      return list && copy(list);
    },
    async putHolidays(year, list) {
      holidays.set(year, copy([...list]));
    },
    holidaySchedule,
    async calendarFor(agencyId) {
      const agency = agencies.get(agencyId);
      if (!agency) throw new RuleViolation('not-found', 'unknown-agency', `Không tìm thấy cơ quan ${agencyId}.`);
      const schedule = await holidaySchedule();
      return calendarOf(agency, holidayRecords(schedule), scheduleYears(schedule));
    },
  };
}
