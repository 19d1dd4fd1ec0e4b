import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PartnerName } from '../../domain/partners/partner.ts';
import { webhookToleranceSeconds } from '../../domain/partners/webhook-signature.ts';
import { db } from './client.ts';
import { keys } from './keys.ts';

/**
 * Signatures of accepted partner requests, kept as long as their timestamp could still pass the
 * staleness check (then the table's TTL drops them): a request seen once is refused as a replay.
 */
export function webhookReplays(tableName: string) {
  return {
    /** False when this signature was already accepted. */
    async firstSeen(partner: PartnerName, signature: string, timestamp: number): Promise<boolean> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...keys.webhookSignature(partner, signature),
              expiresAt: timestamp + 2 * webhookToleranceSeconds,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
    /** Forgets a signature whose request failed, so the partner's identical retry is not taken for a replay. */
    async forget(partner: PartnerName, signature: string): Promise<void> {
      await db.send(new DeleteCommand({ TableName: tableName, Key: keys.webhookSignature(partner, signature) }));
    },
  };
}

export type WebhookReplays = ReturnType<typeof webhookReplays>;
