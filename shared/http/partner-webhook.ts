import { webhookReplays } from '../adapters/dynamo/webhook-replays.ts';
import { partnerSecret } from '../adapters/partners/partner-secrets.ts';
import { config } from '../config.ts';
import type { PartnerName } from '../domain/partners/partner.ts';
import { partnerSignature } from './partner-signature.ts';

/** The signature check of a partner route, wired to Secrets Manager and the table: `httpHandler(name, { signature: partnerWebhook('payments') })`. */
export const partnerWebhook = (partner: PartnerName) =>
  partnerSignature(partner, {
    secretOf: partnerSecret,
    replays: webhookReplays(config.TABLE_NAME),
    now: () => new Date(),
  });
