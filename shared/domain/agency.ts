/** Levels of the administrative tree: province → (district, in the older model) → commune, plus departments. */
export type AgencyLevel = 'province' | 'department' | 'district' | 'commune';

export interface Agency {
  /** Stable configured code (QCVN 102:2016 where known): letters, digits and dots, never a hyphen. */
  id: string;
  name: string;
  level: AgencyLevel;
  parentId?: string;
  /** Administrative-unit code of the province, district or commune the agency serves. */
  unitCode?: string;
  /** Opens Saturday mornings (some service centres do). */
  saturdayMorning?: boolean;
}

export const agencyIdPattern = /^[A-Za-z0-9.]{2,40}$/;
