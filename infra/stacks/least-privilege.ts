/**
 * The IAM statements of a function's table and documents access, written out action by action instead
 * of the CDK's `grantReadWriteData`/`grantReadWrite` (which add whole-table and whole-bucket reads,
 * object-version deletes, `s3:List*` and `kms:ReEncrypt*`):
 * - the table by partition: each action's `dynamodb:LeadingKeys` is confined to the partitions the
 *   manifest declares for it (infra/table-access.ts); index queries on the index's own ARN, with the
 *   condition on the value the Query gives the index's partition key (`gsi1pk` = `APPLICANT#…`), the
 *   only partition key such a request names;
 * - the documents bucket by key prefix, deletes only where the manifest says so, the listing confined
 *   to the prefixes by `s3:prefix`;
 * - the platform key with the KMS actions those need, named (no `kms:ReEncrypt*`, no `GenerateDataKey*`).
 */
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { tableLayout } from '../../shared/adapters/dynamo/table-layout.ts';
import type { DocumentsAccess } from '../manifest.ts';
import type { Partitions, TableAccess } from '../table-access.ts';

/** The item actions of each declared use; BatchWriteItem (puts and deletes alike) is granted to none. */
export const tableActions = {
  reads: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'],
  writes: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:ConditionCheckItem'],
  deletes: ['dynamodb:DeleteItem'],
  indexes: ['dynamodb:Query'],
} as const;

const leadingKeys = (partitions: Partitions) => ({
  'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...partitions] },
});

export function tableStatements(table: ITableV2, access: TableAccess): PolicyStatement[] {
  const statements: PolicyStatement[] = [];
  for (const use of ['reads', 'writes', 'deletes'] as const) {
    const partitions = access[use];
    if (!partitions?.length) continue;
    statements.push(
      new PolicyStatement({
        actions: [...tableActions[use]],
        resources: [table.tableArn],
        conditions: leadingKeys(partitions),
      }),
    );
  }
  for (const [index, partitions] of Object.entries(access.indexes ?? {})) {
    if (!partitions.length) continue;
    const { indexName } = tableLayout.indexes[index as keyof typeof tableLayout.indexes];
    statements.push(
      new PolicyStatement({
        actions: [...tableActions.indexes],
        resources: [`${table.tableArn}/index/${indexName}`],
        conditions: leadingKeys(partitions),
      }),
    );
  }
  const key = table.encryptionKey;
  if (key) statements.push(...keyStatements(key, { decrypts: true, encrypts: writesTable(access) }));
  return statements;
}

export const writesTable = (access: TableAccess): boolean => Boolean(access.writes?.length || access.deletes?.length);

/** Object and listing statements of the documents bucket, by key prefix. */
export function documentsStatements(bucket: IBucket, documents: DocumentsAccess): PolicyStatement[] {
  const objects = documents.prefixes.map((prefix) => bucket.arnForObjects(`${prefix}*`));
  const actions = [
    's3:GetObject',
    ...(documents.mode === 'readwrite' ? ['s3:PutObject'] : []),
    ...(documents.deletes ? ['s3:DeleteObject'] : []),
  ];
  const statements = [
    new PolicyStatement({ actions, resources: objects }),
    listingStatement(bucket, documents.prefixes),
  ];
  if (bucket.encryptionKey) {
    statements.push(
      ...keyStatements(bucket.encryptionKey, { decrypts: true, encrypts: documents.mode === 'readwrite' }),
    );
  }
  return statements;
}

/** Objects a function only reads (the signing configuration): GetObject, the listing of their prefix. */
export function readObjectsStatements(bucket: IBucket, keys: readonly string[], listed: string): PolicyStatement[] {
  const statements = [
    new PolicyStatement({ actions: ['s3:GetObject'], resources: keys.map((key) => bucket.arnForObjects(key)) }),
    listingStatement(bucket, [listed]),
  ];
  if (bucket.encryptionKey)
    statements.push(...keyStatements(bucket.encryptionKey, { decrypts: true, encrypts: false }));
  return statements;
}

/**
 * ListBucket under the prefixes only. Nothing here lists, but S3 answers a missing object with 404 (not
 * 403) only to a caller that may list the bucket: complete-document-upload (HeadObject of an upload that
 * never came) and the signer (an optional certificate chain) tell the two apart. Whether a listing
 * confined by `s3:prefix` still earns the 404 is to be confirmed on a deployed stage; if not, those
 * paths fail closed (an error, never a wrong answer).
 */
function listingStatement(bucket: IBucket, prefixes: readonly string[]): PolicyStatement {
  return new PolicyStatement({
    actions: ['s3:ListBucket'],
    resources: [bucket.bucketArn],
    conditions: { StringLike: { 's3:prefix': prefixes.map((prefix) => `${prefix}*`) } },
  });
}

/** The platform key's actions, named: DescribeKey and Decrypt to read, Encrypt and GenerateDataKey to write. */
function keyStatements(key: IKey, use: { decrypts: boolean; encrypts: boolean }): PolicyStatement[] {
  const actions = [
    'kms:DescribeKey',
    ...(use.decrypts ? ['kms:Decrypt'] : []),
    ...(use.encrypts ? ['kms:Encrypt', 'kms:GenerateDataKey'] : []),
  ];
  return [new PolicyStatement({ actions, resources: [key.keyArn] })];
}
