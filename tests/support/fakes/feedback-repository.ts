import type { Feedback } from '../../../shared/domain/feedback/feedback.ts';
import { feedbackConflict } from '../../../shared/domain/feedback/rules.ts';
import type { FeedbackRepository } from '../../../shared/use-cases/ports/feedback-repository.ts';
import { byKey, copy, pageOf } from './page.ts';

/**
 * Feedback in memory, as dynamo/feedback-repository.ts keeps it: `create` answers false for an id
 * already there (a retry) and changes nothing, `save` is conditional on the version read (the
 * `version-conflict` 409 with the current version otherwise); the lists follow the adapter's index
 * sort keys: the author's newest filed first, the agency's by status then oldest received first, the
 * published answers newest published first.
 */
export function fakeFeedbackRepository(initial: readonly Feedback[] = []): FeedbackRepository {
  const rows = new Map<string, Feedback>(initial.map((f) => [f.id, copy(f)]));
  const all = () => [...rows.values()].map(copy);

  return {
    async get(id) {
      const feedback = rows.get(id);
      return feedback && copy(feedback);
    },
    async create(feedback) {
      if (rows.has(feedback.id)) return false;
      rows.set(feedback.id, copy(feedback));
      return true;
    },
    async save(before, next) {
      const current = rows.get(next.id);
      if (current?.version !== before.version) throw feedbackConflict(current?.version);
      rows.set(next.id, copy(next));
      return copy(next);
    },
    async listByAuthor(authorId, page) {
      const mine = all()
        .filter((f) => f.authorId === authorId)
        .sort(byKey(authorKey, 'descending'));
      return pageOf(mine, authorKey, `author:${authorId}`, page);
    },
    async listByAgency(agencyId, status, page) {
      const theirs = all()
        .filter((f) => f.agencyId === agencyId && (status === undefined || f.status === status))
        .sort(byKey(agencyKey));
      return pageOf(theirs, agencyKey, `agency:${agencyId}`, page);
    },
    async listPublished(page) {
      const published = all()
        .filter((f) => f.published)
        .sort(byKey(publishedKey, 'descending'));
      return pageOf(published, publishedKey, 'published', page);
    },
  };
}

const authorKey = (f: Feedback) => `${f.filedAt}#${f.id}`;
const agencyKey = (f: Feedback) => `${f.status}#${f.receivedAt}#${f.id}`;
const publishedKey = (f: Feedback) => `${f.published?.publishedAt ?? ''}#${f.id}`;
