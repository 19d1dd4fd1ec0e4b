import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { FilingClaim, FilingClaims } from '../../use-cases/ports/filing-claims.ts';
import { isSealed, recordSeal } from '../record-seal.ts';
import { db } from './client.ts';
import { keys } from './keys.ts';

/**
 * Filing requests bound once to the code of the dossier they file: a conditional put on a uniqueness
 * item, written before the dossier, so a crash in between leaves a claim the retry finishes, never a
 * second dossier. `keyOf` names the request: the national portal's id, or a caller's Idempotency-Key.
 */
/** The claim as stored: its PIN sealed for this claim's key (record-seal.ts), never in clear. */
async function sealedPin(key: { pk: string; sk: string }, claim: FilingClaim): Promise<Record<string, unknown>> {
  if (!claim.pin) return { ...claim };
  return { ...claim, pin: (await recordSeal()).seal(`${key.pk}/${key.sk}`, claim.pin) };
}

/** Claims stored before sealing hold the PIN itself; they expire within a day. */
async function openPin(key: { pk: string; sk: string }, stored: string): Promise<string> {
  return isSealed(stored) ? (await recordSeal()).open(`${key.pk}/${key.sk}`, stored) : stored;
}

function filingClaims(
  tableName: string,
  keyOf: (id: string) => { pk: string; sk: string },
  keepSeconds?: number,
): FilingClaims {
  const get = async (id: string): Promise<FilingClaim | undefined> => {
    const key = keyOf(id);
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
    if (!Item) return undefined;
    const pin = Item.pin ? await openPin(key, String(Item.pin)) : undefined;
    return {
      code: String(Item.code),
      filedAt: String(Item.filedAt),
      ...(pin ? { pin } : {}),
      ...(Item.request ? { request: String(Item.request) } : {}),
    };
  };
  return {
    get,

    /** Binds `claim` to the request unless it is bound already; answers the binding that holds. */
    async bind(id: string, claim: FilingClaim): Promise<FilingClaim> {
      const expiresAt = keepSeconds ? { expiresAt: Math.floor(Date.parse(claim.filedAt) / 1000) + keepSeconds } : {};
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keyOf(id), ...(await sealedPin(keyOf(id), claim)), ...expiresAt },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return claim;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        const held = await get(id);
        if (!held) throw error;
        return held;
      }
    },
  };
}

/** The national portal's dossier ids: kept for good, a portal id files one dossier ever. */
export const dvcqgClaims = (tableName: string) => filingClaims(tableName, keys.dvcqgClaim);

/**
 * A caller's Idempotency-Key on a filing (`<sub>#<key>`), the filing routes' one idempotency mechanism:
 * kept a day with the PIN sealed, so a replay (a retry after a crash or a lost answer) files nothing
 * and shows the same dossier's receipt, and the key sent with another body is refused.
 */
export const requestClaims = (tableName: string) => filingClaims(tableName, keys.filingRequestClaim, 24 * 60 * 60);
