import * as z from 'zod/mini';
import type { AgencyRepository } from './ports/agency-repository.ts';
import { describeAppointment } from '../domain/calendar/index.ts';
import { dossierCodePattern } from '../domain/dossier/code.ts';
import { dossierStatuses } from '../domain/dossier/status.ts';
import { dossierByPin, type PinCheckDeps } from './check-lookup-pin.ts';

export const LookupBody = z.strictObject({
  code: z.string().check(z.regex(dossierCodePattern, 'Mã hồ sơ không đúng định dạng')),
  pin: z.string().check(z.regex(/^\d{6}$/, 'Mã tra cứu gồm 6 chữ số')),
});

/**
 * The public look-up printed on the receipt (the QR code opens it): status, agency and appointment
 * only. A wrong PIN and an unknown code get the same answer. Each attempt is counted before the PIN
 * is compared (check-lookup-pin.ts): per client address across codes, and per existing code, so
 * neither parallel guesses nor guesses spread over many codes get past the limits. An unknown code
 * writes no counter of its own: a code not issued yet cannot be locked before it exists.
 */
export function lookupDossier(deps: PinCheckDeps & { agencies: AgencyRepository }) {
  return async (body: z.output<typeof LookupBody>, client: string) => {
    const stored = await dossierByPin(deps, body.code, body.pin, client);
    const { dossier } = stored;
    const agency = await deps.agencies.get(dossier.agencyId);
    return {
      code: dossier.code,
      procedureName: dossier.procedure.name,
      status: dossier.status,
      statusText: dossierStatuses[dossier.status].vi,
      agencyName: agency?.name ?? dossier.agencyId,
      dueAt: dossier.dueAt,
      appointment: describeAppointment(new Date(dossier.dueAt)),
    };
  };
}
