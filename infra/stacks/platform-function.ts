/**
 * The one construct that turns a manifest entry into a Lambda function: same runtime, architecture,
 * logging and bundling for every operation, and the entry's `access` turned into grants together with
 * the environment variable that names what was granted (so a function never holds a name it may not use,
 * nor a permission whose resource it cannot find).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, Stack, Tags, Validations } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  FilterCriteria,
  FilterRule,
  LoggingFormat,
  Runtime,
  StartingPosition,
  SystemLogLevel,
} from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { type ISecret, Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { type IQueue, Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { bundleSubstitutes } from '../bundling/substitutes.ts';
import { contextKeys, type RemoteSigning } from './settings.ts';
import { Construct } from 'constructs';
import type { BuildOptions } from 'esbuild';
import type { PartnerName } from '../../shared/domain/partners/partner.ts';
import { type FunctionName, type FunctionSpec, partnersOf, signingConfigPrefix, specOf } from '../manifest.ts';
import { documentsStatements, readObjectsStatements, tableStatements } from './least-privilege.ts';
import { acknowledgeWildcards } from '../nag.ts';
import { eventRoutes, readSmsMilestones } from '../event-routes.ts';
import { functionSettingsEnvironment } from '../function-settings.ts';

/** Repository root: manifest entries are relative to it, and it is the bundling project root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Retention of every log group the platform creates (functions, API access logs). */
export const logRetention = RetentionDays.THREE_MONTHS;

export const functionRuntime = Runtime.NODEJS_24_X;

/**
 * Files a bundle reads beside its `index.mjs` (binary data kept out of the JavaScript that is parsed at
 * each cold start), copied into the asset of each function whose bundle names the first of them.
 */
export const filesBesideBundle = {
  marker: 'DejaVuSans-vi.ttf',
  files: [
    'shared/documents/fonts/DejaVuSans-vi.ttf',
    'shared/documents/fonts/DejaVuSans-Bold-vi.ttf',
    'shared/documents/fonts/LICENSE-DejaVu.txt',
  ],
} as const;

/** The shell commands that run once esbuild has written `index.mjs` to `outputDir`: the files beside it. */
export function afterBundling(inputDir: string, outputDir: string): string[] {
  const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;
  const sources = filesBesideBundle.files.map((file) => quote(path.posix.join(inputDir, file))).join(' ');
  return [
    `if grep -qF ${quote(filesBesideBundle.marker)} ${quote(path.posix.join(outputDir, 'index.mjs'))}; then cp ${sources} ${quote(outputDir)}; fi`,
  ];
}

/**
 * Bundling of every function. ESM with the `createRequire` banner so CommonJS dependencies that call
 * `require` still work; the AWS SDK is bundled (tree-shaken, faster cold start than the runtime's copy);
 * esbuild runs locally (never Docker). `sourcesContent: false` keeps the source map to the mappings
 * only: `--enable-source-maps` parses it at init, and stack traces do not need the sources.
 * The packages of infra/bundling/substitutes.ts replaced (esbuild `alias`), {@link afterBundling} as a
 * command hook.
 */
export const functionBundling = {
  format: OutputFormat.ESM,
  target: 'node24',
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  mainFields: ['module', 'main'],
  banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
  bundleAwsSDK: true,
  forceDockerBundling: false,
  esbuildArgs: { '--alias': Object.entries(bundleSubstitutes).map(([from, to]) => `${from}=${to}`) },
  commandHooks: {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling,
  },
} as const satisfies BundlingOptions;

/**
 * The esbuild options `NodejsFunction` derives from {@link functionBundling} (its `esbuild --bundle`
 * command line, as the JS API, run from the repository root): the bundling test and the cold-start
 * bench build every function with exactly these, then run {@link afterBundling}.
 * `bundleAwsSDK: true` means nothing is external.
 */
export function esbuildOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    absWorkingDir: repoRoot,
    bundle: true,
    platform: 'node',
    target: functionBundling.target,
    format: functionBundling.format === OutputFormat.ESM ? 'esm' : 'cjs',
    minify: functionBundling.minify,
    sourcemap: functionBundling.sourceMap,
    sourcesContent: functionBundling.sourcesContent,
    mainFields: [...functionBundling.mainFields],
    banner: { js: functionBundling.banner },
    alias: { ...bundleSubstitutes },
    external: [],
    logLevel: 'warning',
  };
}

