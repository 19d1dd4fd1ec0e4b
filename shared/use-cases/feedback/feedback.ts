import { randomUUID } from 'node:crypto';
import type * as z from 'zod/mini';
import type { AgencyRepository } from '../ports/agency-repository.ts';
import type { DossierRepository } from '../ports/dossier-repository.ts';
import { canReadWorkQueue } from '../../domain/authorization.ts';
import type { WorkingCalendar } from '../../domain/calendar/index.ts';
import type { Caller } from '../../domain/caller.ts';
import { defaultAnswerWithin, type Feedback } from '../../domain/feedback/feedback.ts';
import {
  actOnFeedback,
  answerDeadline,
  feedbackConflict,
  feedbackReader,
  fileFeedback,
} from '../../domain/feedback/rules.ts';
import { authorSummary, authorView, officialSummary, officialView, publicView } from '../../domain/feedback/views.ts';
import { RuleViolation } from '../../domain/rule-violation.ts';
import { readableDossier } from '../get-dossier.ts';
import type { PageQuery } from '../pagination.ts';
import type { FeedbackCounters } from '../ports/feedback-counters.ts';
import type { FeedbackRepository } from '../ports/feedback-repository.ts';
import { type Quotas, spend } from '../quotas.ts';
import { reconcileFeedbackCounts } from './feedback-counts.ts';
import type { AgencyFeedbackQuery, FeedbackActionBody, FileFeedbackBody } from './schemas.ts';

export interface FeedbackDeps {
  feedback: FeedbackRepository;
  counters: FeedbackCounters;
  now: () => Date;
}

const notFound = () => new RuleViolation('not-found', 'not-found', 'Không tìm thấy phản ánh, kiến nghị.');
const page = (q: z.output<typeof PageQuery>) => ({ limit: q.limit, ...(q.cursor ? { cursor: q.cursor } : {}) });
const listOf = <T>(result: { items: Feedback[]; nextCursor?: string }, view: (f: Feedback) => T) => ({
  items: result.items.map(view),
  ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}),
});

/**
 * A citizen files feedback to an agency, optionally about a dossier of their own (someone else's: 404).
 * Counted per account (FEEDBACK_PER_CITIZEN), anonymous or not: anonymity hides the author from the
 * agency, not from the platform, which knows the caller by the token. Not per client address: the
 * portal files its users' feedback from its own address, which would put them all in one count.
 */
export function fileFeedbackUseCase(
  deps: FeedbackDeps & {
    agencies: Pick<AgencyRepository, 'get'>;
    dossiers: DossierRepository;
    newId?: () => string;
    quotas?: Quotas;
  },
) {
  return async (caller: Caller, body: FileFeedbackBody) => {
    if (body.dossierCode) await readableDossier(deps.dossiers, caller, body.dossierCode);
    if (!(await deps.agencies.get(body.agencyId))) {
      throw new RuleViolation('invalid', 'unknown-agency', `Không có cơ quan mã ${body.agencyId}.`);
    }
    const feedback = fileFeedback(caller, body, (deps.newId ?? randomUUID)(), deps.now());
    if (deps.quotas) await spend(deps.quotas, 'feedback', caller.sub, deps.now());
    await deps.feedback.create(feedback);
    await reconcileFeedbackCounts(deps.counters, feedback);
    return authorView(feedback);
  };
}

/** One step on a feedback by an official of the agency holding it, on the version they saw. */
export function actOnFeedbackUseCase(
  deps: FeedbackDeps & {
    agencies: Pick<AgencyRepository, 'get' | 'getOfficial'>;
    calendarFor: (agencyId: string) => Promise<WorkingCalendar>;
    /** Working days to answer a feedback (FEEDBACK_ANSWER_WORKING_DAYS; defaultAnswerWithin when absent). */
    answerWithinWorkingDays?: number;
  },
) {
  return async (caller: Caller, id: string, body: FeedbackActionBody) => {
    const feedback = await deps.feedback.get(id);
    if (!feedback || feedbackReader(caller, feedback) !== 'official') throw notFound();
    if (feedback.version !== body.expectedVersion) throw feedbackConflict(feedback.version);
    const { expectedVersion: _seen, ...action } = body;
    const calendar = await deps.calendarFor(feedback.agencyId);
    const next = actOnFeedback(feedback, action, {
      caller,
      now: deps.now(),
      calendar,
      ...(action.type === 'assign' ? await assignee(action.assigneeId) : {}),
      ...(action.type === 'forward' ? { targetExists: (await deps.agencies.get(action.agencyId)) !== undefined } : {}),
    });
    const saved = await deps.feedback.save(feedback, next);
    // The answer's deadline is the answering agency's (the one holding it, whose calendar is at hand).
    const deadline =
      saved.answer && saved.answer.agencyId === feedback.agencyId
        ? answerDeadline(
            calendar,
            saved.receivedAt,
            deps.answerWithinWorkingDays === undefined
              ? defaultAnswerWithin
              : { workingDays: deps.answerWithinWorkingDays },
          )
        : undefined;
    await reconcileFeedbackCounts(deps.counters, saved, deadline);
    return officialView(saved);

    async function assignee(sub: string) {
      const official = await deps.agencies.getOfficial(sub);
      return official ? { assignee: official } : {};
    }
  };
}

/** One feedback, to its author or an official of the agency holding it (others: 404). */
export function getFeedbackUseCase(deps: Pick<FeedbackDeps, 'feedback'>) {
  return async (caller: Caller, id: string) => {
    const feedback = await deps.feedback.get(id);
    const reader = feedback ? feedbackReader(caller, feedback) : undefined;
    if (!feedback || !reader) throw notFound();
    return reader === 'author' ? authorView(feedback) : officialView(feedback);
  };
}

/** `GET /v1/feedback/{id}` as its author reads it. */
export type AuthorFeedbackView = ReturnType<typeof authorView>;

/** An item of `GET /v1/me/feedback`. */
export type AuthorFeedbackSummary = ReturnType<typeof authorSummary>;

export function listMyFeedbackUseCase(deps: Pick<FeedbackDeps, 'feedback'>) {
  return async (caller: Caller, query: z.output<typeof PageQuery>) =>
    listOf(await deps.feedback.listByAuthor(caller.sub, page(query)), authorSummary);
}

/** An agency's feedback by status: its own officials and auditors (others: 404). */
export function listAgencyFeedbackUseCase(deps: Pick<FeedbackDeps, 'feedback'>) {
  return async (caller: Caller, agencyId: string, query: z.output<typeof AgencyFeedbackQuery>) => {
    if (!canReadWorkQueue(caller, agencyId))
      throw new RuleViolation('not-found', 'not-found', 'Không tìm thấy cơ quan.');
    return listOf(await deps.feedback.listByAgency(agencyId, query.status, page(query)), officialSummary);
  };
}

/** The published answers, newest first, for anyone. */
export function listPublishedFeedbackUseCase(deps: Pick<FeedbackDeps, 'feedback'>) {
  return async (query: z.output<typeof PageQuery>) => {
    const result = await deps.feedback.listPublished(page(query));
    return listOf(result, (f) => publicView(f) as NonNullable<ReturnType<typeof publicView>>);
  };
}

export function getPublishedFeedbackUseCase(deps: Pick<FeedbackDeps, 'feedback'>) {
  return async (id: string) => {
    const feedback = await deps.feedback.get(id);
    const view = feedback ? publicView(feedback) : undefined;
    if (!view) throw notFound();
    return view;
  };
}
