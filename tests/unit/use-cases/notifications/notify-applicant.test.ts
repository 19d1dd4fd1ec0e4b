import { describe, expect, it } from 'vitest';
import { notifyApplicant } from '../../../../shared/use-cases/notify-applicant.ts';
import { listMyNotifications, markNotificationRead } from '../../../../shared/use-cases/list-my-notifications.ts';
import { fakeAgencyRepository } from '../../../support/fakes/agency-repository.ts';
import { fakeDossierRepository } from '../../../support/fakes/dossier-repository.ts';
import { fakeNotificationRepository } from '../../../support/fakes/notification-repository.ts';
import { people, roster, sxd } from '../../lifecycle/fixtures.ts';
import { code, forwarded, reachableDossier, received } from './world.ts';

function world() {
  const notifications = fakeNotificationRepository();
  const sources = {
    dossiers: fakeDossierRepository([reachableDossier()]),
    agencies: fakeAgencyRepository({ agencies: [sxd], officials: roster }),
  };
  return { notifications, notify: notifyApplicant(notifications, sources) };
}
const inbox = (notifications: ReturnType<typeof fakeNotificationRepository>, sub: string) =>
  listMyNotifications(notifications)({ sub, roles: [] }, { limit: 50 }).then((page) => page.items);

describe('the in-app inbox', () => {
  it('tells the applicant their dossier was received, with the appointment, once however often the event arrives', async () => {
    const { notifications, notify } = world();
    await notify(received());
    await notify(received());
    expect(await inbox(notifications, 'citizen-an')).toEqual([
      expect.objectContaining({
        recipientId: 'citizen-an',
        dossierCode: code,
        title: `Hồ sơ ${code} đã được tiếp nhận`,
        body: 'Hồ sơ của Ông/Bà đã được tiếp nhận. Ngày hẹn trả kết quả: Chiều thứ Hai, ngày 16/03/2026.',
        eventId: received().id,
        read: false,
      }),
    ]);
    expect(await inbox(notifications, 'receiver-mai')).toEqual([]);
  });

  it('tells the official a dossier is assigned to, and not the applicant, of a forward', async () => {
    const { notifications, notify } = world();
    await notify(forwarded());
    expect(await inbox(notifications, 'citizen-an')).toEqual([]);
    expect(await inbox(notifications, 'specialist-nam')).toEqual([
      expect.objectContaining({ title: `Hồ sơ ${code} được giao cho bạn` }),
    ]);
  });

  it('tells the active handling officials of the agency a dossier is transferred to', async () => {
    const { notifications, notify } = world();
    const transfer = forwarded();
    transfer.data = { ...transfer.data, action: 'transfer', notifyOfficials: [] };
    await notify(transfer);
    for (const sub of ['receiver-mai', 'specialist-nam', 'leader-son'])
      expect(await inbox(notifications, sub)).toEqual([
        expect.objectContaining({ title: `Hồ sơ ${code} được chuyển đến cơ quan của bạn` }),
      ]);
    // An auditor and the leader of another agency are not told.
    expect(await inbox(notifications, 'auditor-thu')).toEqual([]);
    expect(await inbox(notifications, 'leader-tuan')).toEqual([]);
  });

  it('lists newest first, filters read, and marks read only one’s own entries, keeping the first instant', async () => {
    const { notifications, notify } = world();
    await notify(received());
    const later = received(5);
    later.occurredAt = '2026-03-03T09:00:00+07:00';
    await notify(later);
    const [newest, oldest] = await inbox(notifications, 'citizen-an');
    expect([newest?.eventId, oldest?.eventId]).toEqual([later.id, received().id]);

    const mark = (at: string) => markNotificationRead(notifications, () => new Date(at));
    await expect(mark('2026-03-03T10:00:00Z')(people.otherCitizen, newest?.id ?? '')).rejects.toMatchObject({
      kind: 'not-found',
      code: 'not-found',
    });
    await mark('2026-03-03T10:00:00Z')(people.applicant, newest?.id ?? '');
    expect(await mark('2026-03-04T10:00:00Z')(people.applicant, newest?.id ?? '')).toMatchObject({
      read: true,
      readAt: '2026-03-03T10:00:00.000Z',
    });
    const list = listMyNotifications(notifications);
    expect((await list(people.applicant, { limit: 10, read: false })).items.map((n) => n.eventId)).toEqual([
      received().id,
    ]);
    expect((await list(people.applicant, { limit: 10, read: true })).items.map((n) => n.eventId)).toEqual([later.id]);
    const first = await list(people.applicant, { limit: 1 });
    expect(first.items).toHaveLength(1);
    expect((await list(people.applicant, { limit: 1, cursor: first.nextCursor ?? '' })).items[0]?.eventId).toBe(
      received().id,
    );
  });
});