/** Environment every function gets, whatever it touches. */
export const baseEnvironment = {
  NODE_OPTIONS: '--enable-source-maps',
  POWERTOOLS_SERVICE_NAME: 'egov-one-stop',
  POWERTOOLS_METRICS_NAMESPACE: 'EgovOneStop',
  POWERTOOLS_LOG_LEVEL: 'INFO',
} as const;

/** The tag naming the manifest entry a Lambda was built from (tests and operators find functions by it). */
export const functionTag = 'egov:function';

/** What the platform offers a function; the manifest entry decides which of it the function gets. */
export interface PlatformResources {
  /** The province's administrative-unit code (`egov:provinceCode`), given to every function. */
  provinceCode: string;
  /** Leader sub → KMS signing key ARN (`egov:signingKeys`): what `access.signing: 'sign'` may use. */
  signingKeys?: Readonly<Record<string, string>>;
  /** Agency id → KMS key ARN of its organisation certificate (`egov:organisationSigningKeys`). */
  organisationSigningKeys?: Readonly<Record<string, string>>;
  /** The CA's remote signing service (`egov:remoteSigning`): `access.signing: 'sign'` signs through it (SIGNER=csc). */
  remoteSigning?: RemoteSigning;
  table?: ITableV2;
  documents?: IBucket;
  /** Each queue-consumer function's own queue, by function name. */
  queues: ReadonlyMap<FunctionName, IQueue>;
  /** Each partner's shared secret (the data stack's). */
  partnerSecrets?: ReadonlyMap<PartnerName, ISecret>;
  /** The data stack's record seal secret: what `access.sealsRecords` may read. */
  recordSealSecret?: ISecret;
  /** The data stack's look-up PIN pepper: what `access.hashesPins` may read. */
  lookupPinPepper?: ISecret;
  /** Each partner's API base URL (`egov:partnerUrls`). */
  partnerUrls?: Partial<Record<PartnerName, string>>;
  /** The identity provider a signing-in function sends people to (`access.signIn`). */
  signIn?: { issuer: string; clientId: string };
}

export interface PlatformFunctionProps {
  name: FunctionName;
  /** The manifest entry; defaults to `specOf(name)` (tests pass their own). */
  spec?: FunctionSpec;
  resources: PlatformResources;
  /** How many copies may run at once (infra/concurrency.ts); unset: no limit of its own. */
  concurrency?: { reserved?: number; queue?: number };
}

export class PlatformFunction extends Construct {
  readonly name: FunctionName;
  readonly spec: FunctionSpec;
  readonly function: NodejsFunction;
  readonly logGroup: LogGroup;
  /** Schedule-triggered functions only: failed asynchronous runs (and undeliverable schedule events) land here. */
  readonly deadLetterQueue?: Queue;

