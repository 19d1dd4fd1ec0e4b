import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  type DvcqgSyncRepository,
  SyncLeaseHeld,
  type SyncState,
} from '../../use-cases/ports/dvcqg-sync-repository.ts';
import { db } from './client.ts';
import { keys } from './keys.ts';

/**
 * One item per dossier (`DVCQGSYNC#<code>`): how many of its status changes the portal acknowledged,
 * whether the indicator fact was told, and a short lease so that one worker at a time pushes them. The
 * lease outlives one push (renewed on each acknowledgement) and a worker that dies holding it blocks
 * the dossier only until it ends. A push usually costs two writes: the lease taken, then the
 * acknowledgement recorded with the lease given back.
 */
export function dvcqgSyncRepository(
  tableName: string,
  options: { leaseSeconds: number } = { leaseSeconds: 60 },
): DvcqgSyncRepository {
  const key = keys.dvcqgSync;
  const leaseEnd = (now: Date) => now.getTime() + options.leaseSeconds * 1000;
  return {
    /** How many of the dossier's status changes the portal acknowledged (0 when none was pushed yet). */
    async acknowledged(code: string): Promise<number> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: key(code), ProjectionExpression: 'acknowledged' }),
      );
      return Number(Item?.acknowledged ?? 0);
    },

    /** Takes the lease; answers what was acknowledged and told so far. */
    async acquire(code: string, owner: string, now: Date): Promise<SyncState> {
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key(code),
            UpdateExpression: 'SET #owner = :owner, #until = :until, #acked = if_not_exists(#acked, :zero)',
            ConditionExpression: 'attribute_not_exists(#until) OR #until < :now',
            ExpressionAttributeNames: { '#owner': 'leaseOwner', '#until': 'leaseUntil', '#acked': 'acknowledged' },
            ExpressionAttributeValues: { ':owner': owner, ':until': leaseEnd(now), ':now': now.getTime(), ':zero': 0 },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return { acknowledged: Number(Attributes?.acknowledged ?? 0), told: Attributes?.told === true };
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw new SyncLeaseHeld(code);
        throw error;
      }
    },

    /**
     * Records the acknowledgement of change `from + 1`, only while still holding the lease; renews it,
     * or gives it back in the same write when `release` (the worker's last push).
     */
    async advance(code: string, owner: string, from: number, now: Date, options: { release?: boolean } = {}) {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key(code),
            UpdateExpression: options.release
              ? 'SET #acked = :next REMOVE #owner, #until'
              : 'SET #acked = :next, #until = :until',
            ConditionExpression: '#owner = :owner AND #acked = :from',
            ExpressionAttributeNames: { '#owner': 'leaseOwner', '#until': 'leaseUntil', '#acked': 'acknowledged' },
            ExpressionAttributeValues: {
              ':owner': owner,
              ':from': from,
              ':next': from + 1,
              ...(options.release ? {} : { ':until': leaseEnd(now) }),
            },
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw new SyncLeaseHeld(code);
        throw error;
      }
    },

    /** Gives the lease back, unless it already passed to another worker; `told` records the fact told. */
    async release(code: string, owner: string, options: { told?: boolean } = {}): Promise<void> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key(code),
            UpdateExpression: `${options.told ? 'SET #told = :told ' : ''}REMOVE #owner, #until`,
            ConditionExpression: '#owner = :owner',
            ExpressionAttributeNames: {
              '#owner': 'leaseOwner',
              '#until': 'leaseUntil',
              ...(options.told ? { '#told': 'told' } : {}),
            },
            ExpressionAttributeValues: { ':owner': owner, ...(options.told ? { ':told': true } : {}) },
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    },
  };
}
