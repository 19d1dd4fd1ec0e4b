import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Agency } from '../../domain/agency.ts';
import type { Procedure } from '../../domain/procedure.ts';
import { db } from './client.ts';
import { keys } from './keys.ts';

/** Agencies and the procedure catalogue. The current version of a procedure is its own item. */
export function catalogueRepository(tableName: string, client: DynamoDBDocumentClient = db) {
  const get = async <T>(key: { pk: string; sk: string }): Promise<T | undefined> => {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: key }));
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, ...rest } = Item;
    return rest as T;
  };
  return {
    agency: (id: string) => get<Agency>(keys.agency(id)),
    currentProcedure: (code: string) => get<Procedure>(keys.procedure(code)),
    async putAgency(agency: Agency): Promise<void> {
      await client.send(new PutCommand({ TableName: tableName, Item: { ...keys.agency(agency.id), ...agency } }));
    },
    /** Stores a version and makes it current; versions already filed under stay readable. */
    async putProcedure(procedure: Procedure): Promise<void> {
      for (const key of [keys.procedureVersion(procedure.code, procedure.version), keys.procedure(procedure.code)]) {
        await client.send(new PutCommand({ TableName: tableName, Item: { ...key, ...procedure } }));
      }
    },
  };
}

export type CatalogueRepository = ReturnType<typeof catalogueRepository>;
