import { describe, expect, it } from 'vitest';
import { actsOn, defaultSmsMilestones, stepOf } from '../../../shared/domain/event-interest.ts';
import type { DomainEvent, Reach } from '../../../shared/domain/events.ts';
import { interests } from '../../../shared/domain/interests.ts';

const code = 'H24.10-260302-0001';

function changed(action: string, from: string, to: string, extra: Record<string, unknown> = {}): DomainEvent {
  return {
    id: `${code}:5:DossierChanged`,
    type: 'DossierChanged',
    dossierCode: code,
    occurredAt: '2026-03-02T09:00:00+07:00',
    data: {
      applicantId: 'citizen-an',
      agencyId: '24.10',
      action,
      from,
      to,
      dueAt: '2026-03-10T17:00:00+07:00',
      ...extra,
    },
  };
}

const submitted = (to: string, reach?: Reach[]): DomainEvent => ({
  id: `${code}:1:DossierSubmitted`,
  type: 'DossierSubmitted',
  dossierCode: code,
  occurredAt: '2026-03-02T09:00:00+07:00',
  data: { applicantId: 'citizen-an', agencyId: '24.10', procedureCode: '1.001234', to, ...(reach ? { reach } : {}) },
});

const routed = (reach: Reach[]): DomainEvent => ({
  id: `${code}:2:DossierRouted`,
  type: 'DossierRouted',
  dossierCode: code,
  occurredAt: '2026-03-02T09:00:01+07:00',
  data: {
    applicantId: 'citizen-an',
    agencyId: '24.10',
    agencyName: 'UBND xã',
    dueAt: '2026-03-10T17:00:00+07:00',
    reach,
  },
});

/** Who acts on an event, by interest: the worked expectation of each case below. */
const actingOn = (event: DomainEvent, steps?: readonly string[]) =>
  interests.filter((interest) => actsOn(interest, event, steps ? { steps } : {}));

describe('which consumers an event is sent to', () => {
  it('an online filing: routed to intake and pushed to the national portal (status 1); no form, no text', () => {
    expect(actingOn(submitted('submitted', ['email', 'phone']))).toEqual(['routes-filing', 'syncs-status']);
  });

  it('a desk filing is received on the spot: nothing to route (its `receive` step carries form 01)', () => {
    expect(actingOn(submitted('received', []))).toEqual(['syncs-status']);
    expect(actingOn(changed('receive', 'submitted', 'received', { form: '01', reach: [] }))).toEqual([
      'issues-forms',
      'notifies',
      'syncs-status',
    ]);
  });

  it('a postal filing books its pickup: the filing event says a shipment is due', () => {
    expect(actingOn(submitted('submitted', ['shipment']))).toEqual(['routes-filing', 'syncs-status', 'books-shipment']);
  });

  it('routing to intake tells the applicant (in-app, e-mail) but is not an SMS milestone by default', () => {
    expect(actingOn(routed(['email', 'phone']))).toEqual(['notifies', 'emails-applicant']);
    expect(actingOn(routed(['email', 'phone']), ['route-to-intake'])).toEqual([
      'notifies',
      'emails-applicant',
      'texts-applicant',
    ]);
  });

  it('an applicant without e-mail or phone is never e-mailed or texted', () => {
    expect(
      actingOn(changed('request-supplement', 'processing', 'supplement-requested', { form: '02', reach: [] })),
    ).toEqual(['issues-forms', 'notifies', 'syncs-status']);
  });

  it('a supplement request is a milestone: texted when the applicant gave a phone', () => {
    const event = changed('request-supplement', 'processing', 'supplement-requested', { form: '02', reach: ['phone'] });
    expect(actingOn(event)).toEqual(['issues-forms', 'notifies', 'texts-applicant', 'syncs-status']);
  });

  it('a forward inside processing: the assignee told; no form to issue (the control slip is drawn when read), the status did not change, the portal hears nothing', () => {
    const event = changed('forward', 'processing', 'processing', {
      notifyOfficials: ['specialist-lan'],
      reach: ['email'],
    });
    expect(actingOn(event)).toEqual(['notifies']);
  });

  it('a forward nobody is told of, with no form of its own: only the portal hears of the status change', () => {
    expect(actingOn(changed('forward', 'received', 'processing', { reach: ['email'] }))).toEqual(['syncs-status']);
  });

  it('the decision: the signature, the applicant told, status 9 to the portal; no form of its own', () => {
    const event = changed('decide', 'processing', 'decided', { reach: ['email', 'phone'] });
    expect(actingOn(event)).toEqual(['signs-result', 'notifies', 'emails-applicant', 'syncs-status']);
  });

  it('the signed result is the milestone that texts; a delivery by post is booked once it is due', () => {
    const event = changed('result-signed', 'decided', 'decided', { reach: ['email', 'phone', 'shipment'] });
    expect(actingOn(event)).toEqual(['notifies', 'emails-applicant', 'texts-applicant', 'books-shipment']);
  });

  it('a rating tells nobody and changes no status', () => {
    expect(actingOn(changed('rate', 'returned', 'returned', { reach: ['email', 'phone'] }))).toEqual([]);
  });

  it('an event recorded before events carried their reach goes to every channel it could concern', () => {
    const old = changed('result-signed', 'decided', 'decided');
    expect(actingOn(old)).toEqual(['notifies', 'emails-applicant', 'texts-applicant', 'books-shipment']);
    const { to: _, ...before } = submitted('submitted').data as Record<string, unknown>;
    expect(actsOn('routes-filing', { ...submitted('submitted'), data: before } as DomainEvent)).toBe(true);
  });

  it('names each event’s step the way milestones are configured', () => {
    expect(stepOf(submitted('submitted'))).toBe('submit');
    expect(stepOf(routed([]))).toBe('route-to-intake');
    expect(stepOf(changed('stop', 'processing', 'stopped'))).toBe('stop');
    expect(defaultSmsMilestones).not.toContain('receive');
  });
});
