/**
 * The synthesized stacks against infra/manifest.ts and docs/design.md: one synthesis (no bundling) for
 * every assertion of this file.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { gatewayRoutes } from '../../infra/local/gateway.ts';
import { repoRoot as repoRootDir } from '../../infra/local/lambda.ts';
import {
  consumersOf,
  type FunctionName,
  functionNames,
  httpRoutes,
  queueConsumers,
  signingConfigPrefix,
  specOf,
  partnersOf,
  usesToken,
  visibilityTimeoutSeconds,
} from '../../infra/manifest.ts';
import { publicFunctions } from '../../infra/concurrency.ts';
import { settingsOf } from '../../infra/function-settings.ts';
import { nagPackNames } from '../../infra/nag.ts';
import { apiThrottle } from '../../infra/stacks/api.ts';
import { functionTag } from '../../infra/stacks/platform-function.ts';
import { contextKeys } from '../../infra/stacks/settings.ts';
import { tableLayout } from '../../shared/adapters/dynamo/table-layout.ts';
import { defaultSmsMilestones } from '../../shared/domain/event-interest.ts';
import { type PartnerName, partnerNames } from '../../shared/domain/partners/partner.ts';
import { functionSettings, functionSettingsVariable } from '../../shared/function-settings.ts';
import {
  acknowledgements,
  computeStackKeys,
  logicalIdOf,
  producedValue,
  type StackKey,
  synthesizedApp,
  synthesizedRouteKeys,
} from './synth.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- CloudFormation JSON
type Resource = { Type: string; Properties: any; DeletionPolicy?: string };

const synthesized = synthesizedApp();
const { templates, app, stackNames: stackIds } = synthesized;
const context = (key: string): unknown => app.node.tryGetContext(key);

const resourcesOf = (stack: StackKey, type: string): Record<string, Resource> =>
  templates[stack].findResources(type) as Record<string, Resource>;
/** Resources of a type across the compute stacks (a function's own resources share its stack). */
const computeResources = (type: string): Record<string, Resource> =>
  Object.assign({}, ...computeStackKeys.map((stack) => resourcesOf(stack, type))) as Record<string, Resource>;
const only = <T>(record: Record<string, T>): [string, T] => {
  const entries = Object.entries(record);
  if (entries.length !== 1) throw new Error(`Expected exactly one, found ${entries.map(([id]) => id).join(', ')}`);
  return entries[0] as [string, T];
};
const resolved = (value: unknown) => producedValue(templates, value);

/** Logical id of the Lambda built from manifest entry `name` (found by its tag). */
function functionId(name: FunctionName): string {
  const matches = Object.entries(computeResources('AWS::Lambda::Function')).filter(([, fn]) =>
    (fn.Properties.Tags as Array<{ Key: string; Value: string }>).some(
      (tag) => tag.Key === functionTag && tag.Value === name,
    ),
  );
  expect(matches, `exactly one Lambda tagged ${functionTag}=${name}`).toHaveLength(1);
  return (matches[0] as [string, Resource])[0];
}
const functionOf = (name: FunctionName): Resource =>
  computeResources('AWS::Lambda::Function')[functionId(name)] as Resource;

/** The messaging stack's queue (logical id) consumed by `name`. */
function queueIdOf(name: FunctionName): string {
  const [id] = only(
    templates.messaging.findResources('AWS::SQS::Queue', {
      Properties: { QueueName: `${stackIds.messaging}-${name}` },
    }),
  );
  return id;
}

