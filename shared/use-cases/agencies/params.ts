import * as z from 'zod';
import { agencyIdPattern } from '../../domain/agency.ts';
import { officialSubPattern } from '../../domain/official.ts';
import { RuleViolation } from '../../domain/rule-violation.ts';

export const agencyId = z.string().regex(agencyIdPattern, 'Mã cơ quan gồm 2–40 ký tự: chữ, số và dấu chấm');

export const AgencyIdParams = z.object({ id: agencyId });

export const OfficialParams = z.object({
  id: agencyId,
  sub: z.string().regex(officialSubPattern, 'Mã định danh cán bộ gồm 1–128 ký tự: chữ, số và . _ : @ | -'),
});

export const minHolidayYear = 2000;
export const maxHolidayYear = 2100;

export const YearParams = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, 'Năm gồm 4 chữ số')
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(minHolidayYear, `Năm từ ${minHolidayYear} đến ${maxHolidayYear}`)
        .max(maxHolidayYear, `Năm từ ${minHolidayYear} đến ${maxHolidayYear}`),
    ),
});

export const agencyNotFound = (id: string) =>
  new RuleViolation('not-found', 'not-found', `Không tìm thấy cơ quan ${id}.`);
