import type { AgencyLevel } from './agency.ts';
import type { WorkingDuration } from './calendar/index.ts';
import type { Role } from './caller.ts';
import type { FeeRule } from './fees/rule.ts';

export type ServiceLevel = 'fully-online' | 'partly-online' | 'offline';

export interface RequiredDocument {
  name: string;
  copyType: 'original' | 'certified-copy' | 'copy';
  count: number;
  /** A template form the applicant fills in, by its name or number. */
  template?: string;
  optional?: boolean;
}

/** Each kind of paper as the forms and pages name it ("bản sao có chứng thực": a copy certified from the original). */
export const copyTypeText: Record<RequiredDocument['copyType'], string> = {
  original: 'Bản chính',
  'certified-copy': 'Bản sao có chứng thực',
  copy: 'Bản sao',
};

/** One step of the internal process: who acts and how long the step may take. */
export interface ProcessStep {
  name: string;
  role: Extract<Role, 'receiver' | 'specialist' | 'leader'>;
  duration: WorkingDuration;
}

/**
 * One agency's part in a joint (liên thông) procedure, with its share of the legal time. `commune`
 * means the People's Committee of the applicant's commune; otherwise a named agency.
 */
export interface JointLeg {
  agency: { level: 'commune' } | { agencyId: string };
  purpose: string;
  share: WorkingDuration;
}

/** A catalogue entry, as a dossier was filed under it (versioned: a dossier keeps its version). */
export interface Procedure {
  /** National code, e.g. `1.001193`. */
  code: string;
  version: number;
  name: string;
  field: string;
  /** The level that decides. A commune-level procedure goes to the applicant's commune. */
  level: AgencyLevel;
  /** For province- and department-level procedures: the competent agency. */
  agencyId?: string;
  serviceLevel: ServiceLevel;
  processingTime: WorkingDuration;
  /** The fee rule (fees/rule.ts); null when nothing is charged. Older versions stored a flat `{ amount, due }`. */
  fee: FeeRule | null;
  resultType: string;
  documents: RequiredDocument[];
  /** The competent agency's internal process, in order. */
  steps: ProcessStep[];
  /** Other agencies the dossier is transferred to, for joint procedures. */
  joint?: JointLeg[];
  legalBasis?: string;
}

export const procedureCodePattern = /^\d\.\d{6}$/;

export const acceptsOnlineFiling = (procedure: Procedure): boolean => procedure.serviceLevel !== 'offline';
