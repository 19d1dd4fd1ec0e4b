import type { AgencyRepository } from './ports/agency-repository.ts';
import type { DossierRepository } from './ports/dossier-repository.ts';
import type { NotificationRepository } from './ports/notification-repository.ts';
import { describeAppointment } from '../domain/calendar/index.ts';
import type { DomainEvent } from '../domain/events.ts';
import {
  type Message,
  type MessageContext,
  messagesFor,
  needsAgencyOfficials,
  needsDossier,
} from '../domain/notifications/templates.ts';
import type { Applicant } from '../domain/dossier/dossier.ts';
import type { ContactChannel } from '../domain/notifications/contacts.ts';

export interface MessageSources {
  dossiers: DossierRepository;
  agencies: Pick<AgencyRepository, 'allOfficials'>;
}

/**
 * The messages an event calls for, with what the event does not carry read from the dossier (the
 * defects of a supplement request, the fee, the assignee) and the agency roster, only when needed.
 */
export async function renderMessages(
  event: DomainEvent,
  sources: MessageSources,
  options: { withApplicant?: boolean } = {},
): Promise<{ messages: Message[]; applicant?: Applicant; confirmedContacts?: readonly ContactChannel[] }> {
  const ctx: MessageContext = { describeAppointment: (iso) => describeAppointment(new Date(iso)) };
  let applicant: Applicant | undefined;
  let confirmedContacts: readonly ContactChannel[] | undefined;
  if (needsDossier(event) || options.withApplicant) {
    const stored = await sources.dossiers.get(event.dossierCode);
    if (!stored) throw new Error(`Dossier ${event.dossierCode} not found`);
    const { dossier } = stored;
    applicant = dossier.applicant;
    confirmedContacts = dossier.confirmedContacts ?? [];
    if (dossier.supplement) ctx.defects = dossier.supplement.defects;
    ctx.fee = dossier.fee;
    ctx.returnMethod = dossier.returnMethod;
    if (dossier.workQueue?.assigneeId) ctx.assigneeId = dossier.workQueue.assigneeId;
  }
  if (needsAgencyOfficials(event)) {
    ctx.agencyOfficials = await sources.agencies.allOfficials(String(event.data.agencyId));
  }
  return {
    messages: messagesFor(event, ctx),
    ...(applicant ? { applicant } : {}),
    ...(confirmedContacts ? { confirmedContacts } : {}),
  };
}

/**
 * The in-app channel, always on: records each message the event calls for, once per recipient,
 * however often the event arrives (the inbox entry is keyed by recipient and event). The other
 * channels have their own queues and workers (deliver-email, deliver-sms), so one failing never
 * holds back the inbox.
 */
export function notifyApplicant(notifications: NotificationRepository, sources: MessageSources) {
  return async (event: DomainEvent): Promise<void> => {
    const { messages } = await renderMessages(event, sources);
    for (const { audience: _a, sms: _s, ...message } of messages) {
      await notifications.record(message, event.id, event.occurredAt);
    }
  };
}
