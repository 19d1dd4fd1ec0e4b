import { describe, expect, it } from 'vitest';
import { pinHasherOf } from '../../../../shared/domain/lookup-pin.ts';
import { confirmContactUseCase } from '../../../../shared/use-cases/contacts/confirm-contact.ts';
import { contactDigest, contactGate } from '../../../../shared/use-cases/contacts/contact-gate.ts';
import type { ContactRef } from '../../../../shared/use-cases/contacts/ports.ts';
import { type QuotaLimits, quotas } from '../../../../shared/use-cases/quotas.ts';
import { fakeContactConfirmations } from '../../../support/fakes/contact-confirmations.ts';
import { fakeQuotaCounter } from '../../../support/fakes/quota-counter.ts';
import { people } from '../../lifecycle/fixtures.ts';

const day = 24 * 60 * 60;
/** CONTACT_CODE_ATTEMPTS_PER_DAY's default (shared/config.ts): 5 wrong codes a day. */
const limits: QuotaLimits = {
  filings: { limit: 9, windowSeconds: day },
  'upload-grants': { limit: 9, windowSeconds: day },
  feedback: { limit: 9, windowSeconds: day },
  sms: { limit: 9, windowSeconds: day },
  email: { limit: 9, windowSeconds: day },
  'contact-codes': { limit: 5, windowSeconds: day },
};
const phone: ContactRef = { sub: 'citizen-an', channel: 'phone', digest: contactDigest('phone', '0912345678') };
const email: ContactRef = { sub: 'citizen-an', channel: 'email', digest: contactDigest('email', 'an@example.vn') };

function world() {
  let clock = new Date('2026-03-02T10:00:00+07:00');
  const contacts = fakeContactConfirmations();
  const pins = async () => pinHasherOf('c'.repeat(43));
  const gate = contactGate({ contacts, pins, now: () => clock });
  const codes = new Map<string, string>();
  const sendTo = async (ref: ContactRef) =>
    gate(ref, async (code) => {
      codes.set(ref.channel, code);
      return 'sent';
    });
  const confirm = confirmContactUseCase({
    contacts,
    pins,
    quotas: quotas(fakeQuotaCounter(), limits),
    now: () => clock,
  });
  return {
    contacts,
    gate,
    codes,
    sendTo,
    confirm,
    later: (hours: number) => (clock = new Date(clock.getTime() + hours * 3600_000)),
  };
}
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('confirming a contact with its code', () => {
  it('confirms the contact the code was sent to, and answers a retry the same', async () => {
    const { gate, codes, sendTo, confirm } = world();
    expect(await sendTo(phone)).toBe('unconfirmed');
    await sendTo(email);
    expect(await confirm(people.applicant, { code: codes.get('phone') ?? '' })).toEqual({ channel: 'phone' });
    expect(await confirm(people.applicant, { code: codes.get('phone') ?? '' })).toEqual({ channel: 'phone' });
    expect(await gate(phone, async () => 'sent')).toBe('confirmed');
    expect(await gate(email, async () => 'sent')).toBe('unconfirmed');
  });

  it('refuses a wrong code, and after 5 a day answers 429 until local midnight, even the right one', async () => {
    const { codes, sendTo, confirm } = world();
    await sendTo(phone);
    const right = codes.get('phone') ?? '';
    for (let i = 0; i < 5; i++)
      await expect(confirm(people.applicant, { code: wrong(right) })).rejects.toMatchObject({
        kind: 'invalid',
        code: 'wrong-confirmation-code',
      });
    // 10:00 to the next local midnight: 14 hours, 50,400 seconds.
    await expect(confirm(people.applicant, { code: right })).rejects.toMatchObject({
      kind: 'rate-limited',
      code: 'too-many-code-attempts',
      message: 'Tài khoản đã nhập sai mã xác nhận quá nhiều lần; vui lòng thử lại sau 14 giờ.',
      details: { retryAfterSeconds: 50_400 },
    });
  });

  it('gives a right code’s attempt back', async () => {
    const { codes, sendTo, confirm } = world();
    await sendTo(phone);
    const right = codes.get('phone') ?? '';
    for (let i = 0; i < 4; i++) await expect(confirm(people.applicant, { code: wrong(right) })).rejects.toThrow();
    for (let i = 0; i < 3; i++) await confirm(people.applicant, { code: right });
    await expect(confirm(people.applicant, { code: wrong(right) })).rejects.toMatchObject({
      code: 'wrong-confirmation-code',
    });
  });

  it('has nothing to confirm for an account without a code, or once the code’s 24 hours are over', async () => {
    const { codes, sendTo, confirm, later } = world();
    await expect(confirm(people.otherCitizen, { code: '123456' })).rejects.toMatchObject({
      code: 'no-pending-confirmation',
    });
    await sendTo(phone);
    // Another account's code does not confirm this one's contact.
    await expect(confirm(people.otherCitizen, { code: codes.get('phone') ?? '' })).rejects.toMatchObject({
      code: 'no-pending-confirmation',
    });
    later(24);
    await expect(confirm(people.applicant, { code: codes.get('phone') ?? '' })).rejects.toMatchObject({
      code: 'no-pending-confirmation',
    });
  });

  it('sends one code per 24 hours, and a new one after', async () => {
    const { codes, sendTo, later } = world();
    await sendTo(phone);
    const first = codes.get('phone');
    codes.clear();
    later(23);
    await sendTo(phone);
    expect(codes.size).toBe(0);
    later(1);
    await sendTo(phone);
    expect(codes.get('phone')).toMatch(/^\d{6}$/);
    expect(first).toMatch(/^\d{6}$/);
  });
});
