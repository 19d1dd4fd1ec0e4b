import type { AgencyRepository } from '../ports/agency-repository.ts';
import { calendarOf, describeCalendar } from '../../domain/agency.ts';
import { holidayRecords, projectedHolidays, scheduleYears } from '../../domain/calendar/index.ts';
import { vnParts } from '../../domain/time.ts';
import { agencyNotFound } from './params.ts';

export interface GetAgencyDeps {
  agencies: AgencyRepository;
  now: () => Date;
}

/**
 * One agency with the path above it (nearest first) and its effective working calendar: the weekly
 * sessions, the intake cut-off and this year's public holidays. The agency and its path as stored now
 * (an admin's change shows at once); the holidays as the functions see them (REFERENCE_CACHE_SECONDS).
 */
export function getAgency(deps: GetAgencyDeps) {
  return async (id: string) => {
    const [[agency, ...ancestors], schedule] = await Promise.all([
      deps.agencies.lineage(id),
      deps.agencies.holidaySchedule(),
    ]);
    if (!agency) throw agencyNotFound(id);
    const year = vnParts(deps.now()).year;
    return {
      ...agency,
      ancestors: ancestors.map(({ id, name, level }) => ({ id, name, level })),
      calendar: {
        ...describeCalendar(calendarOf(agency, holidayRecords(schedule), scheduleYears(schedule))),
        holidays: { year, items: schedule[year] ?? projectedHolidays(year) },
      },
    };
  };
}
