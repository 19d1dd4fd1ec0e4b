import * as z from 'zod/mini';
import type { AgencyRepository } from '../ports/agency-repository.ts';
import {
  type Agency,
  agencyLevels,
  agencyTree,
  allowedParentLevels,
  calendarSettingsViolation,
  childrenViolation,
  placementViolation,
  type WeekdayKey,
} from '../../domain/agency.ts';
import { RuleViolation } from '../../domain/rule-violation.ts';
import { agencyId } from './params.ts';

const localTime = z.string().check(z.regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'Giờ có dạng HH:MM (00:00–24:00)'));
const DaySessions = z.optional(z.array(z.strictObject({ start: localTime, end: localTime })).check(z.maxLength(6)));

/** The whole agency (PUT replaces it). Strict: an unknown field is refused, not ignored. */
export const PutAgencyBody = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1, 'Tên cơ quan không được để trống'), z.maxLength(200)),
  level: z.enum(agencyLevels, { error: `Cấp cơ quan là một trong: ${agencyLevels.join(', ')}` }),
  parentId: z.optional(agencyId),
  unitCode: z.optional(z.string().check(z.regex(/^\d{2,5}$/, 'Mã đơn vị hành chính gồm 2–5 chữ số'))),
  /** The service centre that receives for this agency (Nghị định 118/2025/NĐ-CP); absent: it receives itself. */
  intakeAgencyId: z.optional(agencyId),
  saturdayMorning: z.optional(z.boolean()),
  intakeCutoff: z.optional(
    z.nullable(
      z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ chốt tiếp nhận có dạng HH:MM (00:00–23:59)')),
    ),
  ),
  /** Custom sessions of the weekdays given (`[]` closes the day); the others keep the national default. */
  sessions: z.optional(
    z.strictObject({
      mon: DaySessions,
      tue: DaySessions,
      wed: DaySessions,
      thu: DaySessions,
      fri: DaySessions,
      sat: DaySessions,
      sun: DaySessions,
    } satisfies Record<WeekdayKey, z.core.$ZodType>),
  ),
});

export type PutAgencyBody = z.output<typeof PutAgencyBody>;

/** Levels that may not sit under an agency of `level`. */
const levelsNotUnder = (level: Agency['level']) => agencyLevels.filter((c) => !allowedParentLevels[c].includes(level));

/**
 * Creates or replaces an agency. Refused (422): a parent that would make the agency its own ancestor,
 * a missing parent, a level that does not nest under the parent's, a level change its children could
 * not follow, calendar settings that make no working week. Naturally idempotent.
 */
export function putAgency(agencies: AgencyRepository) {
  return async (id: string, body: PutAgencyBody) => {
    const agency = Object.fromEntries(
      Object.entries({ id, ...body }).filter(([, value]) => value !== undefined),
    ) as unknown as Agency;
    const calendarProblem = calendarSettingsViolation(agency);
    if (calendarProblem) throw calendarProblem;
    const [existing, lineage] = await Promise.all([
      agencies.getConsistent(id),
      agency.parentId === undefined ? [] : agencies.lineage(agency.parentId),
    ]);
    const placementProblem = placementViolation(agency, agencyTree(lineage));
    if (placementProblem) throw placementProblem;
    if (agency.intakeAgencyId !== undefined && agency.intakeAgencyId !== id) {
      if (!(await agencies.get(agency.intakeAgencyId))) {
        throw new RuleViolation(
          'invalid',
          'intake-agency-not-found',
          `Không tìm thấy trung tâm phục vụ hành chính công ${agency.intakeAgencyId} (intakeAgencyId).`,
          { field: 'intakeAgencyId' },
        );
      }
    }
    if (existing && existing.level !== agency.level) {
      const pages = await Promise.all(
        levelsNotUnder(agency.level).map((level) => agencies.listChildren(id, { level, limit: 1 })),
      );
      const childrenProblem = childrenViolation(
        agency,
        pages.flatMap((page) => page.items),
      );
      if (childrenProblem) throw childrenProblem;
    }
    await agencies.put(agency);
    return { created: !existing, agency };
  };
}
