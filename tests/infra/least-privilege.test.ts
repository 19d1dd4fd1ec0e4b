/**
 * Least privilege in the synthesized IAM policies: each function's table grants are the partitions its
 * manifest entry declares (dynamodb:LeadingKeys on every item action), deletes only where it deletes,
 * documents by key prefix, and no kms:ReEncrypt* anywhere.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/local/lambda.ts';
import { type FunctionName, functionNames, signingConfigPrefix, specOf, usesToken } from '../../infra/manifest.ts';
import { functionTag } from '../../infra/stacks/platform-function.ts';
import { tableActions } from '../../infra/stacks/least-privilege.ts';
import { matchesPartition, type Partitions } from '../../infra/table-access.ts';
import { keys } from '../../shared/adapters/dynamo/keys.ts';
import { tableLayout } from '../../shared/adapters/dynamo/table-layout.ts';
import { isOfficialRole } from '../../shared/domain/official.ts';
import { computeResources, logicalIdOf, type Resource, synthesizedApp } from './synth.ts';

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, string | string[]>>;
}

const synthesized = synthesizedApp();
const resources = computeResources(synthesized);
const actionsOf = (s: Statement): string[] => [s.Action].flat();

function statementsOf(name: FunctionName): Statement[] {
  const [fn] = Object.values(resources).filter(
    (r) =>
      r.Type === 'AWS::Lambda::Function' &&
      (r.Properties.Tags as Array<{ Key: string; Value: string }>).some(
        (t) => t.Key === functionTag && t.Value === name,
      ),
  );
  const roleId = logicalIdOf((fn as Resource).Properties.Role);
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy')
    .filter((p) => (p.Properties.Roles as unknown[]).some((r) => logicalIdOf(r) === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
}

/** What an event source mapping reads the table's stream with: on the stream's ARN, no item of the table. */
const streamActions = new Set([
  'dynamodb:DescribeStream',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:ListStreams',
]);
const dynamoStatements = (name: FunctionName) =>
  statementsOf(name).filter(
    (s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')) && !actionsOf(s).every((a) => streamActions.has(a)),
  );
const leadingKeysOf = (s: Statement): string[] | undefined =>
  [s.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] ?? []].flat().filter(Boolean) as string[];
const indexOf = (s: Statement): string | undefined => /\/index\/(\w+)/.exec(JSON.stringify(s.Resource))?.[1];
const sorted = (partitions: Partitions | undefined) => [...(partitions ?? [])].sort();

/** Grants of a whole table action without a LeadingKeys condition, where a prefix cannot do. None so far. */
const wholeTableExceptions: Partial<Record<FunctionName, string>> = {};

const tableFunctions = functionNames.filter((name) => specOf(name).access.table);

describe('table grants by partition', () => {
  it.each(tableFunctions)('%s: every DynamoDB action is confined by dynamodb:LeadingKeys', (name) => {
    const unconfined = dynamoStatements(name).filter((s) => !leadingKeysOf(s)?.length);
    expect(unconfined.length > 0).toBe(name in wholeTableExceptions);
  });

  it.each(tableFunctions)('%s: grants exactly the partitions its manifest entry declares, action by action', (name) => {
    const table = specOf(name).access.table ?? {};
    const onTable = dynamoStatements(name).filter((s) => !indexOf(s));
    // Statements with the same partitions are merged by CDK (reads and writes of the same ones): per action.
    const partitionsOf = (action: string) =>
      onTable.filter((s) => actionsOf(s).includes(action)).flatMap((s) => leadingKeysOf(s) ?? []);
    for (const use of ['reads', 'writes', 'deletes'] as const) {
      for (const action of tableActions[use]) {
        expect([...new Set(partitionsOf(action))].sort(), `${name} ${action}`).toEqual(sorted(table[use]));
      }
    }
    const onIndexes = dynamoStatements(name).filter((s) => indexOf(s));
    expect(Object.fromEntries(onIndexes.map((s) => [indexOf(s), leadingKeysOf(s)?.sort()]))).toEqual(
      Object.fromEntries(
        Object.entries(table.indexes ?? {}).map(([index, partitions]) => [
          tableLayout.indexes[index as keyof typeof tableLayout.indexes].indexName,
          sorted(partitions),
        ]),
      ),
    );
    for (const s of onIndexes) expect(actionsOf(s)).toEqual(['dynamodb:Query']);
  });

  it('grants the stream reads to its consumers only, on the stream', () => {
    for (const name of functionNames) {
      const onStream = statementsOf(name).filter((s) => actionsOf(s).some((a) => streamActions.has(a)));
      expect(onStream.length > 0, name).toBe(specOf(name).trigger.kind === 'stream');
      for (const s of onStream) expect(JSON.stringify(s.Resource), name).toMatch(/StreamArn|stream/i);
    }
  });

  it('grants BatchWriteItem, Scan and the transactions to no function', () => {
    for (const name of functionNames) {
      const actions = dynamoStatements(name).flatMap(actionsOf);
      expect(
        actions.filter((a) => /BatchWriteItem|Scan|Transact|\*/.test(a)),
        name,
      ).toEqual([]);
    }
  });

  it('keeps the portal off dossier writes, and the public look-up to its PIN counters', () => {
    const portal = specOf('portal').access.table;
    expect(portal?.writes).toEqual(['LOOKUP#*', 'LOOKUPCLIENT#*']);
    expect(portal?.deletes).toBeUndefined();
    const lookup = specOf('lookup-dossier').access.table;
    expect(lookup?.writes).toEqual(['LOOKUP#*', 'LOOKUPCLIENT#*']);
    expect(lookup?.deletes).toBeUndefined();
  });

  it.each(functionNames)('%s: reads the roster when officials call it', (name) => {
    // The roster is cached per container (shared/http/platform-roster.ts), so the local cloud's check may
    // not see every function read it: the rule is held here.
    const trigger = specOf(name).trigger;
    const officials = trigger.kind === 'http' && usesToken(trigger.auth) && trigger.auth.roles.some(isOfficialRole);
    if (officials) expect(specOf(name).access.table?.reads).toContain('OFFICIAL#*');
  });

  it.each(functionNames)('%s: its Idempotency-Key records in its own partition only', (name) => {
    const source = readFileSync(resolve(repoRoot, specOf(name).entry), 'utf8');
    const own = keys.idempotencyPartitions(name);
    const table = specOf(name).access.table;
    const declared = [...(table?.reads ?? []), ...(table?.writes ?? []), ...(table?.deletes ?? [])];
    expect(declared.filter((p) => p.startsWith('IDEMPOTENCY#') && p !== own)).toEqual([]);
    if (source.includes(`idempotencyKeyHeader('${name}')`)) {
      // Powertools reads, writes, and deletes the record of a request that failed.
      for (const use of [table?.reads, table?.writes, table?.deletes]) expect(use).toContain(own);
      // In the synthesized policy too: one pattern over the function's record partitions, each action.
      for (const action of ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']) {
        const granted = dynamoStatements(name)
          .filter((s) => !indexOf(s) && actionsOf(s).includes(action))
          .flatMap((s) => leadingKeysOf(s) ?? []);
        expect(
          granted.filter((p) => p.startsWith('IDEMPOTENCY#')),
          `${name} ${action}`,
        ).toEqual([own]);
      }
    } else {
      expect(declared).not.toContain(own);
    }
  });
});

