/**
 * IAM of the table, as the local cloud can hold it: the emulator grants everything, so the grants
 * the CDK app derives from the manifest (`access.table`) would go untested. The invoker runs each
 * handler inside {@link runAs}; a middleware on the functions' DynamoDB client reads every request's
 * partition keys and refuses (as DynamoDB would, AccessDeniedException) one the function's manifest
 * entry does not declare: a missing declaration fails the integration test that takes the path.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync } from 'node:fs';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { tableLayout } from '../../shared/adapters/dynamo/table-layout.ts';
import { type FunctionName, specOf } from '../manifest.ts';
import { type TableUse, tableAllows } from '../table-access.ts';

const running = new AsyncLocalStorage<FunctionName>();

/** Runs `work` as function `name`: its table requests are checked against its manifest entry. */
export const runAs = <T>(name: FunctionName, work: () => T): T => running.run(name, work);

/** One request's use of one partition. */
export interface PartitionUse extends TableUse {
  function: FunctionName;
  operation: string;
}

/** Refusals so far (a test may assert there were none; each also failed its request). */
export const tableAccessRefusals: PartitionUse[] = [];

type AttributeValue = string | { S?: string };
type Key = Record<string, AttributeValue | undefined>;
interface Input {
  Key?: Key;
  Item?: Key;
  IndexName?: string;
  KeyConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, AttributeValue>;
  RequestItems?: Record<string, Array<{ PutRequest?: { Item: Key }; DeleteRequest?: { Key: Key } }> | { Keys: Key[] }>;
  TransactItems?: Array<Record<string, Input | undefined>>;
}

/** A key attribute's string, marshalled (`{ S }`, the client's own commands) or not (the document client's). */
const text = (value: AttributeValue | undefined): string => (typeof value === 'string' ? value : (value?.S ?? ''));
const pkOf = (key: Key | undefined): string => text(key?.[tableLayout.partitionKey]);

/** The document client's command names, as the low-level client's. */
const operations: Record<string, string> = {
  GetCommand: 'GetItemCommand',
  PutCommand: 'PutItemCommand',
  UpdateCommand: 'UpdateItemCommand',
  DeleteCommand: 'DeleteItemCommand',
  QueryCommand: 'QueryCommand',
  ScanCommand: 'ScanCommand',
  BatchGetCommand: 'BatchGetItemCommand',
  BatchWriteCommand: 'BatchWriteItemCommand',
  TransactWriteCommand: 'TransactWriteItemsCommand',
  TransactGetCommand: 'TransactGetItemsCommand',
};

/** The partition each request of `operation` touches, with how (IAM's action per item). */
export function partitionUses(operation: string, input: Input): TableUse[] {
  switch (operation) {
    case 'GetItemCommand':
      return [{ action: 'read', partition: pkOf(input.Key) }];
    case 'PutItemCommand':
      return [{ action: 'write', partition: pkOf(input.Item) }];
    case 'UpdateItemCommand':
      return [{ action: 'write', partition: pkOf(input.Key) }];
    case 'DeleteItemCommand':
      return [{ action: 'delete', partition: pkOf(input.Key) }];
    case 'QueryCommand':
      return [queried(input)];
    case 'BatchGetItemCommand':
      return Object.values(input.RequestItems ?? {}).flatMap((r) =>
        'Keys' in r ? r.Keys.map((k) => ({ action: 'read' as const, partition: pkOf(k) })) : [],
      );
    case 'BatchWriteItemCommand':
      return Object.values(input.RequestItems ?? {}).flatMap((r) =>
        Array.isArray(r)
          ? r.map((w) =>
              w.DeleteRequest
                ? { action: 'delete' as const, partition: pkOf(w.DeleteRequest.Key) }
                : { action: 'batch-write' as const, partition: pkOf(w.PutRequest?.Item) },
            )
          : [],
      );
    case 'TransactWriteItemsCommand':
      return (input.TransactItems ?? []).flatMap((item) =>
        Object.entries(item).flatMap(([kind, inner]) => partitionUses(transactOperations[kind] ?? kind, inner ?? {})),
      );
    case 'ConditionCheckItem':
      return [{ action: 'write', partition: pkOf(input.Key) }];
    default:
      // Scan and anything else: the whole table, which no function is granted.
      return [{ action: 'read', partition: '*' }];
  }
}

/** A transaction's parts, as the single-item operations whose IAM action they need. */
const transactOperations: Record<string, string> = {
  Put: 'PutItemCommand',
  Update: 'UpdateItemCommand',
  Delete: 'DeleteItemCommand',
  ConditionCheck: 'ConditionCheckItem',
};

/** A Query's partition: the value its key condition gives the table's (or the index's) partition key. */
function queried(input: Input): TableUse {
  const index = Object.values(tableLayout.indexes).find((i) => i.indexName === input.IndexName);
  const attribute = index ? index.partitionKey : tableLayout.partitionKey;
  const names = input.ExpressionAttributeNames ?? {};
  for (const [, name = '', placeholder = ''] of (input.KeyConditionExpression ?? '').matchAll(
    /(#?\w+)\s*=\s*(:\w+)/g,
  )) {
    if ((names[name] ?? name) === attribute) {
      const partition = text(input.ExpressionAttributeValues?.[placeholder]);
      return index ? { action: 'read', index: index.indexName, partition } : { action: 'read', partition };
    }
  }
  return index ? { action: 'read', index: index.indexName, partition: '*' } : { action: 'read', partition: '*' };
}

class AccessDeniedException extends Error {
  override readonly name = 'AccessDeniedException';
  readonly $fault = 'client';
}

/**
 * Checks the requests of the functions `runAs` runs; other callers (seeding, the tests) are not checked.
 * With EGOV_TABLE_ACCESS_LOG set to a file, every use is appended to it (JSON lines, with `allowed`) and
 * nothing is refused: how to find what a new or changed function touches, before declaring it.
 */
export function checkTableAccess(client: DynamoDBClient): void {
  if (installed.has(client)) return;
  installed.add(client);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = running.getStore();
      if (name) {
        const named = String(context.commandName ?? '');
        const operation = operations[named] ?? named;
        const logFile = process.env.EGOV_TABLE_ACCESS_LOG;
        for (const use of partitionUses(operation, args.input as Input)) {
          const allowed = tableAllows(specOf(name).access.table, use);
          if (logFile) {
            appendFileSync(logFile, `${JSON.stringify({ function: name, operation, ...use, allowed })}\n`);
            continue;
          }
          if (allowed) continue;
          const refusal = { function: name, operation, ...use };
          tableAccessRefusals.push(refusal);
          // Logged as well as thrown: a caller that swallows the error must not hide the missing declaration.
          console.error(`[local-cloud] table access refused: ${JSON.stringify(refusal)}`);
          throw new AccessDeniedException(
            `${name} is not authorized to perform ${operation} on partition ${use.partition}${use.index ? ` of index ${use.index}` : ''}: its manifest entry (access.table) does not declare it`,
          );
        }
      }
      return next(args);
    },
    { step: 'build', name: 'egovTableAccessCheck' },
  );
}

const installed = new WeakSet<DynamoDBClient>();
