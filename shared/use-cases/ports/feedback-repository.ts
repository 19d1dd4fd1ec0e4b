import type { Feedback, FeedbackStatus } from '../../domain/feedback/feedback.ts';
import type { Page, PageRequest } from './page.ts';

/** Feedback (phản ánh, kiến nghị), each changed only through writes conditional on its version. */
export interface FeedbackRepository {
  /** Undefined when absent. Strongly consistent. */
  get(id: string): Promise<Feedback | undefined>;

  /** Writes a new feedback; a retry with the same id finds it there and changes nothing. Returns whether it wrote. */
  create(feedback: Feedback): Promise<boolean>;

  /**
   * Replaces the feedback on the version read (`before`): a concurrent change makes it throw the
   * `version-conflict` RuleViolation (409) with the current version.
   */
  save(before: Feedback, next: Feedback): Promise<Feedback>;

  /** The author's feedback, newest first. */
  listByAuthor(authorId: string, request: PageRequest): Promise<Page<Feedback>>;

  /** An agency's feedback, oldest received first, of one status or of all (grouped by status). */
  listByAgency(agencyId: string, status: FeedbackStatus | undefined, request: PageRequest): Promise<Page<Feedback>>;

  /** Published answers, newest first. */
  listPublished(request: PageRequest): Promise<Page<Feedback>>;
}
