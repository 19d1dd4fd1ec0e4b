import type { Dossier } from '../../../../shared/domain/dossier/dossier.ts';
import type { DomainEvent } from '../../../../shared/domain/events.ts';
import { submittedPermit } from '../../lifecycle/fixtures.ts';

export const code = '24.SXD-260302-0001';
export const email = 'an.nguyen@example.vn';
export const phone = '0912345678';

/** The permit with the applicant's e-mail and phone, both confirmed unless told otherwise. */
export function reachableDossier(overrides: Partial<Dossier> = {}): Dossier {
  const dossier = submittedPermit();
  return {
    ...dossier,
    applicant: { ...dossier.applicant, email, phone },
    confirmedContacts: ['email', 'phone'],
    ...overrides,
  };
}

/** The receipt of the permit: the applicant is told, with the appointment (close of Monday 16/3/2026). */
export function received(version = 2): DomainEvent<'DossierChanged'> {
  return {
    id: `${code}:${version}:DossierChanged`,
    type: 'DossierChanged',
    dossierCode: code,
    occurredAt: '2026-03-02T10:00:00+07:00',
    data: {
      applicantId: 'citizen-an',
      agencyId: '24.SXD',
      action: 'receive',
      from: 'submitted',
      to: 'received',
      dueAt: '2026-03-16T17:30:00+07:00',
    },
  };
}

/** A forward inside the agency: only the official it is assigned to is told. */
export function forwarded(): DomainEvent<'DossierChanged'> {
  const event = received(3);
  return {
    ...event,
    occurredAt: '2026-03-02T11:00:00+07:00',
    data: { ...event.data, action: 'forward', from: 'received', to: 'processing', notifyOfficials: ['specialist-nam'] },
  };
}
