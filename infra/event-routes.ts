/**
 * Event routing from the manifest: for each event type a function relays, its consumers' queues and
 * what each acts on. The one builder of EVENT_QUEUES, for the CDK stacks and the local cloud alike.
 */
import type { EventQueues, QueueRoute } from '../shared/adapters/sqs/event-publisher.ts';
import { defaultSmsMilestones } from '../shared/domain/event-interest.ts';
import type { EventType } from '../shared/domain/events.ts';
import { applicantSteps } from '../shared/domain/notifications/templates.ts';
import { consumersOf, type FunctionName, specOf } from './manifest.ts';

export interface RoutingSettings {
  /** `egov:smsMilestones`: the steps worth a text message; unset, shared/domain/event-interest.ts's defaults. */
  smsMilestones?: readonly string[];
}

export function eventRoutes(
  types: readonly EventType[],
  queueUrlOf: (consumer: FunctionName) => string,
  settings: RoutingSettings = {},
): EventQueues {
  const routes: EventQueues = {};
  for (const type of types) {
    routes[type] = consumersOf(type).map((consumer): QueueRoute => {
      const trigger = specOf(consumer).trigger;
      const actsOn = trigger.kind === 'queue' ? trigger.actsOn : undefined;
      return {
        url: queueUrlOf(consumer),
        ...(actsOn ? { actsOn } : {}),
        ...(actsOn === 'texts-applicant' ? { steps: [...(settings.smsMilestones ?? defaultSmsMilestones)] } : {}),
      };
    });
  }
  return routes;
}

/** `egov:smsMilestones` as cdk.json holds it: a list of steps the applicant is told of, or unset. */
export function readSmsMilestones(raw: unknown): string[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  const known = [...applicantSteps];
  if (!Array.isArray(raw) || raw.some((step) => typeof step !== 'string' || !known.includes(step))) {
    throw new Error(`Context egov:smsMilestones must be a list of steps among ${known.join(', ')}`);
  }
  return raw as string[];
}
