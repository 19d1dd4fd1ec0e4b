import * as z from 'zod/mini';
import type { AgencyRepository } from '../adapters/dynamo/agency-repository.ts';
import type { DossierRepository } from '../adapters/dynamo/dossier-repository.ts';
import type { LookupAttempts } from '../adapters/dynamo/lookup-attempts.ts';
import { describeAppointment } from '../domain/calendar/index.ts';
import { dossierCodePattern } from '../domain/dossier/code.ts';
import { dossierStatuses } from '../domain/dossier/status.ts';
import { RuleViolation } from '../domain/rule-violation.ts';
import { pinMatches } from './lookup-pin.ts';

export const LookupBody = z.strictObject({
  code: z.string().check(z.regex(dossierCodePattern, 'Mã hồ sơ không đúng định dạng')),
  pin: z.string().check(z.regex(/^\d{6}$/, 'Mã tra cứu gồm 6 chữ số')),
});

/**
 * The public look-up printed on the receipt (the QR code opens it): status, agency and appointment
 * only. A wrong PIN and an unknown code get the same answer, and repeated wrong PINs lock the code.
 */
export function lookupDossier(deps: {
  dossiers: DossierRepository;
  agencies: AgencyRepository;
  attempts: LookupAttempts;
  now: () => Date;
}) {
  return async (body: z.output<typeof LookupBody>) => {
    const now = deps.now();
    if (await deps.attempts.isLocked(body.code, now)) {
      throw new RuleViolation(
        'rate-limited',
        'too-many-attempts',
        'Nhập sai mã tra cứu quá nhiều lần; vui lòng thử lại sau 15 phút.',
      );
    }
    const stored = await deps.dossiers.get(body.code);
    if (!stored || !pinMatches(body.code, body.pin, stored.dossier.pinHash)) {
      await deps.attempts.recordFailure(body.code, now);
      throw new RuleViolation('not-found', 'not-found', 'Không tìm thấy hồ sơ với mã và mã tra cứu đã nhập.');
    }
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
