import type { DossierRepository } from './ports/dossier-repository.ts';
import { verifyTimeline } from '../domain/dossier/timeline-chain.ts';
import { RuleViolation } from '../domain/rule-violation.ts';

/** The hash chain of a dossier's timeline as stored, checked for auditors (the route and `npm run verify-timeline`). */
export function verifyDossierTimeline(dossiers: DossierRepository) {
  return async (code: string) => {
    const stored = await dossiers.get(code);
    if (!stored) throw new RuleViolation('not-found', 'not-found', 'Không tìm thấy hồ sơ.');
    return { code, version: stored.dossier.version, ...verifyTimeline(code, stored.dossier.timeline) };
  };
}
