import { describe, expect, it, vi } from 'vitest';
import type { Dossier } from '../../../../shared/domain/dossier/dossier.ts';
import type { ContactRef } from '../../../../shared/use-cases/contacts/ports.ts';
import {
  type ChannelSender,
  DeliveryInProgress,
  deliverOnChannel,
} from '../../../../shared/use-cases/deliver-notification.ts';
import { putNotificationPreferences } from '../../../../shared/use-cases/list-my-notifications.ts';
import { type QuotaLimits, quotas } from '../../../../shared/use-cases/quotas.ts';
import { fakeAgencyRepository } from '../../../support/fakes/agency-repository.ts';
import { fakeBusinessMetrics } from '../../../support/fakes/business-metrics.ts';
import { fakeDeliveryRepository } from '../../../support/fakes/delivery-repository.ts';
import { fakeDossierRepository } from '../../../support/fakes/dossier-repository.ts';
import { fakeEmailSender } from '../../../support/fakes/email-sender.ts';
import { fakePreferenceRepository } from '../../../support/fakes/preference-repository.ts';
import { fakeQuotaCounter } from '../../../support/fakes/quota-counter.ts';
import { fakeSmsSender } from '../../../support/fakes/sms-sender.ts';
import { roster, sxd } from '../../lifecycle/fixtures.ts';
import { code, email, forwarded, phone, reachableDossier, received } from './world.ts';

const perDay = (limit: number) => ({ limit, windowSeconds: 24 * 60 * 60 });
const limits = (limit: number): QuotaLimits => ({
  filings: perDay(limit),
  'upload-grants': perDay(limit),
  feedback: perDay(limit),
  sms: perDay(limit),
  email: perDay(limit),
  'contact-codes': perDay(limit),
});

function world(
  options: { dossier?: Dossier; prefs?: Record<string, { email: boolean; sms: boolean }>; perRecipient?: number } = {},
) {
  let clock = new Date('2026-03-02T10:00:05+07:00');
  const deliveries = fakeDeliveryRepository(300);
  const metrics = fakeBusinessMetrics();
  const gate = vi.fn(
    async (_ref: ContactRef, _send: (code: string) => Promise<'sent' | 'limited'>) => 'unconfirmed' as const,
  );
  const deps = {
    dossiers: fakeDossierRepository([options.dossier ?? reachableDossier()]),
    agencies: fakeAgencyRepository({ agencies: [sxd], officials: roster }),
    preferences: fakePreferenceRepository(options.prefs),
    deliveries,
    now: () => clock,
    contactGate: gate,
    metrics,
    ...(options.perRecipient ? { quotas: quotas(fakeQuotaCounter(), limits(options.perRecipient)) } : {}),
  };
  const emails = fakeEmailSender();
  const texts = fakeSmsSender();
  const sms: ChannelSender = { channel: 'sms', send: texts, diacritics: 'strip', maxSegments: 2 };
  return {
    preferences: deps.preferences,
    deliveries,
    metrics,
    gate,
    emails,
    texts,
    email: deliverOnChannel({ channel: 'email', send: emails }, deps),
    sms: deliverOnChannel(sms, deps),
    advance: (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000)),
  };
}
const record = (w: ReturnType<typeof world>, channel: 'email' | 'sms', eventId = received().id) =>
  w.deliveries.records.get(`${eventId}#${channel}#citizen-an`);

