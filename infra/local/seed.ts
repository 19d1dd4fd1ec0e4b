import { readFileSync } from 'node:fs';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { agencyRepository } from '../../shared/adapters/dynamo/agency-repository.ts';
import { catalogueRepository } from '../../shared/adapters/dynamo/catalogue-repository.ts';
import type { Agency } from '../../shared/domain/agency.ts';
import { seedAgencyDirectory } from './seed-agencies.ts';
import { demoProcedures } from './seed-catalogue.ts';

interface Units {
  code: string;
  name: string;
  communes: { code: string; name: string }[];
}

const units = JSON.parse(readFileSync(new URL('./data/bac-ninh-units.json', import.meta.url), 'utf8')) as Units;

/** Every commune and ward of the province is an agency: its People's Committee decides commune-level procedures. */
export const communeAgencies: Agency[] = units.communes.map((commune) => ({
  id: `${units.code}.${commune.code}`,
  name: `Ủy ban nhân dân ${commune.name}`,
  level: 'commune',
  parentId: `${units.code}.UBND`,
  unitCode: commune.code,
}));

/** Seeds the demo province Bắc Ninh (code 24): its agencies and a first set of procedures. */
export async function seedDemoProvince(ctx: { clients: { dynamo: DynamoDBClient }; tableName: string }): Promise<void> {
  const client = DynamoDBDocumentClient.from(ctx.clients.dynamo, { marshallOptions: { removeUndefinedValues: true } });
  const agencies = agencyRepository(ctx.tableName, client);
  const catalogue = catalogueRepository(ctx.tableName, client);
  await seedAgencyDirectory(agencies, communeAgencies);
  await Promise.all(demoProcedures.map((procedure) => catalogue.putProcedure(procedure)));
}
