import type { Agency } from '../domain/agency.ts';
import type { ApiClient } from '../http/api-client.ts';

/**
 * Every agency the public list gives for a query, page after page. A province has a few hundred at
 * most; the bound only guards against a cursor that never ends.
 */
export async function allAgencies(api: ApiClient, query: Record<string, string> = {}): Promise<Agency[]> {
  const agencies: Agency[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const list = await api.get<{ items: Agency[]; nextCursor?: string }>('/v1/agencies', {
      ...query,
      limit: 100,
      cursor,
    });
    agencies.push(...list.items);
    cursor = list.nextCursor;
    if (!cursor) break;
  }
  return agencies;
}

/** An agency in a <select>, with the <optgroup> it is listed under. */
export interface AgencyChoice {
  id: string;
  name: string;
  group: string;
}

const agencyGroups: readonly { query: Record<string, string>; group: string }[] = [
  { query: {}, group: 'Cấp tỉnh' },
  { query: { level: 'department' }, group: 'Sở, ban, ngành và phòng chuyên môn' },
  { query: { level: 'commune' }, group: 'Xã, phường' },
];

/** The province, the departments (of the province and of communes) and the communes, each group by name. */
export async function agencyChoices(api: ApiClient): Promise<AgencyChoice[]> {
  const groups = await Promise.all(
    agencyGroups.map(async ({ query, group }) =>
      (await allAgencies(api, query))
        .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
        .map((a): AgencyChoice => ({ id: a.id, name: a.name, group })),
    ),
  );
  return groups.flat();
}
