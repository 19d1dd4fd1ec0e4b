import type { RegisterKey, RegisterPosition } from '../../domain/official-documents/register.ts';
import type { Page, PageRequest } from './page.ts';

/** A line of a register as numbering keeps it: which document holds which number, since when. */
export interface RegisterEntryRef {
  number: number;
  documentId: string;
  /** When the number was given, ISO 8601 with +07:00. */
  at: string;
}

/**
 * The numbers of an agency's registers (Nghị định 30/2020/NĐ-CP, Điều 15 khoản 1 and Điều 22 khoản 2:
 * consecutive from 01 each year, unique within the year). However many documents are numbered at once
 * in one register, they get consecutive numbers: no gap, no duplicate.
 */
export interface DocumentRegister {
  /**
   * The number of `documentId` in the register's year of `at` (Vietnam's year): the next one, or the one
   * the document already holds. Idempotent per register, year and document: a retry (after a crash, a
   * timeout, a failed send) gets the number already given, never a second one, and nothing is skipped.
   * Concurrent claims for the same document get one number between them.
   */
  claimNumber(register: RegisterKey, documentId: string, at: Date): Promise<RegisterPosition>;

  /** The numbers given in the register's `year`, in ascending order. */
  entries(register: RegisterKey, year: number, page: PageRequest): Promise<Page<RegisterEntryRef>>;
}
