import * as z from 'zod/mini';
import { agencyIdPattern } from '../../domain/agency.ts';
import { officialSubPattern } from '../../domain/official.ts';
import { RuleViolation } from '../../domain/rule-violation.ts';

export const agencyId = z.string().check(z.regex(agencyIdPattern, 'Mã cơ quan gồm 2–40 ký tự: chữ, số và dấu chấm'));

export const AgencyIdParams = z.object({ id: agencyId });

export const OfficialParams = z.object({
  id: agencyId,
  sub: z.string().check(z.regex(officialSubPattern, 'Mã định danh cán bộ gồm 1–128 ký tự: chữ, số và . _ : @ | -')),
});

export const minHolidayYear = 2000;
export const maxHolidayYear = 2100;

const yearRange = `Năm từ ${minHolidayYear} đến ${maxHolidayYear}`;

export const YearParams = z.object({
  year: z.pipe(
    z.pipe(z.string().check(z.regex(/^\d{4}$/, 'Năm gồm 4 chữ số')), z.transform(Number)),
    z.number().check(z.int(), z.minimum(minHolidayYear, yearRange), z.maximum(maxHolidayYear, yearRange)),
  ),
});

export const agencyNotFound = (id: string) =>
  new RuleViolation('not-found', 'not-found', `Không tìm thấy cơ quan ${id}.`);
