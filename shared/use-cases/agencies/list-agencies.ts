import * as z from 'zod/mini';
import type { AgencyRepository } from '../ports/agency-repository.ts';
import { agencyLevels } from '../../domain/agency.ts';
import { PageQuery } from '../pagination.ts';
import { agencyId } from './params.ts';

/**
 * `parentId`: the children of that agency (by level, then id); `level`: that level only. With
 * `level` alone, every agency of the level (by id); with neither, the roots of the tree (the province).
 */
export const ListAgenciesQuery = z.strictObject({
  ...PageQuery.shape,
  parentId: z.optional(agencyId),
  level: z.optional(z.enum(agencyLevels, { error: `Cấp cơ quan là một trong: ${agencyLevels.join(', ')}` })),
});

export type ListAgenciesQuery = z.output<typeof ListAgenciesQuery>;

export function listAgencies(agencies: AgencyRepository) {
  return async (query: ListAgenciesQuery) => {
    const { parentId, level, limit, cursor } = query;
    const page = { limit, ...(cursor ? { cursor } : {}) };
    if (parentId === undefined && level !== undefined) return agencies.listByLevel(level, page);
    return agencies.listChildren(parentId, { ...page, ...(level ? { level } : {}) });
  };
}