describe('delivering a notification by e-mail and SMS', () => {
  it('sends the applicant one e-mail and one SMS for the receipt, and records them sent', async () => {
    const w = world();
    await w.email(received());
    await w.sms(received());
    expect(w.emails.sent).toEqual([
      {
        to: email,
        subject: `Hồ sơ ${code} đã được tiếp nhận`,
        text: expect.stringMatching(
          /^Hồ sơ của Ông\/Bà đã được tiếp nhận\. Ngày hẹn trả kết quả: Chiều thứ Hai, ngày 16\/03\/2026\.\n\n--\n/,
        ),
        deliveryId: `${received().id}:email:citizen-an`,
      },
    ]);
    // Diacritics stripped: GSM 7-bit, one segment of 160 characters at most.
    expect(w.texts.sent).toEqual([
      {
        to: phone,
        message: { text: `Ho so ${code} da duoc tiep nhan. Hen tra: 16/03/2026.`, encoding: 'GSM-7', segments: 1 },
        deliveryId: `${received().id}:sms:citizen-an`,
      },
    ]);
    expect(record(w, 'email')?.status).toBe('sent');
    expect(record(w, 'sms')?.status).toBe('sent');
    expect(w.gate).not.toHaveBeenCalled();
  });

  it('sends nothing again when the event is delivered again', async () => {
    const w = world();
    await w.email(received());
    await w.email(received());
    await w.sms(received());
    await w.sms(received());
    expect(w.emails.sent).toHaveLength(1);
    expect(w.texts.sent).toHaveLength(1);
  });

  it('leaves out a channel the applicant turned off, and only that one', async () => {
    const w = world({ prefs: { 'citizen-an': { email: false, sms: true } } });
    await w.email(received());
    await w.sms(received());
    expect(w.emails.sent).toEqual([]);
    expect(record(w, 'email')).toBeUndefined();
    expect(w.texts.sent).toHaveLength(1);
  });

  it('follows a choice the applicant saves: SMS off from the next event on, in-app always on', async () => {
    const w = world();
    await w.sms(received());
    const saved = await putNotificationPreferences(w.preferences, () => new Date('2026-03-02T11:00:00Z'))(
      { sub: 'citizen-an', roles: ['citizen'] },
      { email: true, sms: false },
    );
    expect(saved).toEqual({ inApp: true, email: true, sms: false, updatedAt: '2026-03-02T11:00:00.000Z' });
    await w.sms(received(3));
    await w.email(received(3));
    expect(w.texts.sent.map((t) => t.deliveryId)).toEqual([`${received().id}:sms:citizen-an`]);
    expect(w.emails.sent).toHaveLength(1);
  });

  it('sends nothing where the dossier gives no address, nor for a step only officials hear of', async () => {
    const base = reachableDossier();
    const w = world({ dossier: { ...base, applicant: { ...base.applicant, email: undefined } } as Dossier });
    await w.email(received());
    await w.email(forwarded());
    await w.sms(forwarded());
    expect(w.emails.sent).toEqual([]);
    expect(w.texts.sent).toEqual([]);
  });

  it('fails a send for the queue to retry, without the address in its record, and sends once on the retry', async () => {
    const w = world({ perRecipient: 1 });
    w.emails.failNext(1, new Error(`mailbox ${email} unavailable`));
    await expect(w.email(received())).rejects.toThrow('unavailable');
    expect(record(w, 'email')).toMatchObject({ status: 'failed', reason: 'Error: mailbox <email> unavailable' });
    expect(w.metrics.counted.NotificationFailures).toBe(1);
    // The failed attempt gave its allowance back: the day's one message is still there for the retry.
    await w.email(received());
    expect(w.emails.sent).toHaveLength(1);
    expect(record(w, 'email')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('leaves a delivery another worker holds to it, and takes it over once the lease has run out', async () => {
    const w = world();
    await w.deliveries.claim(received().id, 'email', 'citizen-an', new Date('2026-03-02T10:00:00+07:00'));
    await expect(w.email(received())).rejects.toBeInstanceOf(DeliveryInProgress);
    expect(w.emails.sent).toEqual([]);
    w.advance(300);
    await w.email(received());
    expect(w.emails.sent).toHaveLength(1);
  });

  it('skips for good what is past the recipient’s daily limit', async () => {
    const w = world({ perRecipient: 1 });
    await w.email(received());
    const next = received(3);
    await w.email(next);
    expect(w.emails.sent).toHaveLength(1);
    expect(record(w, 'email', next.id)).toMatchObject({ status: 'skipped', reason: 'recipient-daily-limit' });
    // Final: a redelivery neither sends nor throws.
    await w.email(next);
    expect(w.emails.sent).toHaveLength(1);
  });

  it('asks the contact gate for an address not yet confirmed, and sends nothing while it is not', async () => {
    const w = world({ dossier: reachableDossier({ confirmedContacts: [] }) });
    await w.sms(received());
    expect(w.gate).toHaveBeenCalledWith(
      expect.objectContaining({ sub: 'citizen-an', channel: 'phone' }),
      expect.any(Function),
    );
    expect(w.texts.sent).toEqual([]);
    expect(record(w, 'sms')).toMatchObject({ status: 'skipped', reason: 'contact-unconfirmed' });
  });
});
