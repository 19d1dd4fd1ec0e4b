import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Official } from '../../domain/official.ts';
import { db } from './client.ts';
import { keys } from './keys.ts';

/**
 * One official's roster entry by subject, as agency-repository.ts writes it: a single GetItem, with none
 * of the agency tree's code, so every function that admits officials can afford it.
 */
export function officialRoster(tableName: string, client: DynamoDBDocumentClient = db) {
  return async (sub: string): Promise<Official | undefined> => {
    const item = (await client.send(new GetCommand({ TableName: tableName, Key: keys.official(sub) }))).Item;
    if (!item) return undefined;
    const { pk: _pk, sk: _sk, ...official } = item;
    return official as Official;
  };
}
