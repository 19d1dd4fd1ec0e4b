import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Procedure } from '../../domain/procedure.ts';
import { db } from './client.ts';
import { keys } from './keys.ts';

/** The procedure catalogue. The current version of a procedure is its own item. */
export function catalogueRepository(tableName: string, client: DynamoDBDocumentClient = db) {
  return {
    async currentProcedure(code: string): Promise<Procedure | undefined> {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: keys.procedure(code) }));
      if (!Item) return undefined;
      const { pk: _pk, sk: _sk, ...procedure } = Item;
      return procedure as Procedure;
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
