/**
 * The applicant's satisfaction rating (QĐ 766, satisfaction group): after the result is returned,
 * once, 1–5 with an optional comment. It changes the dossier aggregate like a lifecycle step (a
 * timeline entry, a new version, a `DossierChanged` with action `rate` from and to `returned`), so the
 * outbox carries it to the indicator facts; the notification templates have no text for `rate`, so
 * nobody is messaged about it.
 */
import type { Caller } from '../caller.ts';
import { type Decision, type Dossier, maxTimelineEntries } from './dossier.ts';
import { dossierChanged } from './lifecycle-events.ts';
import { RuleViolation } from '../rule-violation.ts';
import { toVnIso } from '../time.ts';

export const ratingScores = [1, 2, 3, 4, 5] as const;
export const maxRatingCommentLength = 1000;

export interface RatingInput {
  score: number;
  comment?: string;
}

export function rateDossier(dossier: Dossier, caller: Caller, input: RatingInput, now: Date): Decision {
  // Only the applicant rates; anyone else is told the dossier does not exist, as for reads.
  if (!caller.roles.includes('citizen') || dossier.applicantId !== caller.sub) {
    throw new RuleViolation('not-found', 'not-found', 'Không tìm thấy hồ sơ.');
  }
  if (dossier.rating) {
    throw new RuleViolation(
      'conflict',
      'already-rated',
      'Ông/Bà đã đánh giá hồ sơ này; mỗi hồ sơ chỉ được đánh giá một lần.',
      {
        rating: dossier.rating,
      },
    );
  }
  if (dossier.status !== 'returned') {
    throw new RuleViolation(
      'conflict',
      'not-returned',
      'Hồ sơ chưa được trả kết quả; Ông/Bà chỉ đánh giá được sau khi nhận kết quả.',
      { dossierStatus: dossier.status },
    );
  }
  if (!Number.isInteger(input.score) || input.score < 1 || input.score > 5) {
    throw new RuleViolation('invalid', 'invalid-score', 'Điểm đánh giá là số nguyên từ 1 đến 5.');
  }
  const comment = input.comment?.trim();
  if (comment !== undefined && comment.length > maxRatingCommentLength) {
    throw new RuleViolation('invalid', 'comment-too-long', `Ý kiến không quá ${maxRatingCommentLength} ký tự.`);
  }
  if (dossier.timeline.length >= maxTimelineEntries) {
    throw new RuleViolation('invalid', 'timeline-full', 'Nhật ký hồ sơ đã đầy; liên hệ quản trị hệ thống.');
  }
  const at = toVnIso(now);
  const rating = { score: input.score, ...(comment ? { comment } : {}), at };
  const next: Dossier = {
    ...dossier,
    version: dossier.version + 1,
    rating,
    timeline: [
      ...dossier.timeline,
      {
        at,
        actor: { sub: caller.sub, role: 'citizen' },
        action: 'rate',
        from: dossier.status,
        to: dossier.status,
        agencyId: dossier.agencyId,
        note: `Người nộp đánh giá mức độ hài lòng: ${input.score}/5.`,
      },
    ],
  };
  return { dossier: next, events: [dossierChanged(next, 'rate', dossier.status)] };
}
