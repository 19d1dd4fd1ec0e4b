import * as z from 'zod/mini';
import { agencyIdPattern } from '../../domain/agency.ts';
import { exemptionCodePattern, feeDues } from '../../domain/fees/rule.ts';
import { procedureCodePattern } from '../../domain/procedure.ts';
import { PageQuery } from '../pagination.ts';

/** Request schemas of the catalogue API; the OpenAPI document is generated from them. */

const text = (max: number) =>
  z
    .string({ error: 'Phải là chuỗi ký tự' })
    .check(z.trim(), z.minLength(1, 'Không được để trống'), z.maxLength(max, `Tối đa ${max} ký tự`));

const agencyId = z.string().check(z.regex(agencyIdPattern, 'Mã cơ quan chỉ gồm chữ, số và dấu chấm (2–40 ký tự)'));

export const ProcedureCodeParams = z.strictObject({
  code: z.string().check(z.regex(procedureCodePattern, 'Mã thủ tục có dạng 1.001234')),
});

const levels = ['province', 'department', 'district', 'commune'] as const;
const serviceLevels = ['fully-online', 'partly-online', 'offline'] as const;

const Level = z.enum(levels, { error: `Cấp giải quyết là một trong: ${levels.join(', ')}` });
const ServiceLevel = z.enum(serviceLevels, { error: `Mức độ dịch vụ là một trong: ${serviceLevels.join(', ')}` });

/** Working time: whole or half days, or hours (8 working hours a day). */
export const WorkingDurationSchema = z.union(
  [
    z.strictObject({
      workingDays: z
        .number({ error: 'Số ngày làm việc phải là số' })
        .check(
          z.positive('Phải lớn hơn 0'),
          z.maximum(365, 'Tối đa 365 ngày làm việc'),
          z.multipleOf(0.5, 'Tính theo nửa ngày (bội số của 0,5)'),
        ),
    }),
    z.strictObject({
      workingHours: z
        .number({ error: 'Số giờ làm việc phải là số' })
        .check(
          z.positive('Phải lớn hơn 0'),
          z.maximum(2920, 'Tối đa 2920 giờ làm việc'),
          z.multipleOf(0.5, 'Tính theo nửa giờ (bội số của 0,5)'),
        ),
    }),
  ],
  { error: 'Thời gian có dạng { "workingDays": n } hoặc { "workingHours": n }' },
);

const RequiredDocumentSchema = z.strictObject({
  name: text(500),
  copyType: z.enum(['original', 'certified-copy', 'copy'], {
    error: 'Loại bản là original (bản chính), certified-copy (bản sao chứng thực) hoặc copy (bản sao)',
  }),
  count: z
    .number({ error: 'Số lượng phải là số' })
    .check(z.int('Số lượng là số nguyên'), z.minimum(1, 'Ít nhất 1 bản'), z.maximum(20, 'Tối đa 20 bản')),
  template: z.optional(text(200)),
  optional: z.optional(z.boolean({ error: 'Phải là true hoặc false' })),
});

const ProcessStepSchema = z.strictObject({
  name: text(300),
  role: z.enum(['receiver', 'specialist', 'leader'], {
    error: 'Vai trò của bước là receiver, specialist hoặc leader',
  }),
  duration: WorkingDurationSchema,
});

const JointLegSchema = z.strictObject({
  agency: z.union([z.strictObject({ level: z.literal('commune') }), z.strictObject({ agencyId })], {
    error: 'Cơ quan liên thông có dạng { "level": "commune" } hoặc { "agencyId": "…" }',
  }),
  purpose: text(500),
  share: WorkingDurationSchema,
});

const money = (what: string) =>
  z
    .number({ error: `${what} phải là số` })
    .check(
      z.int(`${what} tính bằng đồng, số nguyên`),
      z.minimum(0, `${what} không được âm`),
      z.maximum(1_000_000_000, `${what} quá lớn`),
    );

const PageTierSchema = z.strictObject({
  fromPage: z
    .number({ error: 'Trang bắt đầu phải là số' })
    .check(z.int('Trang bắt đầu là số nguyên'), z.minimum(1, 'Trang bắt đầu từ 1'), z.maximum(10_000)),
  amount: money('Mức thu mỗi trang'),
});

