import { formsFor } from './documents/forms-issued.ts';
import { callsForSignedResult, resultSignedAction } from './dossier/signed-result.ts';
import type { DomainEvent, Reach } from './events.ts';
import type { Interest } from './interests.ts';
import { tellsAnyone, tellsApplicant } from './notifications/templates.ts';

/**
 * The steps the applicant is texted at when a deployment names none (setting `egov:smsMilestones`):
 * those that ask something of them or change what they wait for — a refusal, a supplement or a fee
 * to bring, a new appointment, a stop, and the result ready. Each text costs the province far more
 * than the rest of the dossier's processing; the other steps reach them by e-mail and in the portal.
 */
export const defaultSmsMilestones: readonly string[] = [
  'refuse',
  'request-supplement',
  'request-fees',
  'request-extension',
  'stop',
  resultSignedAction,
];

/** The step an event records: the lifecycle action, `submit` for a filing, `route-to-intake` for routing. */
export function stepOf(event: DomainEvent): string {
  if (event.type === 'DossierSubmitted') return 'submit';
  if (event.type === 'DossierRouted') return 'route-to-intake';
  return (event.data as { action?: string }).action ?? '';
}

/** An event recorded before events carried their reach reaches everything: it is sent, not dropped. */
const reaches = (event: DomainEvent, what: Reach): boolean => {
  const reach = (event.data as { reach?: readonly Reach[] }).reach;
  return reach === undefined || reach.includes(what);
};

const changed = (event: DomainEvent): event is DomainEvent<'DossierChanged'> => event.type === 'DossierChanged';

export interface InterestOptions {
  /** The steps worth a text message (`texts-applicant`); {@link defaultSmsMilestones} when not given. */
  steps?: readonly string[];
}

/** Whether a consumer with this interest acts on the event. */
export function actsOn(interest: Interest, event: DomainEvent, options: InterestOptions = {}): boolean {
  switch (interest) {
    case 'routes-filing':
      // A desk receives on the spot: nothing left to place in an intake queue.
      return event.type === 'DossierSubmitted' && ((event.data as { to?: string }).to ?? 'submitted') === 'submitted';
    case 'issues-forms':
      return formsFor(event).length > 0;
    case 'signs-result':
      return callsForSignedResult(event);
    case 'notifies':
      return tellsAnyone(event);
    case 'emails-applicant':
      return tellsApplicant(event) && reaches(event, 'email');
    case 'texts-applicant':
      return (
        tellsApplicant(event) &&
        reaches(event, 'phone') &&
        (options.steps ?? defaultSmsMilestones).includes(stepOf(event))
      );
    case 'syncs-status':
      // The national portal hears of status changes only (shared/domain/dvcqg/status-sync.ts).
      return event.type === 'DossierSubmitted' || (changed(event) && event.data.from !== event.data.to);
    case 'books-shipment':
      return (event.type === 'DossierSubmitted' || changed(event)) && reaches(event, 'shipment');
  }
}
