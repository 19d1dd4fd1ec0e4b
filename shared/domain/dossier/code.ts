/**
 * Dossier code `<agency code>-<YYMMDD>-<NNNN>` (TT 01/2018 art. 19): a per-agency counter per day
 * in Asia/Ho_Chi_Minh time. The agency code never contains a hyphen, so the code parses back.
 */
export const dossierCodePattern = /^([A-Za-z0-9.]{2,40})-(\d{6})-(\d{4,})$/;

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** The day part of a code; also the key of the agency's daily counter. */
export const yymmdd = (date: LocalDate): string =>
  [date.year % 100, date.month, date.day].map((n) => String(n).padStart(2, '0')).join('');

export function formatDossierCode(agencyId: string, localDate: LocalDate, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1)
    throw new RangeError(`sequence must be a positive integer: ${sequence}`);
  return `${agencyId}-${yymmdd(localDate)}-${String(sequence).padStart(4, '0')}`;
}

export function parseDossierCode(code: string): { agencyId: string; yymmdd: string; sequence: number } | undefined {
  const match = dossierCodePattern.exec(code);
  if (!match) return undefined;
  const [, agencyId, yymmdd, sequence] = match as unknown as [string, string, string, string];
  return { agencyId, yymmdd, sequence: Number(sequence) };
}