  constructor(scope: Construct, id: string, props: PlatformFunctionProps) {
    super(scope, id);
    const { name, resources } = props;
    const spec = props.spec ?? specOf(name);
    this.name = name;
    this.spec = spec;
    const trigger = spec.trigger;

    this.logGroup = new LogGroup(this, 'LogGroup', { retention: logRetention });

    // An own role instead of the AWSLambdaBasicExecutionRole managed policy: the function may write to
    // its own log group and nowhere else.
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `egov-one-stop ${name}`,
    });
    this.logGroup.grantWrite(role);

    if (trigger.kind === 'schedule' || trigger.kind === 'stream') {
      this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
        enforceSSL: true,
        encryption: QueueEncryption.SQS_MANAGED,
        retentionPeriod: Duration.days(14),
      });
      Validations.of(this.deadLetterQueue).acknowledge({
        id: 'Serverless-SQSRedrivePolicy',
        reason: `This queue is the dead-letter queue of ${name} and of its ${trigger.kind}: nothing consumes it to redrive from.`,
      });
    }

    this.function = new NodejsFunction(this, 'Function', {
      entry: path.join(repoRoot, spec.entry),
      handler: 'handler',
      projectRoot: repoRoot,
      depsLockFilePath: path.join(repoRoot, 'package-lock.json'),
      description: `${name}: ${spec.description}`,
      runtime: functionRuntime,
      architecture: Architecture.ARM_64,
      memorySize: spec.memoryMb,
      timeout: Duration.seconds(spec.timeoutSeconds),
      role,
      logGroup: this.logGroup,
      // JSON, and Lambda's own START/END/REPORT lines (INFO) left out: about 400 bytes an invocation, more
      // than most functions log; duration and memory stay in the Lambda metrics. The handlers' lines are
      // JSON already (Powertools Logger) and keep POWERTOOLS_LOG_LEVEL.
      loggingFormat: LoggingFormat.JSON,
      systemLogLevelV2: SystemLogLevel.WARN,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      // What its own code reads of its manifest entry (its route, its timeout): its bundle does not carry the manifest.
      environment: {
        ...baseEnvironment,
        PROVINCE_CODE: resources.provinceCode,
        ...functionSettingsEnvironment([[name, spec]]),
      },
      bundling: functionBundling,
      deadLetterQueue: this.deadLetterQueue,
      reservedConcurrentExecutions: props.concurrency?.reserved,
    });
    Tags.of(this.function).add(functionTag, name);

    this.grantAccess(resources);

    if (trigger.kind === 'queue') {
      const queue = resources.queues.get(name);
      if (!queue) throw new Error(`${name} consumes a queue, but the messaging stack has none for it`);
      this.function.addEventSource(
        new SqsEventSource(queue, {
          batchSize: trigger.batchSize,
          maxBatchingWindow: Duration.seconds(1),
          reportBatchItemFailures: true,
          maxConcurrency: props.concurrency?.queue,
        }),
      );
      // Its own queue's URL, for retries with a growing delay; the event source mapping already grants
      // sqs:ChangeMessageVisibility on it.
      this.function.addEnvironment('QUEUE_URLS', Stack.of(this).toJsonString({ [name]: queue.queueUrl }));
    }

    if (trigger.kind === 'stream') {
      const table = resources.table;
      if (!table?.tableStreamArn) throw new Error(`${name} reads the table's stream, but the table has none`);
      const dlq = this.deadLetterQueue;
      if (!dlq) throw new Error(`${name} needs its dead-letter queue`);
      this.function.addEventSource(
        new DynamoEventSource(table, {
          startingPosition: StartingPosition.TRIM_HORIZON,
          batchSize: trigger.batchSize,
          maxBatchingWindow: Duration.seconds(1),
          bisectBatchOnError: true,
          retryAttempts: trigger.maxRetries,
          reportBatchItemFailures: true,
          onFailure: new SqsDlq(dlq),
          // Filtered before any invocation: only the writes that recorded events.
          filters: [
            FilterCriteria.filter({ dynamodb: { NewImage: { [trigger.newImageHas]: { N: FilterRule.exists() } } } }),
          ],
        }),
      );
    }

    this.acknowledgeFindings();
  }

  /** Each grant and its environment variable, set together from the manifest entry's `access`. */
  private grantAccess(resources: PlatformResources): void {
    const { access } = this.spec;
    const fn = this.function;

    if (access.table) {
      const table = resources.table;
      if (!table) throw new Error(`${this.name} needs the table, none was given`);
      // Partition by partition, as the manifest declares them: dynamodb:LeadingKeys on every action.
      for (const statement of tableStatements(table, access.table)) fn.addToRolePolicy(statement);
      fn.addEnvironment('TABLE_NAME', table.tableName);
    }

    if (access.documents) {
      const bucket = resources.documents;
      if (!bucket) throw new Error(`${this.name} needs the documents bucket, none was given`);
      for (const statement of documentsStatements(bucket, access.documents)) fn.addToRolePolicy(statement);
      for (const prefix of access.documents.prefixes) {
        acknowledgeWildcards(
          this,
          new RegExp(`^Resource::.*DocumentsBucket.*/${escapeRegExp(prefix)}\\*$`),
          `${this.name} reads${access.documents.mode === 'read' ? '' : ' and writes'}${access.documents.deletes ? ' and deletes' : ''} documents under the key prefix ${prefix} only (infra/manifest.ts).`,
        );
      }
      fn.addEnvironment('DOCUMENTS_BUCKET', bucket.bucketName);
    }

    if (access.emits) {
      const routes = eventRoutes(
        access.emits,
        (consumer) => {
          const queue = resources.queues.get(consumer);
          if (!queue) throw new Error(`${consumer} consumes events, but the messaging stack has no queue for it`);
          queue.grantSendMessages(fn);
          return queue.queueUrl;
        },
        { smsMilestones: readSmsMilestones(this.node.tryGetContext(contextKeys.smsMilestones)) },
      );
      fn.addEnvironment('EVENT_QUEUES', Stack.of(this).toJsonString(routes));
    }

    if (access.signing) {
      // SIGNER=kms: keys and chains from signingConfigPrefix of the documents bucket (read once per
      // process); kms:Sign on exactly the configured key ARNs. No key configured: no KMS statement,
      // and signing fails (the message goes to the DLQ) until ops configure one and redeploy.
      const bucket = resources.documents;
      if (!bucket) throw new Error(`${this.name} signs or verifies with the documents bucket, none was given`);
      const objects =
        access.signing === 'sign'
          ? [`${signingConfigPrefix}leaders/*`, `${signingConfigPrefix}agencies/*`]
          : [`${signingConfigPrefix}trusted-roots.pem`];
      for (const statement of readObjectsStatements(bucket, objects, signingConfigPrefix))
        fn.addToRolePolicy(statement);
      if (access.signing === 'sign') {
        acknowledgeWildcards(
          this,
          new RegExp(`^Resource::.*DocumentsBucket.*/${escapeRegExp(signingConfigPrefix)}(leaders|agencies)/\\*$`),
          `${this.name} reads the leaders' and the agencies' certificate chains under ${signingConfigPrefix}leaders/ and agencies/ only (one object per leader or agency, uploaded by ops).`,
        );
        for (const statement of signingKeyStatements(
          { ...resources.signingKeys },
          { ...resources.organisationSigningKeys },
        )) {
          fn.addToRolePolicy(statement);
        }
        acknowledgeWildcards(
          this,
          /^Resource::arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/\*$/,
          `${this.name} signs with the KMS keys tagged ${signingKeyTag.key}=${signingKeyTag.value} in the accounts and Regions of the configured keys only (attribute-based: one statement, however many leaders and agencies).`,
        );
      }
      fn.addEnvironment('SIGNER', 'kms');
      fn.addEnvironment('SIGNING_CONFIG_PREFIX', signingConfigPrefix);
      fn.addEnvironment('DOCUMENTS_BUCKET', bucket.bucketName);
    }

    // SIGNER=csc: the signing configuration above names each signer's credential at the CA's service; the
    // client secret the CA issued is read at run time (its ARN here, never its value). No KMS key is granted.
    if (access.signing === 'sign' && resources.remoteSigning) {
      const { baseUrl, clientId, clientSecretArn } = resources.remoteSigning;
      Secret.fromSecretCompleteArn(this, 'CscClientSecret', clientSecretArn).grantRead(fn);
      fn.addEnvironment('SIGNER', 'csc');
      fn.addEnvironment('CSC_BASE_URL', baseUrl);
      fn.addEnvironment('CSC_CLIENT_ID', clientId);
      fn.addEnvironment('CSC_CLIENT_SECRET_ARN', clientSecretArn);
    }

    // Idempotency-Key records (and filings' claims) sealed with this secret: its ARN in the environment,
    // the value read at run time and cached (shared/adapters/record-seal.ts).
    if (access.sealsRecords) {
      const secret = resources.recordSealSecret;
      if (!secret) throw new Error(`${this.name} seals its replay records, but no record seal secret was given`);
      secret.grantRead(fn);
      fn.addEnvironment('RECORD_SEAL_SECRET_ARN', secret.secretArn);
    }

    // Look-up PINs hashed with this pepper: its ARN in the environment, the value read at run time and cached.
    if (access.hashesPins) {
      const pepper = resources.lookupPinPepper;
      if (!pepper) throw new Error(`${this.name} hashes look-up PINs, but no PIN pepper was given`);
      pepper.grantRead(fn);
      fn.addEnvironment('LOOKUP_PIN_PEPPER_ARN', pepper.secretArn);
    }

    const partners = partnersOf(this.spec);
    if (partners.length > 0) {
      // The secret's ARN (never its value) in the environment; the value is read at run time and cached.
      const arns: Partial<Record<PartnerName, string>> = {};
      const urls: Partial<Record<PartnerName, string>> = {};
      for (const partner of partners) {
        const secret = resources.partnerSecrets?.get(partner);
        if (!secret) throw new Error(`${this.name} needs the ${partner} secret, none was given`);
        secret.grantRead(fn);
        arns[partner] = secret.secretArn;
        const url = resources.partnerUrls?.[partner];
        if (url && this.spec.access.partners?.includes(partner)) urls[partner] = url;
      }
      fn.addEnvironment('PARTNER_SECRET_ARNS', Stack.of(this).toJsonString(arns));
      if (Object.keys(urls).length > 0) fn.addEnvironment('PARTNER_URLS', JSON.stringify(urls));
    }

    if (access.signIn) {
      if (!resources.signIn) throw new Error(`${this.name} signs people in, but no identity provider was given`);
      fn.addEnvironment('OIDC_ISSUER', resources.signIn.issuer);
      fn.addEnvironment('OIDC_CLIENT_ID', resources.signIn.clientId);
    }

    if (access.sends?.includes('email')) {
      // The sender is a verified SES identity (context egov:emailFrom); the grant names its domain only.
      const from = String(this.node.tryGetContext(contextKeys.emailFrom) ?? 'thongbao@dichvucong.gov.vn');
      const domain = from.split('@').at(-1) ?? from;
      fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['ses:SendEmail'],
          resources: [Stack.of(this).formatArn({ service: 'ses', resource: 'identity', resourceName: domain })],
        }),
      );
      fn.addEnvironment('EMAIL_TRANSPORT', 'ses');
      fn.addEnvironment('EMAIL_FROM', from);
    }

    if (access.sends?.includes('sms')) {
      // The province's SMS gateway (context egov:smsGatewayUrl); without it each send fails into the DLQ.
      fn.addEnvironment('SMS_TRANSPORT', 'http');
      const gateway: unknown = this.node.tryGetContext(contextKeys.smsGatewayUrl);
      if (typeof gateway === 'string' && gateway) fn.addEnvironment('SMS_GATEWAY_URL', gateway);
    }
  }

  /** Findings of the Serverless pack that do not apply to how this function is invoked. */
  private acknowledgeFindings(): void {
    const trigger = this.spec.trigger;
    const fn = Validations.of(this.function);
    if (trigger.kind === 'http') {
      fn.acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason:
          'Invoked synchronously by API Gateway: a Lambda dead-letter queue only receives failed asynchronous invocations; the caller gets the error.',
      });
    }
    if (trigger.kind === 'queue') {
      fn.acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason:
          "Invoked synchronously by an SQS event source mapping: failed messages go to the queue's own dead-letter queue through its redrive policy.",
      });
      // The event source mapping is a child of the function: the acknowledgement covers it.
      fn.acknowledge({
        id: 'Serverless-LambdaEventSourceMappingDestination',
        reason:
          "On-failure destinations exist only for stream and Kafka event sources; for SQS, the source queue's redrive policy to its alarmed dead-letter queue is the failure destination.",
      });
    }
    fn.acknowledge({
      id: 'Serverless-LambdaTracing',
      reason:
        'docs/design.md §8: X-Ray tracing only where its cold-start and cost are measured and worth it; requests are correlated by Powertools Logger ids and Metrics.',
    });
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The tag every signing key carries (set by the province's PKI process when it creates the key). */
export const signingKeyTag = { key: 'egov:signing', value: 'results' } as const;

/**
 * kms:Sign on the configured leaders' and agencies' keys, as one statement per account and Region
 * whose keys carry {@link signingKeyTag} (aws:ResourceTag): the policy does not grow with the number
 * of keys (a role's inline policies are limited to 10,240 characters; ~200 leaders and 100 agencies
 * listed by ARN would pass it). No key configured: no statement, nothing can be signed.
 */
export function signingKeyStatements(...keySets: Readonly<Record<string, string>>[]): PolicyStatement[] {
  const scopes = new Set(
    keySets.flatMap((keys) => Object.values(keys)).map((arn) => `${arn.split(':').slice(0, 5).join(':')}:key/*`),
  );
  return [...scopes].sort().map(
    (scope) =>
      new PolicyStatement({
        actions: ['kms:Sign', 'kms:GetPublicKey'],
        resources: [scope],
        conditions: { StringEquals: { [`aws:ResourceTag/${signingKeyTag.key}`]: signingKeyTag.value } },
      }),
  );
}
