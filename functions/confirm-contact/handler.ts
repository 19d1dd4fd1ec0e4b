import { contactConfirmations } from '#adapters/dynamo/contact-confirmations.ts';
import { lookupPinHasher } from '#adapters/pin-pepper.ts';
import { httpHandler } from '#http/http-handler.ts';
import { platformQuotas } from '#shared/composition/quotas.ts';
import { config } from '#shared/config.ts';
import { ConfirmContactBody, confirmContactUseCase } from '#shared/use-cases/contacts/confirm-contact.ts';

const confirm = confirmContactUseCase({
  contacts: contactConfirmations(config.TABLE_NAME),
  pins: lookupPinHasher,
  quotas: platformQuotas,
  now: () => new Date(),
});

// Not idempotent by key, nor needing it: a second try of a code already accepted finds nothing pending.
export const handler = httpHandler('confirm-contact', { schemas: { body: ConfirmContactBody } }).handle(
  async ({ caller, body }) => ({ status: 200, body: await confirm(caller, body) }),
);
