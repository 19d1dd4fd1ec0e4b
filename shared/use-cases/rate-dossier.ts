import * as z from 'zod/mini';
import type { DossierRepository } from './ports/dossier-repository.ts';
import type { Caller } from '../domain/caller.ts';
import { maxRatingCommentLength, rateDossier } from '../domain/dossier/rating.ts';
import { RuleViolation } from '../domain/rule-violation.ts';
import { readableDossier } from './get-dossier.ts';

export const RatingBody = z.strictObject({
  score: z.number().check(z.int('Điểm đánh giá là số nguyên từ 1 đến 5'), z.minimum(1), z.maximum(5)),
  comment: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(maxRatingCommentLength))),
});

export type RatingBody = z.output<typeof RatingBody>;

const attempts = 3;

/**
 * The applicant rates a returned dossier: read, decide (domain), save on the version read (the stream relays
 * its `DossierChanged`). A worker writing the dossier meanwhile (a late signature record) costs a re-read,
 * not a 409: the applicant named no version.
 */
export function rateDossierUseCase(deps: { dossiers: DossierRepository; now: () => Date }) {
  return async (caller: Caller, code: string, body: RatingBody) => {
    for (let attempt = 1; ; attempt++) {
      const { dossier } = await readableDossier(deps.dossiers, caller, code);
      const decision = rateDossier(dossier, caller, body, deps.now());
      try {
        const saved = await deps.dossiers.save(dossier, decision);
        return { code: saved.dossier.code, version: saved.dossier.version, rating: saved.dossier.rating };
      } catch (error) {
        const lostRace = error instanceof RuleViolation && error.code === 'version-conflict';
        if (!lostRace || attempt >= attempts) throw error;
      }
    }
  };
}
