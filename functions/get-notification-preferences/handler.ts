import { preferenceRepository } from '#adapters/dynamo/notification-repository.ts';
import { httpHandler } from '#http/http-handler.ts';
import { config } from '#shared/config.ts';

const preferences = preferenceRepository(config.TABLE_NAME);

export const handler = httpHandler('get-notification-preferences').handle(async ({ caller }) => ({
  status: 200,
  body: await preferences.get(caller.sub),
}));
