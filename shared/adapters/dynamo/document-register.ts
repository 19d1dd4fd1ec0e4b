import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  nextRegisterPosition,
  type RegisterKey,
  type RegisterPosition,
  registerYear,
} from '../../domain/official-documents/register.ts';
import { RuleViolation } from '../../domain/rule-violation.ts';
import { toVnIso } from '../../domain/time.ts';
import type { DocumentRegister, RegisterEntryRef } from '../../use-cases/ports/document-register.ts';
import { db } from './client.ts';
import { keys, registerNumberDigits } from './keys.ts';
import { queryPage } from './query-page.ts';

/** Rounds of a claim lost to other documents before the caller is asked to try again. */
const maxAttempts = 100;
const largestNumber = 10 ** registerNumberDigits - 1;

type Key = { pk: string; sk: string };

/** A short random wait after a round lost to a concurrent claim, longer as the losses mount (at most 100 ms). */
const jitteredPause = (attempt: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.random() * Math.min(100, 5 * attempt)));

/**
 * A register's numbers without transactions (the local DynamoDB has none). Two kinds of items:
 * - the ENTRY of each number, `REGISTER#…#<year>` / `<number>`: put only if absent, never changed nor
 *   deleted. It is the claim: whoever writes entry n holds n. A claimer writes n = last + 1 after a
 *   consistent read of the last entry, so the entries always run 1..last: no gap, no duplicate number.
 * - the document's MARKER, `REGISTERED#…#<year>#<documentId>`: `candidate`, the number the document is
 *   trying, and `number` once its entry is written.
 * The marker is written BEFORE the entry, so no entry of a document exists at a number its marker did
 * not name first; and the candidate moves from c only once entry c has been read as another document's
 * (entries never change, so that read stays true). Hence a document holds at most one entry, and its
 * marker's candidate always points at it: a retry after a crash anywhere, or a concurrent claim for the
 * same document, reads the marker and finds the number without searching the register. A crash before
 * the entry leaves a candidate nobody holds, which the next claim of any document fills: nothing skipped.
 * (Marking after the entry instead, and finding a crashed claim's entry by searching the register's latest
 * entries, needs a bound on that search, and lets two concurrent claims of one document each find nothing
 * and each take a number.) Uncontended, a claim is a consistent Get, a consistent Query of one item, the
 * marker's Update, the entry's Put and the marker's Update; a retry of a numbered document, one Get.
 */
export function documentRegister(
  tableName: string,
  {
    client = db,
    pause = jitteredPause,
  }: { client?: DynamoDBDocumentClient; pause?: (attempt: number) => Promise<void> } = {},
): DocumentRegister {
  const read = async (key: Key) =>
    (await client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item;

  /** The register's last number of the year (0 when none yet): a consistent read of the greatest sort key. */
  async function lastNumber(register: RegisterKey, year: number): Promise<number> {
    const { Items } = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.registerEntries(register, year) },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    return Items?.[0] ? Number(Items[0].number) : 0;
  }

  /** Writes unless the condition fails: false when another claim got there first. */
  async function conditionally(write: () => Promise<unknown>): Promise<boolean> {
    try {
      await write();
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  /** Moves the marker's candidate from `from` (none yet: undefined) to `to`, unless a claim moved it or settled. */
  const propose = (marker: Key, from: number | undefined, to: number) =>
    conditionally(() =>
      client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: marker,
          UpdateExpression: 'SET candidate = :to',
          ConditionExpression:
            from === undefined
              ? 'attribute_not_exists(candidate) AND attribute_not_exists(#number)'
              : 'candidate = :from AND attribute_not_exists(#number)',
          ExpressionAttributeNames: { '#number': 'number' },
          ExpressionAttributeValues: from === undefined ? { ':to': to } : { ':to': to, ':from': from },
        }),
      ),
    );

  /** Marks the document's number once its entry is there; the candidate cannot move off an entry it holds. */
  async function settle(marker: Key, year: number, number: number): Promise<RegisterPosition> {
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: marker,
        UpdateExpression: 'SET #number = :number',
        ConditionExpression: 'candidate = :number',
        ExpressionAttributeNames: { '#number': 'number' },
        ExpressionAttributeValues: { ':number': number },
      }),
    );
    return { year, number };
  }

  return {
    async claimNumber(register, documentId, at) {
      for (const part of [register.agencyId, register.kind, register.series, documentId]) {
        // `#` separates the parts of the keys: a part holding one could name another register's items.
        if (!part || part.includes('#')) throw new RangeError(`Invalid register key part: ${JSON.stringify(part)}`);
      }
      const year = registerYear(at);
      const marker = keys.registerMarker(register, year, documentId);
      for (let attempt = 0; attempt < maxAttempts; attempt++) {
        if (attempt > 0) await pause(attempt);
        const held = await read(marker);
        if (typeof held?.number === 'number') return { year, number: held.number };
        const candidate = typeof held?.candidate === 'number' ? held.candidate : undefined;
        const last = await lastNumber(register, year);
        if (candidate !== undefined && candidate <= last) {
          // Entry `candidate` exists (the entries run 1..last): this document's if its claim got that far.
          const entry = await read(keys.registerEntry(register, year, candidate));
          if (entry?.documentId === documentId) return settle(marker, year, candidate);
        }
        const next = nextRegisterPosition(last ? { year, number: last } : undefined, at).number;
        if (next > largestNumber) throw new RangeError(`Register ${marker.pk} is full at ${largestNumber}`);
        if (next !== candidate && !(await propose(marker, candidate, next))) continue;
        const entered = await conditionally(() =>
          client.send(
            new PutCommand({
              TableName: tableName,
              Item: { ...keys.registerEntry(register, year, next), number: next, documentId, at: toVnIso(at) },
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          ),
        );
        if (entered) return settle(marker, year, next);
      }
      throw new RuleViolation(
        'conflict',
        'register-busy',
        'Sổ đăng ký đang cấp số cho nhiều văn bản cùng lúc; vui lòng thử lại sau ít giây.',
        { attempts: maxAttempts },
      );
    },

    async entries(register, year, page) {
      const pk = keys.registerEntries(register, year);
      const { rows, nextCursor } = await queryPage(
        tableName,
        { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ScanIndexForward: true },
        page,
        { pk },
        { client },
      );
      const items: RegisterEntryRef[] = rows.map((row) => ({
        number: Number(row.number),
        documentId: String(row.documentId),
        at: String(row.at),
      }));
      return { items, ...(nextCursor ? { nextCursor } : {}) };
    },
  };
}
