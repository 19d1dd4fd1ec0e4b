import { httpHandler } from '#http/http-handler.ts';
import document from '../../docs/openapi.json' with { type: 'json' };
import { platformOriginSecret } from '#http/platform-origin-secret.ts';

/**
 * The committed document, bundled: what is served is what the repository shows, and a stale file fails
 * tests/unit/http/openapi.test.ts. Built from the manifest and the zod schemas by `npm run openapi`.
 */
export const handler = httpHandler('get-openapi', { originSecret: platformOriginSecret }).handle(async () => ({
  status: 200,
  body: document,
}));
