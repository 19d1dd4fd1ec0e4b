import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Agency } from '../../domain/agency.ts';
import { db } from './client.ts';
import { keys } from './keys.ts';

/** The agencies of the province's tree. */
export function agencyRepository(tableName: string, client: DynamoDBDocumentClient = db) {
  return {
    async get(id: string): Promise<Agency | undefined> {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: keys.agency(id) }));
      if (!Item) return undefined;
      const { pk: _pk, sk: _sk, ...agency } = Item;
      return agency as Agency;
    },
    async put(agency: Agency): Promise<void> {
      await client.send(new PutCommand({ TableName: tableName, Item: { ...keys.agency(agency.id), ...agency } }));
    },
  };
}

export type AgencyRepository = ReturnType<typeof agencyRepository>;
