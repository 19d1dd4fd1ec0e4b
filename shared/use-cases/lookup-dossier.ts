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

const tooMany = (code: string, message: string, retryAfterSeconds: number) =>
  new RuleViolation(
    'rate-limited',
    code,
    `${message}; vui lòng thử lại sau ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} phút.`,
    { retryAfterSeconds },
  );

/**
 * The public look-up printed on the receipt (the QR code opens it): status, agency and appointment
 * only. A wrong PIN and an unknown code get the same answer. Each attempt is counted before the PIN
 * is compared (lookup-attempts.ts): per client address across codes, and per existing code, so
 * neither parallel guesses nor guesses spread over many codes get past the limits. An unknown code
 * writes no counter of its own: a code not issued yet cannot be locked before it exists.
 */
export function lookupDossier(deps: {
  dossiers: DossierRepository;
  agencies: AgencyRepository;
  attempts: LookupAttempts;
  now: () => Date;
}) {
  return async (body: z.output<typeof LookupBody>, client: string) => {
    const now = deps.now();
    const byClient = await deps.attempts.claimForClient(client, now);
    if (!byClient.granted) {
      throw tooMany('too-many-lookups', 'Quá nhiều lượt tra cứu không thành công', byClient.retryAfterSeconds);
    }
    const notFound = () =>
      new RuleViolation('not-found', 'not-found', 'Không tìm thấy hồ sơ với mã và mã tra cứu đã nhập.');
    const stored = await deps.dossiers.get(body.code);
    if (!stored) throw notFound();
    const byCode = await deps.attempts.claimForCode(body.code, now);
    if (!byCode.granted) {
      throw tooMany('too-many-attempts', 'Nhập sai mã tra cứu quá nhiều lần', byCode.retryAfterSeconds);
    }
    if (!pinMatches(body.code, body.pin, stored.dossier.pinHash)) throw notFound();
    // The right PIN: neither counter keeps this attempt.
    await Promise.all([byCode.release(), byClient.release()]);
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
