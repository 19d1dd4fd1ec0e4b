import type { Dossier } from '../../domain/dossier/dossier.ts';

/** Where an agency's register of received dossiers (sổ theo dõi hồ sơ) finds them. */
export interface AgencyRegisterSource {
  /** The dossiers filed with an agency on the given local days (`yyyy-mm-dd`), every one of them. */
  filedOn(agencyId: string, days: readonly string[]): Promise<Dossier[]>;
}