describe('Idempotency-Key partitions', () => {
  const withRecords = functionNames.filter((name) =>
    readFileSync(resolve(repoRoot, specOf(name).entry), 'utf8').includes(`idempotencyKeyHeader('${name}')`),
  );

  it('spreads each function over many partitions, and no pattern reaches another function’s records', () => {
    expect(withRecords.length).toBeGreaterThan(1);
    for (const name of withRecords) {
      const own = specOf(name).access.table;
      // A record of the function itself: any digest under its prefix.
      expect(matchesPartition(own?.writes, keys.idempotency(name, '0f3a'))).toBe(true);
      // The old single partition is no longer granted: no function writes all its records in one place.
      expect(matchesPartition(own?.writes, `IDEMPOTENCY#${name}`)).toBe(false);
      for (const other of functionNames.filter((o) => o !== name)) {
        const theirs = specOf(other).access.table;
        for (const use of [theirs?.reads, theirs?.writes, theirs?.deletes])
          expect(matchesPartition(use, keys.idempotency(name, '0f3a')), `${other} → ${name}`).toBe(false);
      }
    }
  });
});

describe('documents by key prefix', () => {
  const s3Statements = (name: FunctionName) =>
    statementsOf(name).filter((s) => actionsOf(s).some((a) => a.startsWith('s3:')));

  it.each(functionNames)('%s: deletes documents only where its manifest entry says so', (name) => {
    const deletes = s3Statements(name)
      .flatMap(actionsOf)
      .filter((a) => /Delete|\*/.test(a));
    expect(deletes).toEqual(specOf(name).access.documents?.deletes ? ['s3:DeleteObject'] : []);
  });

  it.each(functionNames)('%s: lists the bucket under its own prefixes only', (name) => {
    const { documents, signing } = specOf(name).access;
    const own = [
      ...(documents?.prefixes ?? []).map((prefix) => `${prefix}*`),
      ...(signing ? [`${signingConfigPrefix}*`] : []),
    ];
    const listed = s3Statements(name).filter((x) => actionsOf(x).includes('s3:ListBucket'));
    for (const s of listed) expect(actionsOf(s)).toEqual(['s3:ListBucket']);
    expect(new Set(listed.flatMap((s) => [s.Condition?.StringLike?.['s3:prefix'] ?? []].flat()))).toEqual(new Set(own));
  });

  it('keeps verify-signature off the citizens’ uploads: signed results and the trusted roots only', () => {
    const objects = s3Statements('verify-signature')
      .filter((s) => !actionsOf(s).includes('s3:ListBucket'))
      .flatMap((s) => [s.Resource].flat().map((r) => JSON.stringify(r)));
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects)
      expect(object).toMatch(/\/dossiers\/\*\/results\/\*"|\/config\/signing\/trusted-roots\.pem"/);
    const actions = s3Statements('verify-signature').flatMap(actionsOf);
    expect(new Set(actions)).toEqual(new Set(['s3:GetObject', 's3:ListBucket']));
  });
});

describe('KMS', () => {
  it('grants kms:ReEncrypt* to no one, in any stack', () => {
    for (const [stack, template] of Object.entries(synthesized.templates)) {
      expect(JSON.stringify(template.toJSON()), stack).not.toMatch(/kms:ReEncrypt/);
    }
  });

  it.each(functionNames)('%s: names its KMS actions (no wildcard) and encrypts only if it writes', (name) => {
    const { table, documents } = specOf(name).access;
    const kms = statementsOf(name)
      .flatMap(actionsOf)
      .filter((a) => a.startsWith('kms:') && a !== 'kms:Sign' && a !== 'kms:GetPublicKey');
    for (const action of kms) expect(action).not.toMatch(/\*/);
    const writes = Boolean(table?.writes?.length || table?.deletes?.length) || documents?.mode === 'readwrite';
    expect(kms.includes('kms:GenerateDataKey')).toBe(writes);
  });
});
