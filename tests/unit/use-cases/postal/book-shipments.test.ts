import { describe, expect, it, vi } from 'vitest';
import type { Dossier } from '../../../../shared/domain/dossier/dossier.ts';
import type { DomainEvent } from '../../../../shared/domain/events.ts';
import type { ShipmentRequest } from '../../../../shared/domain/postal/request.ts';
import { bookShipments } from '../../../../shared/use-cases/postal/book-shipments.ts';
import { fakeAgencyRepository } from '../../../support/fakes/agency-repository.ts';
import { fakeDossierRepository } from '../../../support/fakes/dossier-repository.ts';
import { fakePostalWaybills } from '../../../support/fakes/postal-waybills.ts';
import type { Caller } from '../../../../shared/domain/caller.ts';
import type { Action } from '../../../../shared/domain/dossier/actions.ts';
import { act } from '../../../../shared/domain/dossier/lifecycle.ts';
import { context, people, submittedPermit, sxd } from '../../lifecycle/fixtures.ts';

const code = '24.SXD-260302-0001';
const filedByPost = (): Dossier => ({
  ...submittedPermit(),
  postal: { pickup: { address: 'Số 1 Hoàng Văn Thụ, Bắc Giang', shipmentId: `${code}-pickup` } },
});
const submitted = (reach: DomainEvent<'DossierSubmitted'>['data']['reach']): DomainEvent => ({
  id: `${code}:1:DossierSubmitted`,
  type: 'DossierSubmitted',
  dossierCode: code,
  occurredAt: '2026-03-02T09:00:00+07:00',
  data: { applicantId: 'citizen-an', agencyId: '24.SXD', procedureCode: '1.009999', ...(reach ? { reach } : {}) },
});

function world(dossier = filedByPost()) {
  const dossiers = fakeDossierRepository([dossier]);
  const waybills = fakePostalWaybills();
  // The carrier answers the same shipmentId with the same waybill.
  const booked = new Map<string, string>();
  const book = vi.fn(async (request: ShipmentRequest) => {
    if (!booked.has(request.shipmentId))
      booked.set(request.shipmentId, `EV${String(booked.size + 1).padStart(9, '0')}VN`);
    return { waybill: booked.get(request.shipmentId) ?? '' };
  });
  const run = bookShipments({
    dossiers,
    agencies: fakeAgencyRepository({ agencies: [sxd] }),
    waybills,
    book,
    now: () => new Date('2026-03-02T09:05:00+07:00'),
  });
  return { dossiers, waybills, book, run };
}

