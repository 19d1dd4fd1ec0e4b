import { describe, expect, it } from 'vitest';
import type { DossierRepository, StoredDossier } from '../../../shared/use-cases/ports/dossier-repository.ts';
import type { PostalWaybills, WaybillRef } from '../../../shared/use-cases/ports/postal-waybills.ts';
import type { Decision, Dossier } from '../../../shared/domain/dossier/dossier.ts';
import type { DomainEvent } from '../../../shared/domain/events.ts';
import type { ShipmentRequest } from '../../../shared/domain/postal/request.ts';
import { bookShipments } from '../../../shared/use-cases/postal/book-shipments.ts';
import { code, filedWith } from './fixtures.ts';

/**
 * The fault DynamoDB local cannot produce on demand: the carrier booked, then saving the waybill on the
 * dossier failed. The retried message must book the same shipment and record one waybill.
 */
function world(dossier: Dossier, failSaves: number) {
  let current = dossier;
  let failures = failSaves;
  const carrier = new Map<string, string>();
  const index = new Map<string, WaybillRef>();
  const calls: ShipmentRequest[] = [];
  const dossiers = {
    get: async (): Promise<StoredDossier> => ({ dossier: current, outbox: [], requests: [] }),
    save: async (_before: Dossier, decision: Decision): Promise<StoredDossier> => {
      if (failures-- > 0) throw new Error('DynamoDB unavailable');
      current = decision.dossier;
      return { dossier: current, outbox: decision.events, requests: [] };
    },
  } as unknown as DossierRepository;
  const waybills = {
    put: async (waybill: string, ref: WaybillRef) => void index.set(waybill, ref),
    get: async (waybill: string) => index.get(waybill),
  } satisfies PostalWaybills;
  const book = bookShipments({
    dossiers,
    agencies: { get: async () => ({ id: '24.SXD', name: 'Sở Xây dựng tỉnh Bắc Ninh', level: 'department' }) },
    waybills,
    book: async (request) => {
      calls.push(request);
      const waybill = carrier.get(request.shipmentId) ?? `EB${carrier.size + 1}VN`;
      carrier.set(request.shipmentId, waybill);
      return { waybill };
    },
    now: () => new Date('2026-03-02T02:05:00Z'),
  });
  return { book, calls, index, current: () => current };
}

const submitted: DomainEvent = {
  id: `${code}:1:DossierSubmitted`,
  type: 'DossierSubmitted',
  dossierCode: code,
  occurredAt: '2026-03-02T09:00:00+07:00',
  data: { applicantId: 'citizen-an', agencyId: '24.SXD', procedureCode: '1.009999' },
};

describe('booking the postal shipments', () => {
  it('a booking whose save failed is retried under the same shipmentId and recorded once', async () => {
    const w = world(filedWith({ pickup: {} }, 'online'), 1);
    await expect(w.book(submitted)).rejects.toThrow('DynamoDB unavailable');
    await w.book(submitted);
    await w.book(submitted);
    expect(w.calls.map((c) => c.shipmentId)).toEqual([`${code}-pickup`, `${code}-pickup`]);
    expect(w.current().postal?.pickup?.waybill).toBe('EB1VN');
    expect(w.current().timeline.filter((e) => e.action === 'postal-booked')).toHaveLength(1);
    expect(w.index.get('EB1VN')).toEqual({ dossierCode: code, kind: 'pickup' });
  });

  it('reads nothing for a step that left no shipment due (its reach names none)', async () => {
    const w = world(filedWith({ pickup: {} }, 'online'), 0);
    const changed: DomainEvent = {
      ...submitted,
      type: 'DossierChanged',
      data: {
        applicantId: 'citizen-an',
        agencyId: '24.SXD',
        action: 'receive',
        from: 'submitted',
        to: 'received',
        dueAt: '',
        reach: ['email', 'phone'],
      },
    };
    await w.book(changed);
    expect(w.calls).toEqual([]);
  });
});
