import * as z from 'zod/mini';
import { agencyIdPattern } from '../../domain/agency.ts';
import { dossierCodePattern } from '../../domain/dossier/code.ts';
import { feedbackLimits, feedbackStatuses } from '../../domain/feedback/feedback.ts';
import { PageQuery } from '../pagination.ts';

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const agencyId = z.string().check(z.regex(agencyIdPattern, 'Mã cơ quan không hợp lệ'));

export const FileFeedbackBody = z.strictObject({
  title: text(feedbackLimits.title),
  content: text(feedbackLimits.content),
  agencyId,
  dossierCode: z.optional(z.string().check(z.regex(dossierCodePattern, 'Mã hồ sơ không đúng định dạng'))),
  anonymous: z.optional(z.boolean()),
  contact: z.optional(
    z.strictObject({
      fullName: z.optional(text(200)),
      phone: z.optional(z.string().check(z.regex(/^\+?[0-9]{9,12}$/, 'Số điện thoại không hợp lệ'))),
      email: z.optional(z.email('Địa chỉ email không hợp lệ').check(z.maxLength(254))),
      address: z.optional(text(500)),
    }),
  ),
});
export type FileFeedbackBody = z.output<typeof FileFeedbackBody>;

const common = { expectedVersion: z.number().check(z.int(), z.minimum(1)) };
export const FeedbackActionBody = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('assign'),
    ...common,
    assigneeId: z.string().check(z.minLength(1), z.maxLength(128)),
  }),
  z.strictObject({ type: z.literal('answer'), ...common, text: text(feedbackLimits.answer) }),
  z.strictObject({ type: z.literal('forward'), ...common, agencyId, reason: text(feedbackLimits.reason) }),
  z.strictObject({
    type: z.literal('publish'),
    ...common,
    // The public title is the leader's: the citizen's own title may name people.
    title: text(feedbackLimits.title),
    summary: z.optional(text(feedbackLimits.summary)),
    answer: z.optional(text(feedbackLimits.answer)),
  }),
]);
export type FeedbackActionBody = z.output<typeof FeedbackActionBody>;

/** Ids are uuids: anything else is a 400, never a lookup. */
export const FeedbackIdParams = z.strictObject({ id: z.uuid('Mã phản ánh không hợp lệ') });

export const AgencyFeedbackParams = z.strictObject({ id: agencyId });
export const AgencyFeedbackQuery = z.extend(PageQuery, {
  status: z.optional(z.enum(Object.keys(feedbackStatuses) as [keyof typeof feedbackStatuses])),
});
