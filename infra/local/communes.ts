import { readFileSync } from 'node:fs';
import type { Agency } from '../../shared/domain/agency.ts';

interface Units {
  code: string;
  name: string;
  communes: { code: string; name: string }[];
}

const units = JSON.parse(readFileSync(new URL('./data/bac-ninh-units.json', import.meta.url), 'utf8')) as Units;

/** The id of a commune's public administration service centre: `24.<commune code>.TTPVHCC`. */
export const communeCentreId = (communeAgencyId: string): string => `${communeAgencyId}.TTPVHCC`;

/**
 * Every commune and ward of the province is an agency: its People's Committee decides commune-level
 * procedures; its own service centre receives them (Nghị định 118/2025/NĐ-CP).
 */
export const communeAgencies: Agency[] = units.communes.map((commune) => {
  const id = `${units.code}.${commune.code}`;
  return {
    id,
    name: `Ủy ban nhân dân ${commune.name}`,
    level: 'commune',
    parentId: `${units.code}.UBND`,
    unitCode: commune.code,
    intakeAgencyId: communeCentreId(id),
  };
});

/**
 * Each commune's Trung tâm Phục vụ hành chính công (Nghị định 118/2025/NĐ-CP): under the commune, open
 * Saturday mornings in the wards of the former Bắc Giang city centre (a setting per agency).
 */
export const communeCentres: Agency[] = units.communes.map((commune) => ({
  id: communeCentreId(`${units.code}.${commune.code}`),
  name: `Trung tâm Phục vụ hành chính công ${commune.name}`,
  level: 'department',
  parentId: `${units.code}.${commune.code}`,
  ...(commune.code === '07210' ? { saturdayMorning: true } : {}),
}));
