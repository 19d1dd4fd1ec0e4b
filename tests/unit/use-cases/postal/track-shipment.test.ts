import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../../shared/domain/caller.ts';
import type { Action } from '../../../../shared/domain/dossier/actions.ts';
import type { Dossier } from '../../../../shared/domain/dossier/dossier.ts';
import { act } from '../../../../shared/domain/dossier/lifecycle.ts';
import { TrackingBody, trackShipment } from '../../../../shared/use-cases/postal/track-shipment.ts';
import { fakeDossierRepository } from '../../../support/fakes/dossier-repository.ts';
import { fakePostalWaybills } from '../../../support/fakes/postal-waybills.ts';
import { context, people, submittedPermit } from '../../lifecycle/fixtures.ts';

const code = '24.SXD-260302-0001';
const waybill = 'EV123456789VN';
const steps: [Caller, Action][] = [
  [people.receiver, { type: 'receive' }],
  [people.receiver, { type: 'forward', assigneeId: 'specialist-nam' }],
  [people.specialist, { type: 'forward', assigneeId: 'leader-son' }],
  [people.leader, { type: 'decide', outcome: 'approved' }],
];
/** Decided, its result to be delivered by post under a booked waybill. */
const decided = (): Dossier => {
  const dossier = steps.reduce((d, [caller, action]) => act(action, context(d, caller)).dossier, submittedPermit());
  return {
    ...dossier,
    postal: {
      delivery: {
        address: 'Bắc Giang',
        shipmentId: `${code}-delivery`,
        waybill,
        bookedAt: '2026-03-12T10:00:00+07:00',
      },
    },
  };
};
const now = () => new Date('2026-03-13T10:00:00+07:00');
const event = (eventId: string, status: TrackingBody['status'], extra: Partial<TrackingBody> = {}) =>
  TrackingBody.parse({ eventId, waybill, status, at: '2026-03-13T09:00:00+07:00', ...extra });

function world(dossier = decided()) {
  const dossiers = fakeDossierRepository([dossier]);
  const track = trackShipment({
    dossiers,
    waybills: fakePostalWaybills({ [waybill]: { dossierCode: code, kind: 'delivery' } }),
    now,
  });
  return { dossiers, track };
}

describe('the carrier’s tracking callback', () => {
  it('records where the result is, for the applicant to read', async () => {
    const { dossiers, track } = world();
    expect(await track(event('e1', 'in-transit', { location: 'Bưu cục Bắc Giang' }))).toEqual({
      waybill,
      eventId: 'e1',
      applied: true,
    });
    const { dossier, outbox } = (await dossiers.get(code)) ?? {};
    expect(dossier?.postal?.delivery).toMatchObject({ status: 'in-transit', trackedEvents: ['e1'] });
    expect(dossier?.timeline.at(-1)).toMatchObject({
      action: 'postal-tracking',
      note: expect.stringMatching(new RegExp(`mã ${waybill} đang được vận chuyển \\(Bưu cục Bắc Giang\\)\\.$`)),
    });
    expect(dossier?.status).toBe('decided');
    expect(outbox).toEqual([]);
  });

  it('changes nothing for an event re-sent or arriving out of order', async () => {
    const { dossiers, track } = world();
    await track(event('e2', 'in-transit'));
    const before = await dossiers.get(code);
    expect(await track(event('e2', 'in-transit'))).toMatchObject({ applied: false });
    expect(await track(event('e1', 'accepted'))).toMatchObject({ applied: false });
    expect(await dossiers.get(code)).toEqual(before);
  });

  it('completes the return when the result is delivered, as a return-result step with its event', async () => {
    const { dossiers, track } = world();
    expect(await track(event('e3', 'delivered'))).toMatchObject({ applied: true });
    const { dossier, outbox } = (await dossiers.get(code)) ?? {};
    expect(dossier).toMatchObject({ status: 'returned', returnedAt: '2026-03-13T10:00:00+07:00' });
    expect(dossier?.workQueue).toBeUndefined();
    expect(dossier?.timeline.at(-1)).toMatchObject({ action: 'return-result', from: 'decided', to: 'returned' });
    expect(outbox).toEqual([
      expect.objectContaining({
        type: 'DossierChanged',
        data: expect.objectContaining({ action: 'return-result', to: 'returned' }),
      }),
    ]);
    // Nothing follows the end of a shipment.
    expect(await track(event('e4', 'returned-to-sender'))).toMatchObject({ applied: false });
  });

  it('is not found for a waybill the platform never booked, or one the dossier does not hold', async () => {
    const { track } = world();
    await expect(track({ ...event('e5', 'accepted'), waybill: 'EV000000000VN' })).rejects.toMatchObject({
      kind: 'not-found',
      code: 'unknown-waybill',
    });
    const other = world({
      ...decided(),
      postal: { delivery: { address: 'x', shipmentId: 's', waybill: 'EV999999999VN' } },
    });
    await expect(other.track(event('e6', 'accepted'))).rejects.toMatchObject({ code: 'unknown-waybill' });
  });
});