/** How the amount is reached (domain/fees/rule.ts); cross-field rules are in catalogue/validation.ts. */
const FeeScheduleSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('fixed'), amount: money('Mức thu') }),
    z.strictObject({
      kind: z.literal('per-page'),
      tiers: z.array(PageTierSchema).check(z.minLength(1, 'Ít nhất một bậc'), z.maxLength(10, 'Tối đa 10 bậc')),
      capPerCopy: z.optional(money('Mức tối đa mỗi bản')),
    }),
    z.strictObject({
      kind: z.literal('per-copy'),
      amount: money('Mức thu mỗi bản'),
      cap: z.optional(money('Mức tối đa')),
    }),
    z.strictObject({ kind: z.literal('range'), min: money('Mức thu tối thiểu'), max: money('Mức thu tối đa') }),
  ],
  { error: 'Cách tính phí (kind) là fixed, per-page, per-copy hoặc range' },
);

const FeeExemptionSchema = z.strictObject({
  code: z.string().check(z.regex(exemptionCodePattern, 'Mã trường hợp miễn gồm chữ thường, số, gạch nối (tối đa 40)')),
  label: text(300),
  basis: z.optional(text(500)),
});

/**
 * A fee rule. The old flat form `{ "amount": n, "due": … }` is still taken (a fixed schedule): a
 * rule has `schedule` and no `amount`.
 */
const FeeSchema = z
  .strictObject({
    amount: z.optional(
      z
        .number({ error: 'Mức phí, lệ phí phải là số' })
        .check(
          z.int('Mức phí tính bằng đồng, số nguyên'),
          z.positive('Mức phí phải lớn hơn 0; thủ tục không thu phí thì để fee là null'),
          z.maximum(1_000_000_000, 'Mức phí quá lớn'),
        ),
    ),
    schedule: z.optional(FeeScheduleSchema),
    due: z.enum(feeDues, {
      error: 'Thời điểm nộp phí là intake (khi nộp hồ sơ), supplement (khi bổ sung) hoặc result (khi nhận kết quả)',
    }),
    label: z.optional(text(200)),
    exemptions: z.optional(z.array(FeeExemptionSchema).check(z.maxLength(20, 'Tối đa 20 trường hợp miễn'))),
    basis: z.optional(text(1000)),
  })
  .check(
    z.refine((fee) => (fee.amount === undefined) !== (fee.schedule === undefined), {
      message: 'Phí, lệ phí có một trong hai: schedule (cách tính) hoặc amount (mức cố định, dạng cũ)',
      path: ['schedule'],
    }),
  );

/**
 * A procedure version as an admin sends it: every field of `Procedure` except `code` (from the
 * path) and `version` (assigned). Strict: an unknown field is refused, not ignored.
 */
export const ProcedureBody = z.strictObject({
  name: text(500),
  field: text(200),
  level: Level,
  agencyId: z.optional(agencyId),
  serviceLevel: ServiceLevel,
  processingTime: WorkingDurationSchema,
  fee: z.nullable(FeeSchema),
  resultType: text(300),
  documents: z.array(RequiredDocumentSchema).check(z.maxLength(50, 'Tối đa 50 thành phần hồ sơ')),
  steps: z
    .array(ProcessStepSchema)
    .check(z.minLength(1, 'Quy trình có ít nhất một bước'), z.maxLength(30, 'Tối đa 30 bước')),
  joint: z.optional(
    z.array(JointLegSchema).check(z.minLength(1, 'Bỏ trường joint nếu không liên thông'), z.maxLength(10)),
  ),
  legalBasis: z.optional(text(2000)),
});

export type ProcedureBody = z.output<typeof ProcedureBody>;

/** `?q=khai sinh&field=Hộ tịch&level=commune&agencyId=24.STP&serviceLevel=fully-online&limit=20&cursor=…` */
export const SearchProceduresQuery = z.extend(PageQuery, {
  q: z.optional(z.string().check(z.trim(), z.maxLength(200, 'Tối đa 200 ký tự'))),
  field: z.optional(z.string().check(z.trim(), z.maxLength(200, 'Tối đa 200 ký tự'))),
  level: z.optional(Level),
  agencyId: z.optional(agencyId),
  serviceLevel: z.optional(ServiceLevel),
});

export type SearchProceduresQuery = z.output<typeof SearchProceduresQuery>;

/** `?version=N`: a past version; without it, the current one. */
export const GetProcedureQuery = z.strictObject({
  version: z.optional(
    z.coerce
      .number({ error: 'Phiên bản là số nguyên dương' })
      .check(
        z.int('Phiên bản là số nguyên dương'),
        z.minimum(1, 'Phiên bản là số nguyên dương'),
        z.maximum(99_999, 'Phiên bản quá lớn'),
      ),
  ),
});
