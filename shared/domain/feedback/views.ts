/**
 * What each reader sees of a feedback. The author sees their own feedback and its answer; officials
 * see everything but the author when the citizen asked to stay anonymous; the public sees only the
 * published version, which holds no personal data.
 */
import type { Feedback } from './feedback.ts';

export function authorView(feedback: Feedback) {
  return {
    id: feedback.id,
    version: feedback.version,
    status: feedback.status,
    title: feedback.title,
    content: feedback.content,
    ...(feedback.dossierCode ? { dossierCode: feedback.dossierCode } : {}),
    agencyId: feedback.agencyId,
    anonymous: feedback.anonymous,
    ...(feedback.contact ? { contact: feedback.contact } : {}),
    filedAt: feedback.filedAt,
    ...(feedback.answer
      ? { answer: { text: feedback.answer.text, agencyId: feedback.answer.agencyId, at: feedback.answer.at } }
      : {}),
    forwards: feedback.forwards.map(({ from, to, reason, at }) => ({ from, to, reason, at })),
    ...(feedback.published ? { published: feedback.published } : {}),
    history: feedback.history.map(({ at, action, from, to, agencyId, note }) => ({
      at,
      action,
      ...(from ? { from } : {}),
      to,
      agencyId,
      note,
    })),
  };
}

export function officialView(feedback: Feedback) {
  const { authorId, contact, history, ...rest } = feedback;
  return {
    ...rest,
    ...(feedback.anonymous ? {} : { authorId, ...(contact ? { contact } : {}) }),
    // The author's own entry would name them: an anonymous author is "the citizen".
    history: feedback.anonymous
      ? history.map((e) => (e.actor.role === 'citizen' ? { ...e, actor: { sub: 'anonymous', role: e.actor.role } } : e))
      : history,
  };
}

/** An item of the officials' work list. */
export function officialSummary(feedback: Feedback) {
  return {
    id: feedback.id,
    version: feedback.version,
    status: feedback.status,
    title: feedback.title,
    agencyId: feedback.agencyId,
    anonymous: feedback.anonymous,
    ...(feedback.dossierCode ? { dossierCode: feedback.dossierCode } : {}),
    ...(feedback.assigneeId ? { assigneeId: feedback.assigneeId } : {}),
    filedAt: feedback.filedAt,
    receivedAt: feedback.receivedAt,
  };
}

export function authorSummary(feedback: Feedback) {
  return {
    id: feedback.id,
    status: feedback.status,
    title: feedback.title,
    agencyId: feedback.agencyId,
    filedAt: feedback.filedAt,
    answered: feedback.answer !== undefined,
  };
}

/** The published version only: built from its own fields, never from the feedback as filed. */
export function publicView(feedback: Feedback) {
  const p = feedback.published;
  if (!p) return undefined;
  return {
    id: feedback.id,
    title: p.title,
    ...(p.summary ? { summary: p.summary } : {}),
    answer: p.answer,
    agencyId: p.agencyId,
    filedAt: p.filedAt,
    answeredAt: p.answeredAt,
    publishedAt: p.publishedAt,
  };
}
