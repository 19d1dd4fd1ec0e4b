import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../../shared/domain/dossier/dossier.ts';
import { recordBooking } from '../../../shared/domain/postal/booking.ts';
import type { TrackingStatus } from '../../../shared/domain/postal/shipment.ts';
import { applyTracking, type TrackingEvent } from '../../../shared/domain/postal/tracking.ts';
import { code, decidedWith, filedWith } from './fixtures.ts';

const now = new Date('2026-03-12T03:00:00Z');
const bookedAt = new Date('2026-03-10T04:00:00Z');

function booked(dossier: Dossier, kind: 'pickup' | 'delivery', waybill: string): Dossier {
  const decision = recordBooking(dossier, kind, { waybill, bookedAt });
  if (!decision) throw new Error('not booked');
  return decision.dossier;
}

const event = (status: TrackingStatus, eventId: string, waybill = 'EB2VN'): TrackingEvent => ({
  eventId,
  waybill,
  status,
  at: '2026-03-12T09:55:00+07:00',
});

/** Applies the events in order; undefined decisions leave the dossier as it was. */
function track(dossier: Dossier, kind: 'pickup' | 'delivery', events: TrackingEvent[]) {
  const applied: boolean[] = [];
  let current = dossier;
  for (const e of events) {
    const decision = applyTracking(current, kind, e, now);
    applied.push(decision !== undefined);
    if (decision) current = decision.dossier;
  }
  return { dossier: current, applied };
}

describe('tracking a delivery of the result', () => {
  const decided = () => booked(decidedWith(filedWith(undefined)), 'delivery', 'EB2VN');

  it('each event adds a Vietnamese entry the applicant reads; delivered returns the dossier once', () => {
    const before = decided();
    const { dossier, applied } = track(before, 'delivery', [
      event('accepted', 'e1'),
      event('in-transit', 'e2'),
      event('failed-delivery', 'e3'),
      event('in-transit', 'e4'),
      event('delivered', 'e5'),
    ]);
    expect(applied).toEqual([true, true, true, true, true]);
    const added = dossier.timeline.slice(before.timeline.length);
    expect(added.map((e) => e.action)).toEqual([
      'postal-tracking',
      'postal-tracking',
      'postal-tracking',
      'postal-tracking',
      'postal-tracking',
      'return-result',
    ]);
    expect(added.every((e) => e.actor.role === 'system' && !e.internalNote)).toBe(true);
    expect(added[2]?.note).toContain('không thành công');
    expect(added[4]?.note).toContain('Bưu điện đã phát kết quả đến Ông/Bà');
    expect(added[5]).toMatchObject({ from: 'decided', to: 'returned' });
    expect(dossier.status).toBe('returned');
    expect(dossier.returnedAt).toBe('2026-03-12T10:00:00+07:00');
    expect(dossier.workQueue).toBeUndefined();
    expect(dossier.postal?.delivery?.status).toBe('delivered');
  });

  it('the return is a system return-result step with its DossierChanged', () => {
    const decision = applyTracking(decided(), 'delivery', event('delivered', 'e9'), now);
    expect(decision?.events).toEqual([
      expect.objectContaining({
        id: `${code}:11:DossierChanged`,
        type: 'DossierChanged',
        data: expect.objectContaining({ action: 'return-result', from: 'decided', to: 'returned' }),
      }),
    ]);
  });

  it('a repeated event id changes nothing, nor does an event behind the shipment or after its end', () => {
    const { applied, dossier } = track(decided(), 'delivery', [
      event('in-transit', 'e2'),
      event('in-transit', 'e2'),
      event('accepted', 'e1'),
      event('delivered', 'e5'),
      event('delivered', 'e6'),
      event('in-transit', 'e7'),
      event('returned-to-sender', 'e8'),
    ]);
    expect(applied).toEqual([true, false, false, true, false, false, false]);
    expect(dossier.timeline.filter((e) => e.action === 'return-result')).toHaveLength(1);
  });

  it('a result returned to the sender leaves the dossier decided and tells the applicant to come to the desk', () => {
    const decision = applyTracking(
      decided(),
      'delivery',
      { ...event('returned-to-sender', 'r1'), reason: 'Không có người nhận' },
      now,
    );
    expect(decision?.dossier.status).toBe('decided');
    expect(decision?.events).toEqual([]);
    expect(decision?.dossier.timeline.at(-1)?.note).toMatch(
      /chuyển hoàn về cơ quan.*Không có người nhận.*bộ phận một cửa/,
    );
  });

  it('a delivered result of a dossier already returned at the desk records the delivery only', () => {
    const returned = { ...decided(), status: 'returned' as const, returnedAt: '2026-03-11T10:00:00+07:00' };
    const decision = applyTracking(returned, 'delivery', event('delivered', 'e5'), now);
    expect(decision?.dossier.status).toBe('returned');
    expect(decision?.dossier.returnedAt).toBe('2026-03-11T10:00:00+07:00');
    expect(decision?.events).toEqual([]);
  });

  it('an unknown waybill is not found', () => {
    expect(() => applyTracking(decided(), 'delivery', event('accepted', 'x', 'EB999VN'), now)).toThrow(
      expect.objectContaining({ kind: 'not-found', code: 'unknown-waybill' }),
    );
    expect(() => applyTracking(decided(), 'pickup', event('accepted', 'x'), now)).toThrow(
      expect.objectContaining({ code: 'unknown-waybill' }),
    );
  });
});

describe('tracking a pickup of the papers', () => {
  it('delivered records that the papers reached the agency, without changing the status', () => {
    const filed = booked(filedWith({ pickup: {} }, 'online'), 'pickup', 'EB1VN');
    const decision = applyTracking(filed, 'pickup', event('delivered', 'p1', 'EB1VN'), now);
    expect(decision?.dossier.status).toBe('submitted');
    expect(decision?.events).toEqual([]);
    expect(decision?.dossier.timeline.at(-1)?.note).toContain('Bưu điện đã chuyển hồ sơ giấy đến cơ quan giải quyết');
  });
});

describe('a full timeline', () => {
  it('takes no more tracking entries, but still records the return', () => {
    const decided = booked(decidedWith(filedWith(undefined)), 'delivery', 'EB2VN');
    const entry = decided.timeline[0] as Dossier['timeline'][number];
    const full: Dossier = { ...decided, timeline: Array.from({ length: 500 }, () => entry) };
    expect(applyTracking(full, 'delivery', event('in-transit', 't1'), now)).toBeUndefined();
    expect(applyTracking(full, 'delivery', event('delivered', 't2'), now)?.dossier.status).toBe('returned');
  });
});
