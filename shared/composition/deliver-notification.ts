import { businessMetrics } from '../adapters/business-metrics.ts';
import { agencyRepository } from '../adapters/dynamo/agency-repository.ts';
import { contactConfirmations } from '../adapters/dynamo/contact-confirmations.ts';
import { dossierRepository } from '../adapters/dynamo/dossier-repository.ts';
import { deliveryRepository, preferenceRepository } from '../adapters/dynamo/notification-repository.ts';
import { lookupPinHasher } from '../adapters/pin-pepper.ts';
import { config } from '../config.ts';
import { contactGate } from '../use-cases/contacts/contact-gate.ts';
import type { DeliverDeps } from '../use-cases/deliver-notification.ts';
import { platformQuotas } from './quotas.ts';

const now = () => new Date();

/** What deliver-email and deliver-sms share: the dossier, the roster, preferences, deliveries, quotas and contacts. */
export const deliverDeps = (): DeliverDeps => ({
  dossiers: dossierRepository(config.TABLE_NAME),
  agencies: agencyRepository(config.TABLE_NAME),
  preferences: preferenceRepository(config.TABLE_NAME, { consistentRead: false }),
  deliveries: deliveryRepository(config.TABLE_NAME, { leaseSeconds: 60 }),
  quotas: platformQuotas,
  contactGate: contactGate({ contacts: contactConfirmations(config.TABLE_NAME), pins: lookupPinHasher, now }),
  metrics: businessMetrics,
  now,
});
