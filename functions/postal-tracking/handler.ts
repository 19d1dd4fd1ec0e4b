import { dossierRepository } from '#adapters/dynamo/dossier-repository.ts';
import { postalWaybills } from '#adapters/dynamo/postal-waybills.ts';
import { httpHandler } from '#http/http-handler.ts';
import { partnerWebhook } from '#http/partner-webhook.ts';
import { config } from '#shared/config.ts';
import { TrackingBody, trackShipment } from '#shared/use-cases/postal/track-shipment.ts';
import { platformOriginSecret } from '#http/platform-origin-secret.ts';

const dossiers = dossierRepository(config.TABLE_NAME);
const track = trackShipment({
  dossiers,
  waybills: postalWaybills(config.TABLE_NAME),
  now: () => new Date(),
});

export const handler = httpHandler('postal-tracking', {
  originSecret: platformOriginSecret,
  signature: partnerWebhook('postal'),
  schemas: { body: TrackingBody },
}).handle(async ({ body }) => ({ status: 200, body: await track(body) }));
