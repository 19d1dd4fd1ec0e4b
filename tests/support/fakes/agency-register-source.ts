import type { Dossier } from '../../../shared/domain/dossier/dossier.ts';
import type { AgencyRegisterSource } from '../../../shared/use-cases/ports/agency-register-source.ts';
import { byKey, copy } from './page.ts';

/**
 * The register reads the dossiers an agency numbered on each day: its codes `<agency>-<yymmdd>-<n>`
 * (domain/dossier/code.ts), by day then number, whoever holds them now.
 */
export function fakeAgencyRegisterSource(dossiers: readonly Dossier[]): AgencyRegisterSource {
  return {
    async filedOn(agencyId, days) {
      return days.flatMap((day) => {
        const prefix = `${agencyId}-${day.slice(2).replaceAll('-', '')}-`;
        return copy(
          dossiers
            .filter((d) => d.code.startsWith(prefix))
            .sort(byKey((d) => d.code.slice(prefix.length).padStart(8, '0'))),
        );
      });
    },
  };
}
