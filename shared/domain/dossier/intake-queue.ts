import type { Agency } from '../agency.ts';
import { eventId } from '../events.ts';
import { toVnIso } from '../time.ts';
import type { Decision, Dossier } from './dossier.ts';
import { reachOf } from './reach.ts';

/**
 * Puts a submitted dossier into its agency's intake work queue, where a receiver will examine it.
 * Returns undefined when it is already there, so a redelivered event changes nothing.
 */
export function placeInIntakeQueue(dossier: Dossier, agency: Agency, now: Date): Decision | undefined {
  if (dossier.workQueue || dossier.status !== 'submitted') return undefined;
  const at = toVnIso(now);
  const version = dossier.version + 1;
  return {
    dossier: {
      ...dossier,
      version,
      workQueue: { agencyId: agency.id, stepIndex: 0, stepName: 'Tiếp nhận hồ sơ', since: at },
      timeline: [
        ...dossier.timeline,
        {
          at,
          actor: { sub: 'system', role: 'system' },
          action: 'route-to-intake',
          note: `Hồ sơ đã được chuyển đến bộ phận tiếp nhận của ${agency.name}.`,
        },
      ],
    },
    events: [
      {
        id: eventId(dossier.code, version, 'DossierRouted'),
        type: 'DossierRouted',
        dossierCode: dossier.code,
        occurredAt: at,
        data: {
          applicantId: dossier.applicantId,
          agencyId: agency.id,
          agencyName: agency.name,
          dueAt: dossier.dueAt,
          reach: reachOf(dossier),
        },
      },
    ],
  };
}
