import type { Procedure } from '../procedure.ts';
import type { Dossier } from './dossier.ts';
import type { TransferTarget } from './lifecycle.ts';

/**
 * Where a dossier may be transferred: the agencies of its procedure's joint legs (a commune leg
 * means the applicant's commune), and back to the competent agency.
 */
export function transferTargets(procedure: Procedure, dossier: Dossier, provinceCode: string): TransferTarget[] {
  const legs = (procedure.joint ?? []).flatMap((leg): TransferTarget[] => {
    if ('agencyId' in leg.agency) return [{ agencyId: leg.agency.agencyId, purpose: leg.purpose, share: leg.share }];
    return dossier.communeCode
      ? [{ agencyId: `${provinceCode}.${dossier.communeCode}`, purpose: leg.purpose, share: leg.share }]
      : [];
  });
  return [...legs, { agencyId: dossier.competentAgencyId, purpose: 'Cơ quan chủ trì tiếp tục giải quyết' }];
}