describe('functions', () => {
  it('builds every manifest function, and nothing else, as exactly one Lambda', () => {
    const all = (Object.keys(templates) as StackKey[]).flatMap((stack) =>
      Object.keys(resourcesOf(stack, 'AWS::Lambda::Function')),
    );
    expect(all).toHaveLength(functionNames.length);
    expect(new Set(functionNames.map(functionId)).size).toBe(functionNames.length);
  });

  it.each(functionNames)('%s: nodejs24.x on arm64 with the manifest memory, timeout and description', (name) => {
    const spec = specOf(name);
    const fn = functionOf(name).Properties;
    expect(fn.Runtime).toBe('nodejs24.x');
    expect(fn.Architectures).toEqual(['arm64']);
    expect(fn.MemorySize).toBe(spec.memoryMb);
    expect(fn.Timeout).toBe(spec.timeoutSeconds);
    expect(fn.Handler).toBe('index.handler');
    expect(fn.Description).toBe(`${name}: ${spec.description}`);
    // Logs billed by the byte: JSON, without Lambda's START/END/REPORT lines (INFO).
    expect(fn.LoggingConfig).toMatchObject({ LogFormat: 'JSON', SystemLogLevel: 'WARN', ApplicationLogLevel: 'INFO' });
    expect(fn.Environment.Variables).toMatchObject({
      NODE_OPTIONS: '--enable-source-maps',
      POWERTOOLS_SERVICE_NAME: 'egov-one-stop',
      POWERTOOLS_METRICS_NAMESPACE: 'EgovOneStop',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      PROVINCE_CODE: context('egov:provinceCode'),
    });
    // Its own log group, with a retention.
    const logGroup = computeResources('AWS::Logs::LogGroup')[logicalIdOf(fn.LoggingConfig?.LogGroup) ?? ''];
    expect(logGroup?.Properties.RetentionInDays).toBeGreaterThan(0);
  });

  it.each(functionNames)(
    '%s: finds its own manifest entry’s route and timeout in its environment, no other',
    (name) => {
      const env = functionOf(name).Properties.Environment.Variables as Record<string, unknown>;
      expect(typeof env[functionSettingsVariable]).toBe('string');
      const settings = JSON.parse(env[functionSettingsVariable] as string) as Record<string, unknown>;
      expect(Object.keys(settings)).toEqual([name]);
      expect(functionSettings(name, env as Record<string, string>)).toEqual(settingsOf(name, specOf(name)));
    },
  );

  it.each(functionNames)('%s: reads and writes documents under its manifest prefixes only', (name) => {
    const { access } = specOf(name);
    const roleId = logicalIdOf(functionOf(name).Properties.Role);
    const s3Statements = Object.values(computeResources('AWS::IAM::Policy'))
      .filter((p) => (p.Properties.Roles as unknown[]).some((r) => logicalIdOf(r) === roleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>)
      .filter((st) => [st.Action].flat().some((a) => a.startsWith('s3:')));
    // Object keys granted: the literal tail of each resource ARN (`/dossiers/*/results/*`).
    const keys = s3Statements
      .flatMap((st) => [st.Resource].flat())
      .map((r) => JSON.stringify(resolved(r)).match(/"(\/[^"]*\*)"/)?.[1])
      .filter((k): k is string => k !== undefined);
    // The signing configuration (access.signing) has its own grants, tested with the signing setup.
    const documentKeys = keys.filter((key) => !key.startsWith(`/${signingConfigPrefix}`));
    expect(new Set(documentKeys)).toEqual(new Set((access.documents?.prefixes ?? []).map((prefix) => `/${prefix}*`)));
  });

  it('lets the public verify-signature read signed results only, never citizens’ uploads', () => {
    expect(specOf('verify-signature').access.documents?.prefixes).toEqual(['dossiers/*/results/']);
  });

  it.each(functionNames)('%s: PUBLIC_URL is the edge distribution’s address, where the portal is served', (name) => {
    // Without `egov:domainName` (no custom domain in cdk.json): CloudFront's own https://<id>.cloudfront.net.
    const [distributionId] = Object.keys(resourcesOf('edge', 'AWS::CloudFront::Distribution'));
    const url = functionOf(name).Properties.Environment.Variables.PUBLIC_URL as { 'Fn::Join': [string, unknown[]] };
    const [scheme, domain] = url['Fn::Join'][1];
    expect(scheme).toBe('https://');
    expect(resolved(domain)).toEqual({ 'Fn::GetAtt': [distributionId, 'DomainName'] });
  });

  it.each(functionNames)('%s: declares access.sealsRecords exactly when its handler keeps replay records', (name) => {
    const source = readFileSync(resolve(repoRootDir, specOf(name).entry), 'utf8');
    const keepsRecords = /idempotencyKeyHeader\(|composition\/file-dossier|dvcqgClaims|requestClaims/.test(source);
    expect(specOf(name).access.sealsRecords === true).toBe(keepsRecords);
  });

  it.each(functionNames)('%s: grants and environment variables come together from its access', (name) => {
    const { access } = specOf(name);
    const fn = functionOf(name).Properties;
    const env = fn.Environment.Variables as Record<string, unknown>;
    const roleId = logicalIdOf(fn.Role);
    const statements = Object.values(computeResources('AWS::IAM::Policy'))
      .filter((p) => (p.Properties.Roles as unknown[]).some((r) => logicalIdOf(r) === roleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: unknown }>);
    const actions = new Set(statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])));

    expect('TABLE_NAME' in env).toBe(access.table !== undefined);
    if (access.table) {
      expect(logicalIdOf(resolved(env.TABLE_NAME))).toBe(only(resourcesOf('data', 'AWS::DynamoDB::GlobalTable'))[0]);
      expect(actions).toContain('dynamodb:Query');
    }
    // Partition by partition (tests/infra/least-privilege.test.ts): a write grant only where writes are declared.
    const writes = Boolean(access.table?.writes?.length);
    expect(actions.has('dynamodb:PutItem')).toBe(writes);
    expect(actions.has('dynamodb:UpdateItem')).toBe(writes);
    expect('DOCUMENTS_BUCKET' in env).toBe(access.documents !== undefined);

    // A partner's secret: its ARN in the environment (never its value) and read access to that secret only.
    // The record seal secret likewise, for a function that keeps replay records (access.sealsRecords).
    const partners = partnersOf(specOf(name));
    const seals = access.sealsRecords === true;
    // The look-up PIN pepper likewise, for a function that hashes or checks PINs (access.hashesPins).
    const peppers = access.hashesPins === true;
    // The edge's origin-verify secret, for a function reachable without a token (edge-origin.ts).
    const behindEdge = publicFunctions.includes(name);
    expect(actions.has('secretsmanager:GetSecretValue')).toBe(partners.length > 0 || seals || peppers || behindEdge);
    expect('ORIGIN_VERIFY_SECRET_ARN' in env).toBe(behindEdge);
    expect('PARTNER_SECRET_ARNS' in env).toBe(partners.length > 0);
    expect('RECORD_SEAL_SECRET_ARN' in env).toBe(seals);
    expect('LOOKUP_PIN_PEPPER_ARN' in env).toBe(peppers);
    const secretsRead = statements
      .filter((s) => [s.Action].flat().includes('secretsmanager:GetSecretValue'))
      .flatMap((s) => [s.Resource].flat().map((r) => logicalIdOf(resolved(r))));
    expect(new Set(secretsRead)).toEqual(
      new Set([
        ...partners.map(partnerSecretId),
        ...(seals ? [recordSealSecretId()] : []),
        ...(peppers ? [pinPepperId()] : []),
        ...(behindEdge ? [originVerifySecretId()] : []),
      ]),
    );
    if (seals) expect(logicalIdOf(resolved(env.RECORD_SEAL_SECRET_ARN))).toBe(recordSealSecretId());
    if (peppers) expect(logicalIdOf(resolved(env.LOOKUP_PIN_PEPPER_ARN))).toBe(pinPepperId());
    if (partners.length > 0) {
      const arns = JSON.stringify(env.PARTNER_SECRET_ARNS);
      for (const partner of partners) expect(arns).toContain(partner);
    }

    expect('EVENT_QUEUES' in env).toBe(access.emits !== undefined);
    // A scheduled function also sends its failed asynchronous runs to its own dead-letter queue, and a consumer
    // of the table's stream the records it could not handle (its on-failure destination).
    const { kind } = specOf(name).trigger;
    expect(actions.has('sqs:SendMessage')).toBe(
      (access.emits ?? []).some((type) => consumersOf(type).length > 0) || kind === 'schedule' || kind === 'stream',
    );
    if (access.emits) {
      // Substitute each queue URL reference by the name of the consumer whose queue it is, then parse.
      const parts = (env.EVENT_QUEUES as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
      const json = parts
        .map((part) => {
          if (typeof part === 'string') return part;
          const queueId = logicalIdOf(resolved(part));
          return queueConsumers.find((consumer) => queueIdOf(consumer) === queueId) ?? `unknown ${queueId}`;
        })
        .join('');
      const routes = JSON.parse(json) as Record<string, { url: string; actsOn?: string; steps?: string[] }[]>;
      const expected = Object.fromEntries(access.emits.map((type) => [type, consumersOf(type)]));
      expect(
        Object.fromEntries(Object.entries(routes).map(([type, r]) => [type, r.map((route) => route.url)])),
      ).toEqual(expected);
      // Each route carries what its consumer acts on, from the manifest; the texts, the default milestones.
      for (const list of Object.values(routes)) {
        for (const route of list) {
          const trigger = specOf(route.url as FunctionName).trigger;
          expect(route.actsOn).toBe(trigger.kind === 'queue' ? trigger.actsOn : undefined);
          expect(route.steps).toEqual(route.actsOn === 'texts-applicant' ? [...defaultSmsMilestones] : undefined);
        }
      }
    }
  });

  it('every HTTP function has its route, public and partner routes no authorizer, the others the JWT authorizer', () => {
    const routes = computeResources('AWS::ApiGatewayV2::Route');
    const integrations = computeResources('AWS::ApiGatewayV2::Integration');
    expect(Object.keys(routes)).toHaveLength(httpRoutes.length);
    for (const route of httpRoutes) {
      // The route lives with its function, on the Api stack's API, with the Api stack's authorizer.
      const stack = computeStackKeys.find((key) => functionId(route.name) in resourcesOf(key, 'AWS::Lambda::Function'));
      if (!stack) throw new Error(`No compute stack holds ${route.name}`);
      const [, found] = only(
        Object.fromEntries(
          Object.entries(resourcesOf(stack, 'AWS::ApiGatewayV2::Route')).filter(
            ([, r]) => r.Properties.RouteKey === `${route.method} ${route.path}`,
          ),
        ),
      );
      const [apiId] = only(resourcesOf('api', 'AWS::ApiGatewayV2::Api'));
      expect(resolved(found.Properties.ApiId)).toEqual({ Ref: apiId });
      if (!usesToken(route.auth)) {
        expect(found.Properties.AuthorizationType).toBe('NONE');
        expect(found.Properties.AuthorizerId).toBeUndefined();
      } else {
        expect(found.Properties.AuthorizationType).toBe('JWT');
        const [authorizerId] = only(resourcesOf('api', 'AWS::ApiGatewayV2::Authorizer'));
        expect(resolved(found.Properties.AuthorizerId)).toEqual({ Ref: authorizerId });
      }
      const integrationId = logicalIdOf(found.Properties.Target['Fn::Join'][1][1]);
      const integration = integrations[integrationId ?? ''];
      expect(integration?.Properties.IntegrationType).toBe('AWS_PROXY');
      expect(integration?.Properties.PayloadFormatVersion).toBe('2.0');
      expect(logicalIdOf(integration?.Properties.IntegrationUri)).toBe(functionId(route.name));
    }
  });

  it('exposes exactly the routes the local cloud mounts, which are the manifest’s', () => {
    const mountedLocally = gatewayRoutes()
      .map((r) => r.routeKey)
      .sort();
    expect(synthesizedRouteKeys()).toEqual(mountedLocally);
    expect(mountedLocally).toEqual(httpRoutes.map((r) => `${r.method} ${r.path}`).sort());
    expect(mountedLocally).toContain('GET /v1/dossiers/{code}');
  });

  it('deploys no local-only route (/local…)', () => {
    const keys = synthesizedRouteKeys();
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key.split(' ')[1]?.startsWith('/local')).toBe(false);
  });

  it.each(queueConsumers)('%s: consumes its own queue with ReportBatchItemFailures', (name) => {
    const trigger = specOf(name).trigger;
    if (trigger.kind !== 'queue') throw new Error('not a queue consumer');
    const [, mapping] = only(
      Object.fromEntries(
        Object.entries(computeResources('AWS::Lambda::EventSourceMapping')).filter(
          ([, m]) => logicalIdOf(m.Properties.FunctionName) === functionId(name),
        ),
      ),
    );
    expect(logicalIdOf(resolved(mapping.Properties.EventSourceArn))).toBe(queueIdOf(name));
    expect(mapping.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    expect(mapping.Properties.BatchSize).toBe(trigger.batchSize);
    expect(mapping.Properties.MaximumBatchingWindowInSeconds).toBeLessThanOrEqual(5);
  });

  it('schedules every schedule-triggered function in Asia/Ho_Chi_Minh, with retries and a dead-letter queue', () => {
    const scheduled = functionNames.filter((name) => specOf(name).trigger.kind === 'schedule');
    const schedules = Object.values(resourcesOf('jobs', 'AWS::Scheduler::Schedule'));
    expect(schedules).toHaveLength(scheduled.length);
    for (const name of scheduled) {
      const trigger = specOf(name).trigger;
      if (trigger.kind !== 'schedule') continue;
      const schedule = schedules.find((s) => logicalIdOf(resolved(s.Properties.Target.Arn)) === functionId(name));
      expect(schedule, `a schedule for ${name}`).toBeDefined();
      expect(schedule?.Properties).toMatchObject({
        ScheduleExpression: trigger.expression,
        ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
        State: 'ENABLED',
        Target: { RetryPolicy: { MaximumRetryAttempts: expect.any(Number) } },
      });
      const dlq = logicalIdOf(resolved(schedule?.Properties.Target.DeadLetterConfig.Arn));
      expect(functionOf(name).Properties.DeadLetterConfig.TargetArn).toEqual({ 'Fn::GetAtt': [dlq, 'Arn'] });
    }
  });
});

