import type { AgencyRepository } from '../ports/agency-repository.ts';
import type { CatalogueRepository } from '../ports/catalogue-repository.ts';
import {
  type ProcedureRuleError,
  procedureRuleErrors,
  procedureRulesBroken,
} from '../../domain/catalogue/validation.ts';
import { nextVersion, type ProcedureContent } from '../../domain/catalogue/versioning.ts';
import { feeRuleFromInput } from '../../domain/fees/rule.ts';
import type { Procedure } from '../../domain/procedure.ts';
import type { ProcedureBody } from './schemas.ts';

export interface PutProcedureDeps {
  catalogue: Pick<CatalogueRepository, 'currentProcedure' | 'latestVersion' | 'putProcedure'>;
  agencies: Pick<AgencyRepository, 'get'>;
}

export interface PutProcedureResult {
  /** `created`: a new version (201); `unchanged`: identical to the latest, nothing written (200). */
  outcome: 'created' | 'unchanged';
  procedure: Procedure;
}

/** Agencies the procedure names must exist: a dossier filed under it could not be routed otherwise. */
async function unknownAgencies(agencies: PutProcedureDeps['agencies'], body: ProcedureBody) {
  const named: { field: string; id: string }[] = [];
  if (body.agencyId !== undefined) named.push({ field: 'agencyId', id: body.agencyId });
  (body.joint ?? []).forEach((leg, index) => {
    if ('agencyId' in leg.agency) named.push({ field: `joint.${index}.agency.agencyId`, id: leg.agency.agencyId });
  });
  const found = await Promise.all(named.map(({ id }) => agencies.get(id)));
  return named
    .filter((_, index) => !found[index])
    .map(({ field, id }): ProcedureRuleError => ({ field, message: `Không có cơ quan mã ${id}.` }));
}

/**
 * An admin saves a procedure: validated by the catalogue's rules (422 with every broken rule),
 * then stored as version latest + 1, or nothing at all if it equals the latest version.
 */
export function putProcedure(deps: PutProcedureDeps) {
  return async (code: string, body: ProcedureBody): Promise<PutProcedureResult> => {
    // The old flat fee (`amount`) is taken and saved as the rule it stands for.
    const { fee, ...rest } = body;
    const content: ProcedureContent = { ...rest, fee: fee ? feeRuleFromInput(fee) : null };
    const errors = [...procedureRuleErrors(content), ...(await unknownAgencies(deps.agencies, body))];
    if (errors.length > 0) throw procedureRulesBroken(errors);

    const [current, latest] = await Promise.all([
      deps.catalogue.currentProcedure(code),
      deps.catalogue.latestVersion(code),
    ]);
    // A save that died between its version item and the current copy is completed first.
    if (latest && (!current || current.version < latest.version)) await deps.catalogue.putProcedure(latest);

    const decision = nextVersion(code, latest, content);
    if (decision.kind === 'unchanged') return { outcome: 'unchanged', procedure: decision.procedure };
    const stored = await deps.catalogue.putProcedure(decision.procedure);
    return { outcome: stored === 'created' ? 'created' : 'unchanged', procedure: decision.procedure };
  };
}
