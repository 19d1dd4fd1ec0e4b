import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Payment } from '../../domain/payments/payment.ts';
import { toVnDate } from '../../domain/time.ts';
import type {
  PaymentRepository,
  PaymentSettlement,
  StoredReconciliation,
} from '../../use-cases/ports/payment-repository.ts';
import { db } from './client.ts';
import { itemsOfIndexPartitions } from './index-partitions.ts';
import { keys, paymentDayShardOf, paymentDayShards } from './keys.ts';
import { tableLayout } from './table-layout.ts';

// The payment's day partition rides on the sparse openByDueDay index (its own `PAYDAY#` partitions).
const dayIndex = tableLayout.indexes.openByDueDay;

function fromItem(item: Record<string, unknown>): Payment {
  const { pk: _pk, sk: _sk, [dayIndex.partitionKey]: _dpk, [dayIndex.sortKey]: _dsk, ...payment } = item;
  return payment as unknown as Payment;
}

const isConditionFailure = (error: unknown) => error instanceof ConditionalCheckFailedException;

/**
 * Online payments: one item each (`PAYMENT#<id>`), found by the id the platform echoes; a pointer in
 * the dossier's partition to its one pending payment; and the day partition the reconciliation queries.
 */
export function paymentRepository(tableName: string): PaymentRepository {
  return {
    async get(id: string): Promise<Payment | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.payment(id), ConsistentRead: true }),
      );
      return Item ? fromItem(Item) : undefined;
    },

    async create(payment: Payment): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...keys.payment(payment.id),
            ...payment,
            [dayIndex.partitionKey]: keys.paymentDayIndex(payment.day, paymentDayShardOf(payment.id)),
            [dayIndex.sortKey]: payment.id,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },

    /** Drops a payment that lost the race to be the dossier's pending one (never shown to anyone). */
    async discard(id: string): Promise<void> {
      await db.send(
        new DeleteCommand({
          TableName: tableName,
          Key: keys.payment(id),
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': 'pending' },
        }),
      );
    },

    /** The id of the dossier's pending payment, if one was claimed. */
    async pendingOf(code: string): Promise<string | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.pendingPayment(code), ConsistentRead: true }),
      );
      return Item?.paymentId as string | undefined;
    },

    /** Makes `id` the dossier's pending payment; false when another one already is. */
    async claimPending(code: string, id: string): Promise<boolean> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...keys.pendingPayment(code), paymentId: id },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    /** Frees the dossier for a new payment once `id` is settled (no-op if another one holds it). */
    async releasePending(code: string, id: string): Promise<void> {
      try {
        await db.send(
          new DeleteCommand({
            TableName: tableName,
            Key: keys.pendingPayment(code),
            ConditionExpression: 'paymentId = :id',
            ExpressionAttributeValues: { ':id': id },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },

    /**
     * Settles a pending payment with the platform's transaction, once: undefined when it was no longer
     * pending (another delivery settled it first). It moves to the day partition of its settlement.
     */
    async settle(id: string, outcome: PaymentSettlement): Promise<Payment | undefined> {
      try {
        const { Attributes } = await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.payment(id),
            UpdateExpression:
              'SET #status = :status, transactionId = :tx, received = :received, settledAt = :at, #dpk = :dpk, #day = :day',
            ConditionExpression: '#status = :pending',
            ExpressionAttributeNames: { '#status': 'status', '#dpk': dayIndex.partitionKey, '#day': 'day' },
            ExpressionAttributeValues: {
              ':status': outcome.status,
              ':tx': outcome.transactionId,
              ':received': outcome.received,
              ':at': outcome.at.toISOString(),
              ':dpk': keys.paymentDayIndex(toVnDate(outcome.at), paymentDayShardOf(id)),
              ':day': toVnDate(outcome.at),
              ':pending': 'pending',
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return Attributes ? fromItem(Attributes) : undefined;
      } catch (error) {
        if (isConditionFailure(error)) return undefined;
        throw error;
      }
    },

    /**
     * Payments requested (still pending) or settled on a local date: a Query per page of each of the
     * date's shards and of the partition used before the shards, never a Scan.
     */
    async ofDay(date: string): Promise<Payment[]> {
      const payments: Payment[] = [];
      const partitions = [
        ...Array.from({ length: paymentDayShards }, (_, shard) => keys.paymentDayIndex(date, shard)),
        keys.unshardedPaymentDayIndex(date),
      ];
      for await (const item of itemsOfIndexPartitions(tableName, dayIndex, partitions)) payments.push(fromItem(item));
      return payments;
    },

    /** Stores a day's reconciliation; a re-run replaces it with the same facts. */
    async putReconciliation(reconciliation: StoredReconciliation): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...keys.paymentReconciliation(reconciliation.date), ...reconciliation },
        }),
      );
    },

    async getReconciliation(date: string): Promise<StoredReconciliation | undefined> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keys.paymentReconciliation(date), ConsistentRead: true }),
      );
      if (!Item) return undefined;
      const { pk: _pk, sk: _sk, ...reconciliation } = Item;
      return reconciliation as StoredReconciliation;
    },
  };
}
