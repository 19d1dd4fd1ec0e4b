import { httpHandler } from '#http/http-handler.ts';
import document from '../../docs/openapi.json' with { type: 'json' };

/**
 * The committed document, bundled: what is served is what the repository shows, and a stale file fails
 * tests/unit/http/openapi.test.ts. Built from the manifest and the zod schemas by `npm run openapi`.
 */
export const handler = httpHandler('get-openapi').handle(async () => ({ status: 200, body: document }));
