import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client.ts';
import { keys } from './keys.ts';

/** The dossier a portal id files: its code and the filing instant (the code's date derives from it). */
export interface DvcqgClaim {
  code: string;
  filedAt: string;
}

/**
 * The national portal's dossier ids, each bound once to the code of the dossier it files: a
 * conditional put on a uniqueness item, written before the dossier so a crash in between leaves a
 * claim that the redelivery finishes, never a second dossier.
 */
export function dvcqgClaims(tableName: string) {
  const get = async (dvcqgId: string): Promise<DvcqgClaim | undefined> => {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: keys.dvcqgClaim(dvcqgId), ConsistentRead: true }),
    );
    return Item ? { code: String(Item.code), filedAt: String(Item.filedAt) } : undefined;
  };
  return {
    get,

    /** Binds `claim` to the portal id unless it is bound already; answers the binding that holds. */
    async bind(dvcqgId: string, claim: DvcqgClaim): Promise<DvcqgClaim> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keys.dvcqgClaim(dvcqgId), ...claim },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return claim;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const held = await get(dvcqgId);
        if (!held) throw error;
        return held;
      }
    },
  };
}

export type DvcqgClaims = ReturnType<typeof dvcqgClaims>;
