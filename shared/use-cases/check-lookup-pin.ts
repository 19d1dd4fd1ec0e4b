import type { DossierRepository, StoredDossier } from './ports/dossier-repository.ts';
import type { LookupAttempts } from './ports/lookup-attempts.ts';
import { RuleViolation } from '../domain/rule-violation.ts';
import type { PinHasher } from '../domain/lookup-pin.ts';

export interface PinCheckDeps {
  dossiers: DossierRepository;
  attempts: LookupAttempts;
  /** The PINs' hasher with the platform's pepper (shared/adapters/pin-pepper.ts). */
  pins: () => Promise<PinHasher>;
  now: () => Date;
}

const tooMany = (code: string, message: string, retryAfterSeconds: number) =>
  new RuleViolation(
    'rate-limited',
    code,
    `${message}; vui lòng thử lại sau ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} phút.`,
    { retryAfterSeconds },
  );

/**
 * The dossier a code and its receipt's PIN name, under the look-up's limits (lookup-attempts.ts): the
 * attempt counted per client address and per existing code before the PIN is compared, given back when
 * it was right. A wrong PIN and an unknown code get the same 404. The same counters as POST
 * /v1/dossier-lookups: guesses spread over both routes share one budget.
 */
export async function dossierByPin(
  deps: PinCheckDeps,
  code: string,
  pin: string,
  client: string,
  /** The dossier, when the caller has just read it (print-receipt): not read twice. */
  read?: StoredDossier,
): Promise<StoredDossier> {
  const now = deps.now();
  const byClient = await deps.attempts.claimForClient(client, now);
  if (!byClient.granted) {
    throw tooMany('too-many-lookups', 'Quá nhiều lượt tra cứu không thành công', byClient.retryAfterSeconds);
  }
  const notFound = () =>
    new RuleViolation('not-found', 'not-found', 'Không tìm thấy hồ sơ với mã và mã tra cứu đã nhập.');
  const stored = read ?? (await deps.dossiers.get(code));
  if (!stored) throw notFound();
  const byCode = await deps.attempts.claimForCode(code, now);
  if (!byCode.granted) {
    throw tooMany('too-many-attempts', 'Nhập sai mã tra cứu quá nhiều lần', byCode.retryAfterSeconds);
  }
  if (!(await deps.pins()).matches(code, pin, stored.dossier.pinHash)) throw notFound();
  await Promise.all([byCode.release(), byClient.release()]);
  return stored;
}
