import type { Procedure } from '../domain/procedure.ts';
import { toVnIso } from '../domain/time.ts';
import type { PortalDeps } from './deps.ts';

/** What the procedure page says after "Nộp bây giờ, hẹn trả:". */
export type FilingAppointment =
  /** The appointment on the competent agency's calendar, "Chiều thứ Ba, ngày 10/03/2026". */
  | { kind: 'at'; appointment: string }
  /** A commune-level procedure: the competent agency (and its calendar) is the applicant's commune. */
  | { kind: 'per-commune' };

/**
 * The appointment a dossier filed online now would get, asked of the API's public calculator
 * (`GET /v1/agencies/{id}/due-date`) with the procedure's legal time: the same counting and the
 * same agency calendar the filing uses, and the portal reads no calendar itself.
 * Undefined when the page should say nothing: a procedure filed by post (it counts from the day the
 * post arrives, not now), one without a competent agency, or the calculator failing (logged; a page
 * without the line beats no page).
 */
export async function filingAppointment(
  deps: Pick<PortalDeps, 'api' | 'now' | 'logError'>,
  origin: string,
  procedure: Pick<Procedure, 'level' | 'agencyId' | 'serviceLevel' | 'processingTime'>,
): Promise<FilingAppointment | undefined> {
  if (procedure.serviceLevel === 'offline') return undefined;
  if (procedure.level === 'commune') return { kind: 'per-commune' };
  if (!procedure.agencyId) return undefined;
  const duration = procedure.processingTime;
  try {
    const answer = await deps
      .api(origin)
      .get<{ appointment: string }>(`/v1/agencies/${encodeURIComponent(procedure.agencyId)}/due-date`, {
        receivedAt: toVnIso(deps.now()),
        ...('workingDays' in duration
          ? { workingDays: duration.workingDays }
          : { workingHours: duration.workingHours }),
      });
    return { kind: 'at', appointment: answer.appointment };
  } catch (error) {
    deps.logError('due-date calculator failed for the procedure page', error);
    return undefined;
  }
}
