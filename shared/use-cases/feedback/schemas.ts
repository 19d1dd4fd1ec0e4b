import * as z from 'zod';
import { agencyIdPattern } from '../../domain/agency.ts';
import { dossierCodePattern } from '../../domain/dossier/code.ts';
import { feedbackLimits, feedbackStatuses } from '../../domain/feedback/feedback.ts';
import { PageQuery } from '../pagination.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const agencyId = z.string().regex(agencyIdPattern, 'Mã cơ quan không hợp lệ');

export const FileFeedbackBody = z.strictObject({
  title: text(feedbackLimits.title),
  content: text(feedbackLimits.content),
  agencyId,
  dossierCode: z.string().regex(dossierCodePattern, 'Mã hồ sơ không đúng định dạng').optional(),
  anonymous: z.boolean().optional(),
  contact: z
    .strictObject({
      fullName: text(200).optional(),
      phone: z
        .string()
        .regex(/^\+?[0-9]{9,12}$/, 'Số điện thoại không hợp lệ')
        .optional(),
      email: z.email('Địa chỉ email không hợp lệ').max(254).optional(),
      address: text(500).optional(),
    })
    .optional(),
});
export type FileFeedbackBody = z.output<typeof FileFeedbackBody>;

const common = { expectedVersion: z.number().int().min(1) };
export const FeedbackActionBody = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('assign'), ...common, assigneeId: z.string().min(1).max(128) }),
  z.strictObject({ type: z.literal('answer'), ...common, text: text(feedbackLimits.answer) }),
  z.strictObject({ type: z.literal('forward'), ...common, agencyId, reason: text(feedbackLimits.reason) }),
  z.strictObject({
    type: z.literal('publish'),
    ...common,
    // The public title is the leader's: the citizen's own title may name people.
    title: text(feedbackLimits.title),
    summary: text(feedbackLimits.summary).optional(),
    answer: text(feedbackLimits.answer).optional(),
  }),
]);
export type FeedbackActionBody = z.output<typeof FeedbackActionBody>;

/** Ids are uuids: anything else is a 400, never a lookup. */
export const FeedbackIdParams = z.strictObject({ id: z.uuid('Mã phản ánh không hợp lệ') });

export const AgencyFeedbackParams = z.strictObject({ id: agencyId });
export const AgencyFeedbackQuery = PageQuery.extend({
  status: z.enum(Object.keys(feedbackStatuses) as [keyof typeof feedbackStatuses]).optional(),
});
