/**
 * Feedback (phản ánh, kiến nghị — PAKN): a citizen's complaint or proposal to an agency, assigned,
 * answered, forwarded when sent to the wrong agency, and its answer published without personal data.
 * One item per feedback, changed only through conditional writes on `version`. Pure: no I/O.
 */
import type { Role } from '../caller.ts';

export const feedbackStatuses = {
  received: { vi: 'Đã tiếp nhận' },
  assigned: { vi: 'Đang xử lý' },
  answered: { vi: 'Đã trả lời' },
  published: { vi: 'Đã công khai' },
} as const;

export type FeedbackStatus = keyof typeof feedbackStatuses;

/** How the citizen can be reached. Personal data: never logged, never published, hidden when anonymous. */
export interface FeedbackContact {
  fullName?: string;
  phone?: string;
  email?: string;
  address?: string;
}

export interface FeedbackHistoryEntry {
  at: string;
  actor: { sub: string; role: Role };
  action: string;
  from?: FeedbackStatus;
  to: FeedbackStatus;
  agencyId: string;
  /** Vietnamese text the citizen reads. */
  note: string;
}

/** A move to the agency competent to answer. */
export interface FeedbackForward {
  from: string;
  to: string;
  reason: string;
  at: string;
  by: string;
  /** When `from` had received it: its receipt is no longer counted there. */
  receivedAt: string;
}

/** What the public sees: no name, id number, phone, email or address, and not the content as filed. */
export interface PublishedFeedback {
  title: string;
  /** The official's redacted summary of the question. */
  summary?: string;
  answer: string;
  agencyId: string;
  filedAt: string;
  answeredAt: string;
  publishedAt: string;
}

export interface Feedback {
  id: string;
  version: number;
  status: FeedbackStatus;
  title: string;
  content: string;
  /** A dossier of the author's own it is about. */
  dossierCode?: string;
  /** The agency that holds it now (the one that must answer or forward it). */
  agencyId: string;
  /** The author (the token's subject): for their own list only; officials never see it when anonymous. */
  authorId: string;
  anonymous: boolean;
  contact?: FeedbackContact;
  filedAt: string;
  /** When the agency that holds it received it (filing, or the last forward). */
  receivedAt: string;
  assigneeId?: string;
  answer?: { text: string; by: string; agencyId: string; at: string };
  forwards: FeedbackForward[];
  published?: PublishedFeedback;
  history: FeedbackHistoryEntry[];
}

/** Bounded so the item stays far below DynamoDB's 400 KB. */
export const maxFeedbackHistory = 100;
export const feedbackLimits = { title: 200, content: 5000, answer: 5000, reason: 1000, summary: 2000 } as const;

/** Feedback may be forwarded to the competent agency within this many working days of its receipt. */
export const forwardWithin = { workingDays: 5 } as const;

/**
 * The deadline to answer a feedback, in working days from its receipt by the agency that holds it
 * (a forward restarts it at the competent agency). Configurable (FEEDBACK_ANSWER_WORKING_DAYS).
 * Default 15: the period the national portal's index counts a feedback "xử lý đúng hạn" by
 * (QĐ 766/QĐ-TTg, chỉ số 5.2 "Tiến độ xử lý phản ánh, kiến nghị": answered within 15 working days of
 * its sending, or of the last transfer to the agency). The statutory period of Nghị định
 * 20/2008/NĐ-CP (as amended) could not be checked here: set it if a province applies a shorter one.
 */
export const defaultAnswerWithin = { workingDays: 15 } as const;
