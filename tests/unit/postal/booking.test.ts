import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../../shared/domain/dossier/dossier.ts';
import { recordSignedResult } from '../../../shared/domain/dossier/signed-result.ts';
import { recordBooking, shipmentsDue } from '../../../shared/domain/postal/booking.ts';
import { shipmentRequest } from '../../../shared/domain/postal/request.ts';
import { code, decidedWith, filedWith } from './fixtures.ts';

const bookedAt = new Date('2026-03-02T02:05:00Z');

/** The sign worker's part: the result signed by the leader and the agency, recorded on the dossier. */
const signed = (dossier: Dossier): Dossier =>
  recordSignedResult(dossier, { documentId: 'result-v9', signerName: 'Trịnh Hồng Sơn', signedAt: bookedAt })?.dossier ??
  dossier;

describe('which shipments are due', () => {
  it('a postal filing is due for pickup at once; a return by post waits for the decision and its signed result', () => {
    const filed = filedWith({ pickup: {} });
    expect(shipmentsDue(filed)).toEqual(['pickup']);
    // The result is returned only once signed: the post carries the signed result, not a promise of one.
    expect(shipmentsDue(decidedWith(filed))).toEqual(['pickup']);
    expect(shipmentsDue(signed(decidedWith(filed)))).toEqual(['pickup', 'delivery']);
    expect(shipmentsDue(filedWith(undefined, 'online'))).toEqual([]);
  });

  it('a fee due at result must be paid before the result is sent', () => {
    const filed = filedWith(undefined);
    expect(shipmentsDue(signed(decidedWith(filed, false)))).toEqual([]);
    expect(shipmentsDue(signed(decidedWith(filed, true)))).toEqual(['delivery']);
  });

  it('a dossier closed before the pickup was booked needs none', () => {
    expect(shipmentsDue({ ...filedWith({ pickup: {} }), status: 'withdrawn' })).toEqual([]);
  });

  it('a booked shipment is not due again', () => {
    const booked = recordBooking(filedWith({ pickup: {} }), 'pickup', { waybill: 'EB1VN', bookedAt });
    expect(shipmentsDue(booked?.dossier ?? filedWith(undefined))).toEqual([]);
  });
});

describe('recording a booking', () => {
  it('stores the waybill with a Vietnamese system entry, no status change and no event', () => {
    const before = filedWith({ pickup: {} });
    const decision = recordBooking(before, 'pickup', { waybill: 'EB100000001VN', bookedAt });
    expect(decision?.events).toEqual([]);
    const dossier = decision?.dossier;
    expect(dossier?.version).toBe(before.version + 1);
    expect(dossier?.status).toBe('submitted');
    expect(dossier?.postal?.pickup).toMatchObject({
      waybill: 'EB100000001VN',
      bookedAt: '2026-03-02T09:05:00+07:00',
      shipmentId: `${code}-pickup`,
    });
    expect(dossier?.timeline.at(-1)).toMatchObject({
      actor: { sub: 'system', role: 'system' },
      action: 'postal-booked',
      from: 'submitted',
      to: 'submitted',
      note: expect.stringContaining('Đã đặt dịch vụ bưu chính thu gom hồ sơ: mã vận đơn EB100000001VN.'),
    });
  });

  it('records a shipment once: a second booking changes nothing', () => {
    const once = recordBooking(filedWith({ pickup: {} }), 'pickup', { waybill: 'EB1VN', bookedAt });
    expect(once).toBeDefined();
    expect(
      recordBooking(once?.dossier ?? filedWith(undefined), 'pickup', { waybill: 'EB1VN', bookedAt }),
    ).toBeUndefined();
  });

  it('records nothing for a shipment never asked for', () => {
    expect(recordBooking(filedWith(undefined, 'online'), 'delivery', { waybill: 'EB1VN', bookedAt })).toBeUndefined();
  });
});

describe('the booking request', () => {
  const desk = { id: '24.SXD', name: 'Sở Xây dựng tỉnh Bắc Ninh' };

  it('a pickup goes from the applicant to the desk; a delivery the other way', () => {
    const dossier = filedWith({ pickup: { address: 'Thôn Đông' } });
    expect(shipmentRequest(dossier, 'pickup', desk)).toEqual({
      shipmentId: `${code}-pickup`,
      kind: 'pickup',
      dossierCode: code,
      from: { kind: 'applicant', name: 'Nguyễn Văn An', address: 'Thôn Đông', phone: '0912345678' },
      to: { kind: 'agency', agencyId: '24.SXD', name: 'Sở Xây dựng tỉnh Bắc Ninh' },
      contents: expect.stringContaining(`Hồ sơ ${code}`),
    });
    const delivery = shipmentRequest(dossier, 'delivery', desk);
    expect(delivery?.from).toEqual({ kind: 'agency', agencyId: '24.SXD', name: 'Sở Xây dựng tỉnh Bắc Ninh' });
    expect(delivery?.to).toMatchObject({ kind: 'applicant', address: 'Số 1 Lê Lợi, Bắc Giang' });
    expect(delivery?.contents).toContain('Kết quả giải quyết');
  });
});
