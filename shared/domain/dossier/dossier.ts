import type { Role } from '../caller.ts';
import type { DomainEvent } from '../events.ts';
import type { DossierStatus } from './status.ts';

export type Channel = 'online' | 'counter' | 'post' | 'dvcqg';
export type ReturnMethod = 'online' | 'counter' | 'post';

export interface Applicant {
  fullName: string;
  /** Citizen id (CCCD). Personal data: never logged. */
  idNumber: string;
  phone?: string;
  email?: string;
  address: string;
}

export interface TimelineEntry {
  at: string;
  actor: { sub: string; role: Role | 'system' };
  action: string;
  from?: DossierStatus;
  to?: DossierStatus;
  /** Vietnamese text the applicant reads. */
  note: string;
  /** Internal notes are shown to officials only. */
  internal?: boolean;
}

/** The dossier aggregate: one item, changed only through conditional writes on `version`. */
export interface Dossier {
  code: string;
  version: number;
  status: DossierStatus;
  channel: Channel;
  procedure: { code: string; version: number; name: string };
  agencyId: string;
  applicantId: string;
  applicant: Applicant;
  returnMethod: ReturnMethod;
  formData: Record<string, string | number | boolean>;
  submittedAt: string;
  /** The appointment: when the result is due. */
  dueAt: string;
  /** Set once the dossier sits in its agency's work queue. */
  workQueue?: { agencyId: string; step: 'intake'; since: string };
  /** SHA-256 of the lookup PIN printed on the receipt; the PIN itself is never stored. */
  pinHash: string;
  timeline: TimelineEntry[];
}

/** A decision of the domain: the new state and the events it records (the outbox). */
export interface Decision {
  dossier: Dossier;
  events: DomainEvent[];
}

/** The timeline is append-only and bounded so the item stays far below DynamoDB's 400 KB. */
export const maxTimelineEntries = 500;