describe('booking the post for a postal filing', () => {
  it('books the pickup from the applicant to the agency’s desk, indexes the waybill and records it on the dossier', async () => {
    const { dossiers, waybills, book, run } = world();
    await run(submitted(['shipment']));
    expect(book).toHaveBeenCalledWith({
      shipmentId: `${code}-pickup`,
      kind: 'pickup',
      dossierCode: code,
      from: { kind: 'applicant', name: 'Nguyễn Văn An', address: 'Số 1 Hoàng Văn Thụ, Bắc Giang' },
      to: { kind: 'agency', agencyId: '24.SXD', name: 'Sở Xây dựng tỉnh Bắc Ninh' },
      contents: `Hồ sơ ${code}, thủ tục "Cấp giấy phép xây dựng (thử nghiệm)"`,
    });
    expect(await waybills.get('EV000000001VN')).toEqual({ dossierCode: code, kind: 'pickup' });
    const { dossier, outbox } = (await dossiers.get(code)) ?? {};
    expect(dossier?.postal?.pickup).toMatchObject({ waybill: 'EV000000001VN', bookedAt: '2026-03-02T09:05:00+07:00' });
    expect(dossier?.timeline.at(-1)).toMatchObject({ action: 'postal-booked', from: 'submitted', to: 'submitted' });
    expect(outbox).toEqual([]);
  });

  it('books nothing again for a redelivered event', async () => {
    const { book, run } = world();
    await run(submitted(['shipment']));
    await run(submitted(['shipment']));
    expect(book).toHaveBeenCalledTimes(1);
  });

  it('books again under the same shipment id when the dossier’s write failed, keeping one waybill', async () => {
    const { dossiers, book, run } = world();
    vi.spyOn(dossiers, 'save').mockRejectedValueOnce(new Error('write failed'));
    await expect(run(submitted(['shipment']))).rejects.toThrow('write failed');
    await run(submitted(['shipment']));
    expect(book.mock.calls.map(([request]) => request.shipmentId)).toEqual([`${code}-pickup`, `${code}-pickup`]);
    expect((await dossiers.get(code))?.dossier.postal?.pickup?.waybill).toBe('EV000000001VN');
  });

  it('reads nothing for an event that reaches no shipment, and books nothing for a dossier without the post', async () => {
    const { book, run } = world();
    const dossiers = fakeDossierRepository([filedByPost()]);
    const get = vi.spyOn(dossiers, 'get');
    await bookShipments({
      dossiers,
      agencies: fakeAgencyRepository(),
      waybills: fakePostalWaybills(),
      book,
      now: () => new Date(),
    })(submitted(['email']));
    expect(get).not.toHaveBeenCalled();
    await world(submittedPermit()).run(submitted(['shipment']));
    expect(book).not.toHaveBeenCalled();
    await run(submitted(['email']));
    expect(book).not.toHaveBeenCalled();
  });

  it('does not book the result’s delivery before the dossier is decided', async () => {
    const dossier: Dossier = {
      ...submittedPermit(),
      postal: { delivery: { address: 'Số 1 Hoàng Văn Thụ, Bắc Giang', shipmentId: `${code}-delivery` } },
    };
    const { book, run } = world(dossier);
    await run(submitted(['shipment']));
    expect(book).not.toHaveBeenCalled();
  });

  // docs/domain.md, Fees and payment: a dossier whose fee is due at result is not returned unpaid.
  it('books the result’s delivery only once it is signed and its fee, due at result, is paid', async () => {
    const steps: [Caller, Action][] = [
      [people.receiver, { type: 'receive' }],
      [people.receiver, { type: 'forward', assigneeId: 'specialist-nam' }],
      [people.specialist, { type: 'forward', assigneeId: 'leader-son' }],
      [people.leader, { type: 'decide', outcome: 'approved' }],
    ];
    const decided = steps.reduce((d, [caller, action]) => act(action, context(d, caller)).dossier, submittedPermit());
    const signed: Dossier = {
      ...decided,
      postal: { delivery: { address: 'Số 1 Hoàng Văn Thụ, Bắc Giang', shipmentId: `${code}-delivery` } },
      timeline: [
        ...decided.timeline,
        {
          ...(decided.timeline.at(-1) as Dossier['timeline'][number]),
          action: 'result-signed',
          note: 'Đã ký số kết quả.',
        },
      ],
    };
    expect(signed.fee).toMatchObject({ due: 'result', paid: false, amount: 150_000 });
    const decidedEvent: DomainEvent = {
      id: `${code}:7:DossierChanged`,
      type: 'DossierChanged',
      dossierCode: code,
      occurredAt: '2026-03-12T10:00:00+07:00',
      data: {
        applicantId: 'citizen-an',
        agencyId: '24.SXD',
        action: 'result-signed',
        from: 'decided',
        to: 'decided',
        dueAt: signed.dueAt,
        reach: ['shipment'],
      },
    };
    const unpaid = world(signed);
    await unpaid.run(decidedEvent);
    expect(unpaid.book).not.toHaveBeenCalled();
    const unsigned = world({
      ...signed,
      timeline: decided.timeline,
      fee: { amount: 150_000, due: 'result', paid: true },
    });
    await unsigned.run(decidedEvent);
    expect(unsigned.book).not.toHaveBeenCalled();
    const paid = world({ ...signed, fee: { amount: 150_000, due: 'result', paid: true } });
    await paid.run(decidedEvent);
    expect(paid.book).toHaveBeenCalledWith(
      expect.objectContaining({ kind: 'delivery', to: expect.objectContaining({ kind: 'applicant' }) }),
    );
  });
});
