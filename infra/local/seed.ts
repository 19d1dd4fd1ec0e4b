import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { agencyRepository } from '../../shared/adapters/dynamo/agency-repository.ts';
import { catalogueRepository } from '../../shared/adapters/dynamo/catalogue-repository.ts';
import { communeAgencies } from './communes.ts';
import { seedAgencyDirectory } from './seed-agencies.ts';
import { demoProcedures } from './seed-catalogue.ts';

/** Every commune and ward of the province is an agency (communes.ts). */
export { communeAgencies };

/** Seeds the demo province Bắc Ninh (code 24): its agencies and a first set of procedures. */
export async function seedDemoProvince(ctx: { clients: { dynamo: DynamoDBClient }; tableName: string }): Promise<void> {
  const client = DynamoDBDocumentClient.from(ctx.clients.dynamo, { marshallOptions: { removeUndefinedValues: true } });
  const agencies = agencyRepository(ctx.tableName, client);
  const catalogue = catalogueRepository(ctx.tableName, client);
  await Promise.all([seedAgencyDirectory(agencies, communeAgencies), catalogue.importProcedures(demoProcedures)]);
}
