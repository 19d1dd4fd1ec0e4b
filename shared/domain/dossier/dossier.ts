import type { Role } from '../caller.ts';
import type { DomainEvent } from '../events.ts';
import type { ContactChannel } from '../notifications/contacts.ts';
import type { FeeDue } from '../fees/rule.ts';
import type { PostalService } from '../postal/shipment.ts';
import type { DossierStatus } from './status.ts';

export type Channel = 'online' | 'counter' | 'post' | 'dvcqg';
export type ReturnMethod = 'online' | 'counter' | 'post';
/** Forms of TT 03/2025 annex I issued by lifecycle steps. */
export type FormNumber = '01' | '02' | '03' | '04' | '05' | '06' | '07';

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
  /** The agency that held the dossier when this happened. */
  agencyId?: string;
  /** Vietnamese text the applicant reads. */
  note: string;
  /** Shown to officials only. */
  internalNote?: string;
  form?: FormNumber;
  /** The dossier document this entry records (the signed result). */
  documentId?: string;
  /** Hash chain (timeline-chain.ts), set by the repository on write: the previous entry's hash and this one's. */
  prevHash?: string;
  hash?: string;
}

/** Where the dossier is in its agency's process: which step, whose desk. */
export interface WorkPosition {
  agencyId: string;
  /** Index into the procedure's steps at the competent agency; a joint leg elsewhere has its own single step. */
  stepIndex: number;
  stepName: string;
  assigneeId?: string;
  since: string;
}

/** A step as it happened, for the process control slip (form 06). */
export interface StepRecord {
  agencyId: string;
  name: string;
  handlerId?: string;
  startedAt: string;
  dueAt: string;
  endedAt?: string;
}

/** An agency's part of a joint procedure, with its own deadline. */
export interface JointLegRecord {
  agencyId: string;
  purpose: string;
  startedAt: string;
  dueAt: string;
  endedAt?: string;
  /** The competent agency's step to resume when the dossier comes back. */
  resumeStepIndex: number;
}

/** An online payment the platform reported that the dossier did not accept. */
export interface PaymentFlag {
  /** The amount or currency differs from the fee; or the fee was already settled another way (a refund is due). */
  code: 'amount-mismatch' | 'already-paid';
  paymentId: string;
  transactionId: string;
  expected: { amount: number; currency: string };
  received: { amount: number; currency: string };
  at: string;
}

/** The dossier aggregate: one item, changed only through conditional writes on `version`. */
export interface Dossier {
  code: string;
  version: number;
  status: DossierStatus;
  channel: Channel;
  procedure: { code: string; version: number; name: string };
  /** The agency that holds the dossier now. */
  agencyId: string;
  /** The agency competent to decide (the holder moves during joint legs). */
  competentAgencyId: string;
  /**
   * The service centre that received the dossier and returns the result (Nghị định 118/2025/NĐ-CP): it
   * holds the dossier at intake and after the decision. Absent: the competent agency received it itself.
   */
  intakeAgencyId?: string;
  /** Every agency that has held it: their officials may still read it. */
  handledBy: string[];
  /** The applicant's commune, for commune legs of joint procedures. */
  communeCode?: string;
  applicantId: string;
  applicant: Applicant;
  /**
   * The applicant's contacts the platform may write to without a confirmation code: the account's own,
   * verified by the identity provider, or any checked by a person (desk, national portal). Others are
   * confirmed first (notifications/contacts.ts).
   */
  confirmedContacts?: ContactChannel[];
  returnMethod: ReturnMethod;
  /** Filing and/or return by post: the shipments asked for, their waybills and tracking. */
  postal?: PostalService;
  formData: Record<string, string | number | boolean>;
  submittedAt: string;
  receivedAt?: string;
  /** The legal clock: when it (re)started and how much working time it had then. */
  clock?: { startedAt: string; workingHours: number };
  /** The appointment: when the result is due. */
  dueAt: string;
  /** The appointment before the one allowed extension. */
  originalDueAt?: string;
  supplement?: { requestedAt: string; defects: string[]; fromStatus: DossierStatus };
  fee: {
    /** What is due, in đồng (0 when exempt, or while a range fee awaits the official's amount). */
    amount: number;
    due: FeeDue;
    paid: boolean;
    /** How the amount was reached ("3 trang × 1 bản: 5.000 đồng/bản = 5.000 đồng"), for the receipt. */
    detail?: string;
    /** The exemption ground applied: nothing to pay. */
    exemption?: { code: string; label: string };
    /** A fee the official sets within the schedule's range (`request-fees`), and who set it when. */
    range?: { min: number; max: number; setBy?: string; setAt?: string };
    /** Paid through the national payment platform (indicator), with the payment that did it. */
    paidOnline?: boolean;
    paymentId?: string;
    /** A platform payment that could not be accepted (amount or currency differs): for officials to resolve. */
    flag?: PaymentFlag;
  } | null;
  decision?: { outcome: 'approved' | 'refused'; reasons?: string; decidedAt: string; by: string };
  returnedAt?: string;
  /** The applicant's satisfaction rating, given once after the result was returned. */
  rating?: { score: number; comment?: string; at: string };
  /** Ids of the dossier on a partner's system: the national portal's, for dossiers filed there. */
  external?: { dvcqgId: string };
  /** Set while the dossier sits in an agency's work queue; absent once the dossier is closed. */
  workQueue?: WorkPosition;
  /**
   * Filed at the counter: the paper documents the receiver took, by required-document slot and count
   * (form 01 lists them as received; their scans follow as digitised uploads).
   */
  papers?: { slot: number; count: number }[];
  steps: StepRecord[];
  legs: JointLegRecord[];
  /**
   * Versions that differ only by system annotations (the signed result recorded): an official who
   * saw any version from `from` may still act on `to` (shared/domain/dossier/annotations.ts).
   */
  annotated?: { from: number; to: number };
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
