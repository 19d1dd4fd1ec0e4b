import * as z from 'zod/mini';
import type { Caller } from '../../domain/caller.ts';
import type { ContactChannel } from '../../domain/notifications/contacts.ts';
import { RuleViolation } from '../../domain/rule-violation.ts';
import type { PinHasher } from '../../domain/lookup-pin.ts';
import { type Quotas, spend } from '../quotas.ts';
import { codeSubject } from './contact-gate.ts';
import type { ContactConfirmations } from './ports.ts';

export const ConfirmContactBody = z.strictObject({
  code: z.string().check(z.regex(/^\d{6}$/, 'Mã xác nhận gồm 6 chữ số')),
});

export interface ConfirmContactDeps {
  contacts: ContactConfirmations;
  pins: () => Promise<PinHasher>;
  /** Wrong codes per account per day (CONTACT_CODE_ATTEMPTS_PER_DAY): a million codes are not guessed five at a time. */
  quotas: Quotas;
  now: () => Date;
}

/**
 * The citizen enters the code a contact received: that contact is confirmed and receives the dossiers'
 * notifications from then on. A code is tried against each of the account's pending contacts; an
 * attempt is counted before comparing, so racing requests cannot try more than the allowance.
 */
export function confirmContactUseCase(deps: ConfirmContactDeps) {
  return async (caller: Caller, body: z.output<typeof ConfirmContactBody>): Promise<{ channel: ContactChannel }> => {
    const now = deps.now();
    const pending = await deps.contacts.pending(caller.sub, now);
    if (pending.length === 0) {
      throw new RuleViolation(
        'invalid',
        'no-pending-confirmation',
        'Không có mã xác nhận nào còn hiệu lực cho tài khoản này.',
      );
    }
    const attempt = await spend(deps.quotas, 'contact-codes', caller.sub, now);
    const pins = await deps.pins();
    const match = pending.find((p) => pins.matches(codeSubject(p), body.code, p.codeHash));
    if (!match) throw new RuleViolation('invalid', 'wrong-confirmation-code', 'Mã xác nhận không đúng.');
    await attempt.release();
    // A retry of an accepted code is answered the same.
    if (!match.confirmed) await deps.contacts.confirm(match, match.codeHash, now);
    return { channel: match.channel };
  };
}
