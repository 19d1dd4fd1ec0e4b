import type { AgencyRepository } from '../ports/agency-repository.ts';
import type { DossierRepository } from '../ports/dossier-repository.ts';
import { renderForm } from '../../documents/forms.ts';
import type { Caller } from '../../domain/caller.ts';
import { controlSlip } from '../../domain/dossier/control-slip.ts';
import { RuleViolation } from '../../domain/rule-violation.ts';
import { readableDossier } from '../get-dossier.ts';
import { officialNames } from './receipt-facts.ts';

export interface ControlSlipDeps {
  dossiers: DossierRepository;
  agencies: AgencyRepository;
  /** Records the read once it is allowed (read-audit.ts): the slip names the applicant and the officials. */
  audit: (caller: Caller, code: string, requestId: string) => Promise<void>;
  /** The deployment's public URL (config PUBLIC_URL): the QR code opens its look-up page. */
  publicUrl: string;
  now: () => Date;
}

/**
 * The process control slip (Thông tư 03/2025/TT-VPCP, phụ lục I, mẫu số 06) as the dossier stands now,
 * to whoever may read the dossier (the same 404 as get-dossier otherwise), from its receipt (409 before). It only renders the timeline,
 * the slip's electronic record, so it is drawn on each read rather than stored at every hand-over.
 * Two round trips: the dossier, then its agencies, its officials and the read audit together.
 */
export function printControlSlip(deps: ControlSlipDeps) {
  return async (caller: Caller, code: string, requestId: string): Promise<Uint8Array> => {
    const { dossier } = await readableDossier(deps.dossiers, caller, code);
    // The slip follows the dossier from its receipt: before it there is no step to control.
    if (dossier.steps.length === 0) {
      throw new RuleViolation(
        'conflict',
        'not-received',
        'Hồ sơ chưa được tiếp nhận: phiếu kiểm soát quá trình giải quyết hồ sơ được lập từ khi tiếp nhận.',
      );
    }
    const issuedAt = deps.now();
    const rows = controlSlip(dossier, issuedAt.toISOString());
    const agencyIds = [...new Set([dossier.agencyId, ...dossier.steps.map((s) => s.agencyId)])];
    const [agencies, names] = await Promise.all([
      Promise.all(agencyIds.map((id) => deps.agencies.get(id))),
      officialNames(
        deps.agencies,
        rows.flatMap((row) => [row.fromSub, row.handlerSub]),
      ),
      deps.audit(caller, code, requestId),
    ]);
    const agencyNames = Object.fromEntries(agencies.flatMap((a) => (a ? [[a.id, a.name]] : [])));
    return renderForm({
      form: '06',
      dossier,
      agencyName: agencyNames[dossier.agencyId] ?? dossier.agencyId,
      agencyNames,
      officialNames: names,
      publicUrl: deps.publicUrl,
      issuedAt,
    });
  };
}
