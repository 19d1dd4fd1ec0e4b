import type { DossierRepository } from '../use-cases/ports/dossier-repository.ts';
import { lookupAttempts } from '../adapters/dynamo/lookup-attempts.ts';
import { lookupPinHasher } from '../adapters/pin-pepper.ts';
import { config } from '../config.ts';
import type { PinCheckDeps } from '../use-cases/check-lookup-pin.ts';

/**
 * What checking a code and its PIN needs, wired once for every route that does (the look-up, the
 * portal's look-up page, verification by code, the receipt's print): one set of counters and limits,
 * so a PIN guessed on any of them counts against the same budget.
 */
export const pinCheckDeps = (dossiers: DossierRepository): PinCheckDeps => ({
  dossiers,
  attempts: lookupAttempts(config.TABLE_NAME, {
    perCode: config.LOOKUP_FAILURES_PER_CODE,
    perClient: config.LOOKUP_FAILURES_PER_CLIENT,
    windowSeconds: config.LOOKUP_WINDOW_SECONDS,
  }),
  pins: lookupPinHasher,
  now: () => new Date(),
});
