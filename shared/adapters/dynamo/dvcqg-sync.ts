import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db } from './client.ts';
import { keys } from './keys.ts';

/** Another worker holds the dossier's sync lease (or lost it midway): the record is retried later. */
export class SyncLeaseHeld extends Error {
  constructor(readonly code: string) {
    super(`The DVCQG sync of ${code} is held by another worker`);
  }
}

/**
 * One item per dossier (`DVCQGSYNC#<code>`): how many of its status changes the portal acknowledged,
 * and a short lease so that one worker at a time pushes them. The lease outlives one push (renewed on
 * each acknowledgement) and a worker that dies holding it blocks the dossier only until it ends.
 */
export function dvcqgSyncRepository(tableName: string, options: { leaseSeconds: number } = { leaseSeconds: 60 }) {
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

    /** Takes the lease; answers the number of changes acknowledged so far. */
    async acquire(code: string, owner: string, now: Date): Promise<number> {
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
        return Number(Attributes?.acknowledged ?? 0);
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw new SyncLeaseHeld(code);
        throw error;
      }
    },

    /** Records the acknowledgement of change `from + 1`, only while still holding the lease; renews it. */
    async advance(code: string, owner: string, from: number, now: Date): Promise<void> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key(code),
            UpdateExpression: 'SET #acked = :next, #until = :until',
            ConditionExpression: '#owner = :owner AND #acked = :from',
            ExpressionAttributeNames: { '#owner': 'leaseOwner', '#until': 'leaseUntil', '#acked': 'acknowledged' },
            ExpressionAttributeValues: { ':owner': owner, ':from': from, ':next': from + 1, ':until': leaseEnd(now) },
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw new SyncLeaseHeld(code);
        throw error;
      }
    },

    /** Gives the lease back, unless it already passed to another worker. */
    async release(code: string, owner: string): Promise<void> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key(code),
            UpdateExpression: 'REMOVE #owner, #until',
            ConditionExpression: '#owner = :owner',
            ExpressionAttributeNames: { '#owner': 'leaseOwner', '#until': 'leaseUntil' },
            ExpressionAttributeValues: { ':owner': owner },
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    },
  };
}

export type DvcqgSyncRepository = ReturnType<typeof dvcqgSyncRepository>;