/** The data stack's secret shared with `partner` (found by its description). */
function partnerSecretId(partner: PartnerName): string {
  const [id] = only(
    Object.fromEntries(
      Object.entries(resourcesOf('data', 'AWS::SecretsManager::Secret')).filter(([, s]) =>
        String(s.Properties.Description).endsWith(`(${partner})`),
      ),
    ),
  );
  return id;
}

/** The data stack's secret whose description says `described`. */
function secretId(described: string): string {
  const [id] = only(
    Object.fromEntries(
      Object.entries(resourcesOf('data', 'AWS::SecretsManager::Secret')).filter(([, s]) =>
        String(s.Properties.Description).includes(described),
      ),
    ),
  );
  return id;
}

const recordSealSecretId = () => secretId('seals Idempotency-Key records');
const pinPepperId = () => secretId('pepper of the look-up PINs');
/** The edge stack's one secret: what CloudFront sends to the origin. */
const originVerifySecretId = () => only(resourcesOf('edge', 'AWS::SecretsManager::Secret'))[0];

describe('data', () => {
  const [keyId, key] = only(resourcesOf('data', 'AWS::KMS::Key'));

  it('one generated secret per partner, the record seal secret and the PIN pepper, retained', () => {
    const secrets = resourcesOf('data', 'AWS::SecretsManager::Secret');
    expect(Object.keys(secrets)).toHaveLength(partnerNames.length + 2);
    for (const id of [...partnerNames.map(partnerSecretId), recordSealSecretId(), pinPepperId()]) {
      const secret = secrets[id] as Resource;
      expect(secret.Properties.GenerateSecretString).toBeDefined();
      expect(secret.Properties.SecretString).toBeUndefined();
      expect(secret.DeletionPolicy).toBe('Retain');
    }
  });

  const [, table] = only(resourcesOf('data', 'AWS::DynamoDB::GlobalTable'));

  it('has a customer-managed key with rotation', () => {
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(key.DeletionPolicy).toBe('Retain');
  });

  it('relays the events from the table’s stream: new images, only the writes that carry events, retried, then its DLQ', () => {
    expect(table.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
    const trigger = specOf('relay-events').trigger;
    if (trigger.kind !== 'stream') throw new Error('relay-events reads the stream');
    const mappings = Object.values(computeResources('AWS::Lambda::EventSourceMapping')).filter(
      (m) => logicalIdOf(m.Properties.FunctionName) === functionId('relay-events'),
    );
    expect(mappings).toHaveLength(1);
    expect(mappings[0]?.Properties).toMatchObject({
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: trigger.batchSize,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: trigger.maxRetries,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      FilterCriteria: {
        Filters: [
          { Pattern: JSON.stringify({ dynamodb: { NewImage: { outboxVersion: { N: [{ exists: true }] } } } }) },
        ],
      },
    });
    expect(mappings[0]?.Properties.DestinationConfig?.OnFailure?.Destination).toBeDefined();
  });

  it('table: keys and indexes of tableLayout (projecting keys), on-demand, PITR, deletion protection, TTL, KMS', () => {
    const p = table.Properties;
    expect(p.KeySchema).toEqual([
      { AttributeName: tableLayout.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableLayout.sortKey, KeyType: 'RANGE' },
    ]);
    const indexes = Object.values(tableLayout.indexes).map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      // Keys, and what a reader needs beyond them: an index copy is billed at its size on every write.
      Projection: {
        byApplicant: { ProjectionType: 'KEYS_ONLY' },
        byAgencyDue: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['status'] },
        pendingOutbox: { ProjectionType: 'KEYS_ONLY' },
        openByDueDay: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['id', 'published'] },
      }[index.indexName],
    }));
    expect(p.GlobalSecondaryIndexes).toEqual(indexes);
    for (const attribute of p.AttributeDefinitions) expect(attribute.AttributeType).toBe('S');
    expect(p.BillingMode).toBe('PAY_PER_REQUEST');
    expect(p.TimeToLiveSpecification).toEqual({ AttributeName: tableLayout.timeToLiveAttribute, Enabled: true });
    expect(p.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS' });
    expect(p.Replicas).toHaveLength(1);
    expect(p.Replicas[0]).toMatchObject({
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      SSESpecification: { KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } },
    });
    expect(table.DeletionPolicy).toBe('Retain');
  });

  const buckets = resourcesOf('data', 'AWS::S3::Bucket');
  const policies = Object.values(resourcesOf('data', 'AWS::S3::BucketPolicy'));
  const [documentsId, documents] = Object.entries(buckets).find(([, b]) => b.Properties.LoggingConfiguration) ?? [];

  it.each(Object.keys(buckets))('bucket %s: public access blocked, SSL only, versioned, retained', (id) => {
    const bucket = buckets[id] as Resource;
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.DeletionPolicy).toBe('Retain');
    const policy = policies.find((p) => logicalIdOf(p.Properties.Bucket) === id);
    expect(policy?.Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 's3:*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
    expect(bucket.Properties.LifecycleConfiguration.Rules.length).toBeGreaterThan(0);
  });

  it('documents bucket: KMS with the platform key, access logs to the other bucket', () => {
    expect(documentsId).toBeDefined();
    const p = documents?.Properties;
    expect(p.BucketEncryption.ServerSideEncryptionConfiguration[0]).toEqual({
      BucketKeyEnabled: true,
      ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [keyId, 'Arn'] } },
    });
    const logsId = logicalIdOf(p.LoggingConfiguration.DestinationBucketName);
    expect(logsId).not.toBe(documentsId);
    expect(Object.keys(buckets)).toContain(logsId);
    expect(p.CorsConfiguration.CorsRules[0].AllowedOrigins).toEqual(context(contextKeys.corsOrigins));
  });
});

