import type { CatalogueRepository } from '../ports/catalogue-repository.ts';
import type { Procedure } from '../../domain/procedure.ts';
import { RuleViolation } from '../../domain/rule-violation.ts';

const notFound = (code: string, version: number | undefined) =>
  new RuleViolation(
    'not-found',
    'procedure-not-found',
    version === undefined ? `Không có thủ tục mã ${code}.` : `Không có phiên bản ${version} của thủ tục mã ${code}.`,
  );

/**
 * One procedure: the current version as stored now (an admin's save shows at once, where search and
 * filing follow within REFERENCE_CACHE_SECONDS), or the version a dossier was filed under.
 */
export function getProcedure(catalogue: Pick<CatalogueRepository, 'storedCurrentProcedure' | 'procedureVersion'>) {
  return async (code: string, version?: number): Promise<Procedure> => {
    const procedure =
      version === undefined
        ? await catalogue.storedCurrentProcedure(code)
        : await catalogue.procedureVersion(code, version);
    if (!procedure) throw notFound(code, version);
    return procedure;
  };
}
