import type { AgencyLevel } from './agency.ts';

export type ServiceLevel = 'fully-online' | 'partly-online' | 'offline';

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
  processingTime: { workingDays: number } | { workingHours: number };
  fee: { amount: number; due: 'intake' | 'result' } | null;
  resultType: string;
}

export const procedureCodePattern = /^\d\.\d{6}$/;

export const acceptsOnlineFiling = (procedure: Procedure): boolean => procedure.serviceLevel !== 'offline';
