import { agencyRepository } from '#adapters/dynamo/agency-repository.ts';
import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { postalWaybills } from '#adapters/dynamo/postal-waybills.ts';
import { callPartner } from '#adapters/partners/partner-client.ts';
import { config } from '#shared/config.ts';
import { queueHandler } from '#shared/queue/queue-handler.ts';
import { bookShipments } from '#shared/use-cases/postal/book-shipments.ts';

export const handler = queueHandler(
  'book-postal',
  bookShipments({
    dossiers: dossierRepository(config.TABLE_NAME),
    agencies: agencyRepository(config.TABLE_NAME),
    waybills: postalWaybills(config.TABLE_NAME),
    book: (request) => callPartner<{ waybill: string }>('postal', '/shipments', request),
    now: () => new Date(),
  }),
);
