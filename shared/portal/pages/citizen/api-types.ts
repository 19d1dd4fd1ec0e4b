/**
 * The parts of the API's answers (README "API", "Documents") the citizen's pages read. Only what is shown:
 * the API sends more, and a field it drops one day shows as absent rather than breaking a page.
 */
import type { DossierStatus } from '../../../domain/dossier/status.ts';

/** `POST /v1/dossiers` 201: the receipt, with the lookup PIN the API shows this once. */
export interface FilingReceipt {
  code: string;
  status: DossierStatus;
  statusText: string;
  agencyId: string;
  agencyName: string;
  procedure: { code: string; version: number; name: string };
  submittedAt: string;
  dueAt: string;
  /** "Sáng thứ Hai, ngày 02/03/2026". */
  appointment: string;
  lookupPin?: string;
  version: number;
}

export interface DossierFlags {
  overdue: boolean;
  extended: boolean;
}

/** One line of `GET /v1/me/dossiers`. */
export interface DossierSummary {
  code: string;
  procedure: { code: string; version: number; name: string };
  status: DossierStatus;
  statusText: string;
  submittedAt: string;
  dueAt: string;
  flags: DossierFlags;
}

export interface DossierPage<T> {
  items: T[];
  nextCursor?: string;
}

export interface Shipment {
  address: string;
  waybill?: string;
  status?: 'accepted' | 'in-transit' | 'delivered' | 'failed-delivery' | 'returned-to-sender';
}

export interface DocumentItem {
  id: string;
  kind: 'upload' | 'form' | 'result' | 'referenced' | 'receipt';
  slot?: number;
  name: string;
  form?: string;
  contentType: string;
  size: number;
  status: 'pending' | 'verified' | 'quarantined' | 'referenced';
  rejection?: { code: string; reason: string };
  createdAt: string;
  /** Verified files only, from `GET /v1/dossiers/{code}/documents`: valid a few minutes. */
  download?: { url: string; expiresAt: string };
}

/** `GET /v1/dossiers/{code}` as its applicant reads it (no internal notes). */
export interface DossierDetail {
  code: string;
  version: number;
  status: DossierStatus;
  statusText: string;
  channel: string;
  procedure: { code: string; version: number; name: string };
  agencyId: string;
  applicant: { fullName: string; idNumber: string; phone?: string; email?: string; address: string };
  returnMethod: 'online' | 'counter' | 'post';
  postal?: { pickup?: Shipment; delivery?: Shipment };
  submittedAt: string;
  receivedAt?: string;
  dueAt: string;
  supplement?: { requestedAt: string; defects: string[] };
  fee: { amount: number; due: 'intake' | 'result'; paid: boolean } | null;
  decision?: { outcome: 'approved' | 'refused'; reasons?: string; decidedAt: string };
  returnedAt?: string;
  rating?: { score: number };
  flags: DossierFlags;
  /** Oldest first. */
  timeline: { at: string; action: string; note: string }[];
}