describe('messaging', () => {
  const alarms = Object.values(resourcesOf('observability', 'AWS::CloudWatch::Alarm'));
  const [topicId] = only(resourcesOf('observability', 'AWS::SNS::Topic'));
  const queuePolicies = Object.values(resourcesOf('messaging', 'AWS::SQS::QueuePolicy'));
  const sslOnly = (queueId: string) =>
    queuePolicies.some(
      (p) =>
        logicalIdOf(p.Properties.Queues[0]) === queueId &&
        JSON.stringify(p.Properties.PolicyDocument).includes('"aws:SecureTransport":"false"'),
    );
  /** The alarm watching the depth of a dead-letter queue, by the queue's `QueueName` reference. */
  const queueAlarm = (metric: string, queueId: string) =>
    alarms.find(
      (a) =>
        a.Properties.MetricName === metric &&
        a.Properties.Dimensions.some(
          (d: { Name: string; Value: unknown }) =>
            d.Name === 'QueueName' &&
            JSON.stringify(resolved(d.Value)) === JSON.stringify({ 'Fn::GetAtt': [queueId, 'QueueName'] }),
        ),
    );
  const depthAlarm = (dlqId: string) => queueAlarm('ApproximateNumberOfMessagesVisible', dlqId);

  it('has one queue and one dead-letter queue per queue consumer, and no other queue', () => {
    expect(Object.keys(resourcesOf('messaging', 'AWS::SQS::Queue'))).toHaveLength(queueConsumers.length * 2);
  });

  it.each(queueConsumers)('%s: redrive to its DLQ, visibility ≥ 6 × timeout, encrypted, SSL only, alarmed', (name) => {
    const trigger = specOf(name).trigger;
    if (trigger.kind !== 'queue') throw new Error('not a queue consumer');
    const queueId = queueIdOf(name);
    const queue = resourcesOf('messaging', 'AWS::SQS::Queue')[queueId] as Resource;
    const dlqId = logicalIdOf(queue.Properties.RedrivePolicy.deadLetterTargetArn) ?? '';
    const dlq = resourcesOf('messaging', 'AWS::SQS::Queue')[dlqId] as Resource;
    expect(queue.Properties.RedrivePolicy.maxReceiveCount).toBe(trigger.maxReceiveCount);
    expect(dlq.Properties.QueueName).toBe(`${stackIds.messaging}-${name}-dlq`);
    expect(queue.Properties.VisibilityTimeout).toBe(visibilityTimeoutSeconds(name));
    expect(queue.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * specOf(name).timeoutSeconds);
    // SQS's longest retention on both: an event waits two weeks for a consumer that is down.
    expect(queue.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
    expect(dlq.Properties.MessageRetentionPeriod).toBe(14 * 24 * 3600);
    for (const [id, q] of [
      [queueId, queue],
      [dlqId, dlq],
    ] as const) {
      expect(q.Properties.SqsManagedSseEnabled ?? q.Properties.KmsMasterKeyId).toBeTruthy();
      expect(sslOnly(id), `${id} refuses non-TLS requests`).toBe(true);
    }
    const alarm = depthAlarm(dlqId);
    expect(alarm, `an alarm on the DLQ of ${name}`).toBeDefined();
    expect(alarm?.Properties).toMatchObject({
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [{ Ref: topicId }],
    });
    // A backlog-age alarm on the queue: older than visibility timeout × receives means nothing consumes it.
    expect(queueAlarm('ApproximateAgeOfOldestMessage', queueId)?.Properties, `backlog age of ${name}`).toMatchObject({
      Threshold: visibilityTimeoutSeconds(name) * trigger.maxReceiveCount,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [{ Ref: topicId }],
    });
  });

  it("alarms on each schedule function's dead-letter queue too", () => {
    for (const [name, fn] of synthesized.functions) {
      if (!fn.deadLetterQueue) continue;
      const dlqId = logicalIdOf(functionOf(name).Properties.DeadLetterConfig.TargetArn) ?? '';
      expect(depthAlarm(dlqId), `an alarm on the DLQ of ${name}`).toBeDefined();
    }
  });
});

describe('api', () => {
  const [apiId, api] = only(resourcesOf('api', 'AWS::ApiGatewayV2::Api'));
  const [, stage] = only(resourcesOf('api', 'AWS::ApiGatewayV2::Stage'));

  it('default stage: throttled, auto-deployed', () => {
    expect(stage.Properties.ApiId).toEqual({ Ref: apiId });
    expect(stage.Properties.StageName).toBe('$default');
    expect(stage.Properties.AutoDeploy).toBe(true);
    expect(stage.Properties.DefaultRouteSettings).toEqual({
      ThrottlingRateLimit: apiThrottle.rateLimit,
      ThrottlingBurstLimit: apiThrottle.burstLimit,
    });
    expect(apiThrottle.rateLimit).toBeGreaterThan(0);
    expect(apiThrottle.burstLimit).toBeGreaterThanOrEqual(apiThrottle.rateLimit);
  });

  it('access logs: JSON with the request id, to a log group with retention', () => {
    const settings = stage.Properties.AccessLogSettings;
    const logGroup = resourcesOf('api', 'AWS::Logs::LogGroup')[logicalIdOf(settings.DestinationArn) ?? ''];
    expect(logGroup?.Properties.RetentionInDays).toBeGreaterThan(0);
    expect(JSON.parse(settings.Format)).toMatchObject({ requestId: '$context.requestId' });
  });

  it('JWT authorizer: issuer and audience from context, one for the routes of every compute stack', () => {
    const [, authorizer] = only(resourcesOf('api', 'AWS::ApiGatewayV2::Authorizer'));
    expect(authorizer.Properties).toMatchObject({
      ApiId: { Ref: apiId },
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: context(contextKeys.jwtIssuer), Audience: [context(contextKeys.jwtAudience)] },
    });
    expect(Object.keys(computeResources('AWS::ApiGatewayV2::Authorizer'))).toEqual([]);
  });

  it('every stack stays under 300 resources (CloudFormation allows 500), room for the functions to come', () => {
    for (const key of Object.keys(templates) as StackKey[]) {
      const count = Object.keys(templates[key].toJSON().Resources as object).length;
      expect(count, `${stackIds[key]}: ${count} resources`).toBeLessThan(300);
    }
  });

  it('CORS: only the origins from context', () => {
    const origins = api.Properties.CorsConfiguration.AllowOrigins;
    expect(origins).toEqual(context(contextKeys.corsOrigins));
    expect(origins).not.toContain('*');
  });
});

describe('observability', () => {
  const [topicId, topic] = only(resourcesOf('observability', 'AWS::SNS::Topic'));
  const alarms = Object.values(resourcesOf('observability', 'AWS::CloudWatch::Alarm'));

  it('alarm topic: SSL only, no subscription without an e-mail; no key of its own (alarms carry no personal data)', () => {
    expect(topic.Properties.KmsMasterKeyId).toBeUndefined();
    templates.observability.resourceCountIs('AWS::KMS::Key', 0);
    templates.observability.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: topicId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
    expect(context(contextKeys.alarmEmail)).toBe('');
    templates.observability.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('every alarm notifies the topic, itself or through a composite (tests/infra/operations.test.ts)', () => {
    const composites = Object.values(resourcesOf('observability', 'AWS::CloudWatch::CompositeAlarm'));
    const rules = composites.map((c) => JSON.stringify(c.Properties.AlarmRule)).join(' ');
    expect(alarms.length).toBeGreaterThan(0);
    for (const composite of composites) expect(composite.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
    for (const [id, alarm] of Object.entries(resourcesOf('observability', 'AWS::CloudWatch::Alarm'))) {
      if (alarm.Properties.AlarmActions) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      else expect(rules, `${id} is in a composite`).toContain(id);
    }
  });
});

describe('validation (cdk-nag and CloudFormation)', () => {
  it('no unacknowledged error or warning from cdk-nag or CDK’s CloudFormation validation', () => {
    const { pluginReports } = synthesized.validationReport;
    const findings = pluginReports.flatMap((report) =>
      report.violations.map(
        (v) =>
          `${report.pluginName} ${v.severity} ${v.ruleName}: ${v.violatingConstructs.map((c) => c.constructPath).join(', ')}`,
      ),
    );
    expect(findings).toEqual([]);
    expect(pluginReports.filter((r) => r.conclusion !== 'success')).toEqual([]);
  });

  it('no warning or error annotation on any stack', () => {
    for (const stack of Object.keys(templates) as StackKey[]) {
      const annotations = Annotations.fromStack(synthesized[stack]);
      expect(annotations.findWarning('*', Match.anyValue())).toEqual([]);
      expect(annotations.findError('*', Match.anyValue())).toEqual([]);
    }
  });

  it('every acknowledgement is a known kind, with a specific reason', () => {
    const acks = acknowledgements(app);
    expect(acks.length).toBeGreaterThan(0);
    // A new kind of acknowledgement is a review decision: add it here, with its reason in the stack.
    const allowed = new Set([
      'AwsSolutions-APIG4',
      'AwsSolutions-IAM4',
      'AwsSolutions-CFR1',
      'AwsSolutions-CFR3',
      'AwsSolutions-CFR4',
      'AwsSolutions-IAM5',
      'AwsSolutions-S1',
      'AwsSolutions-SMG4',
      'AwsSolutions-SNS2',
      'Serverless-APIGWXrayEnabled',
      'Serverless-LambdaDLQ',
      'Serverless-LambdaEventSourceMappingDestination',
      'Serverless-LambdaTracing',
      'Serverless-SQSRedrivePolicy',
    ]);
    for (const ack of acks) {
      const rule = ack.id.replace(/\[.*\]$/, '');
      expect(nagPackNames.some((pack) => rule.startsWith(`${pack}-`))).toBe(true);
      expect(allowed, `${ack.id} at ${ack.path}`).toContain(rule);
      expect(ack.reason.length, `reason of ${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(40);
    }
    // IAM5 is acknowledged finding by finding, never as a whole.
    expect(acks.filter((a) => a.id === 'AwsSolutions-IAM5')).toEqual([]);
    // SNS2 (a topic without encryption at rest) for the alarm topic only (infra/stacks/observability.ts).
    for (const ack of acks.filter((a) => a.id === 'AwsSolutions-SNS2')) expect(ack.path).toMatch(/\/AlarmTopic$/);
    // IAM4 (an AWS-managed policy) for AWS Backup's service role only, policy by policy.
    for (const ack of acks.filter((a) => a.id.startsWith('AwsSolutions-IAM4'))) {
      expect(ack.id).toMatch(
        /^AwsSolutions-IAM4\[Policy::arn:<AWS::Partition>:iam::aws:policy\/(service-role\/)?AWSBackupServiceRolePolicyFor\w+\]$/,
      );
      expect(ack.path).toMatch(/\/Backup\/Role$/);
    }
  });
});
