/**
 * The CDK app (cdk.json: `npx tsx infra/app.ts`). `buildApp` builds every stack from infra/manifest.ts;
 * tests call it with `new App({ context: { 'aws:cdk:bundling-stacks': [] } })` to skip asset bundling.
 *
 *   Data       (stateful: key, table, buckets) ──────────────────┐
 *   Messaging  (stateful: queues, DLQs) ─────────────────────────┤
 *   Api        (stateless: the HTTP API) ──► Edge ───────────────┴─► Public, Citizens, Officials, Workers
 *   EdgeGuard  (us-east-1: WAF, certificate) ──┘ (CloudFront, DNS)     (stateless: functions and their routes)
 *                                                                        ├─► Jobs (schedules)
 *                                                                        └─► Observability (alarm topic, alarms)
 *
 * Stateful stacks have termination protection and retain their resources; the stateless ones can be
 * redeployed, rolled back or recreated freely. Cross-stack references are weak (cdk.json
 * `@aws-cdk/core:defaultCrossStackReferences`: `Fn::GetStackOutput`), so removing a function or a
 * queue never deadlocks on an export still imported elsewhere, and EdgeGuard (us-east-1, the one region
 * CloudFront takes a WAF web ACL and a certificate from) hands its ARNs to Edge across regions.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Tags } from 'aws-cdk-lib';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { FunctionName } from './manifest.ts';
import type { PlatformFunction } from './stacks/platform-function.ts';
import { addNagChecks } from './nag.ts';
import { ApiStack } from './stacks/api.ts';
import { computeAudiences, ComputeStack } from './stacks/compute.ts';
import { DataStack } from './stacks/data.ts';
import { EdgeStack } from './stacks/edge.ts';
import { EdgeGuardStack } from './stacks/edge-guard.ts';
import { edgeRegion } from './stacks/edge-settings.ts';
import { JobsStack } from './stacks/jobs.ts';
import { MessagingStack } from './stacks/messaging.ts';
import { ObservabilityStack } from './stacks/observability.ts';
import { repoRoot } from './stacks/platform-function.ts';
import { readSettings } from './stacks/settings.ts';
import { type ComputeGroup, computeStacks, deploymentIdOf, type StackKey, stackNamesFor } from './stack-names.ts';

type ComputeStackKey = (typeof computeStacks)[ComputeGroup];

export interface EgovApp {
  app: App;
  /** Each stack's name for this province and stage (infra/stack-names.ts). */
  stackNames: Record<StackKey, string>;
  data: DataStack;
  messaging: MessagingStack;
  api: ApiStack;
  /** us-east-1: the WAF web ACL and the domain's certificate. */
  edgeGuard: EdgeGuardStack;
  /** The CloudFront distribution before the API, and the domain's DNS records. */
  edge: EdgeStack;
  /** The compute stacks, one per audience (infra/stack-names.ts computeStacks). */
  publicFunctions: ComputeStack;
  citizenFunctions: ComputeStack;
  officialFunctions: ComputeStack;
  workerFunctions: ComputeStack;
  /** Every function of the manifest, from whichever compute stack holds it. */
  functions: ReadonlyMap<FunctionName, PlatformFunction>;
  jobs: JobsStack;
  observability: ObservabilityStack;
}

/**
 * cdk.json's context, for an App not started by the CLI (tests): a key the App already has wins.
 * Must run before the first construct is added.
 */
function applyCdkJsonContext(app: App): void {
  const cdkJson = JSON.parse(readFileSync(path.join(repoRoot, 'cdk.json'), 'utf8')) as {
    context?: Record<string, unknown>;
  };
  for (const [key, value] of Object.entries(cdkJson.context ?? {})) {
    if (app.node.tryGetContext(key) === undefined) app.node.setContext(key, value);
  }
}

/**
 * Where citizens' personal data is stored is the province's decision, written down: `egov:region`, else
 * Singapore (the AWS region nearest the province), and never the CLI profile's region (the CDK CLI always
 * sets one, us-east-1 by default, which would silently move the data). The region must be one of
 * `egov:allowedRegions` (default Singapore only), so a typo or a foreign default fails the synthesis.
 * The table's customer-managed key makes the data stack region-bound anyway (per-replica encryption).
 */
export const defaultRegion = 'ap-southeast-1';
export function regionOf(app: App): string {
  const fromContext: unknown = app.node.tryGetContext('egov:region');
  const region = typeof fromContext === 'string' && fromContext.trim() ? fromContext.trim() : defaultRegion;
  const listed: unknown = app.node.tryGetContext('egov:allowedRegions');
  const allowed = Array.isArray(listed) ? listed.map(String) : [defaultRegion];
  if (!allowed.includes(region)) {
    throw new Error(
      `egov:region ${region} is not in egov:allowedRegions (${allowed.join(', ')}): citizens' data stays where the province decided; add the region to egov:allowedRegions to choose it.`,
    );
  }
  return region;
}

export function buildApp(app: App = new App()): EgovApp {
  applyCdkJsonContext(app);
  const settings = readSettings(app);
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: regionOf(app) };
  const stackIds = stackNamesFor(settings);
  Tags.of(app).add('project', 'egov-one-stop');

  const data = new DataStack(app, stackIds.data, {
    env,
    description: 'egov-one-stop: table, documents bucket, platform key (stateful)',
    corsOrigins: settings.corsOrigins,
    backupRetention: settings.backupRetention,
  });
  const messaging = new MessagingStack(app, stackIds.messaging, {
    env,
    description: 'egov-one-stop: worker queues and their dead-letter queues (stateful)',
  });
  const api = new ApiStack(app, stackIds.api, {
    env,
    description: 'egov-one-stop: the HTTP API, its stage and access logs (stateless)',
    settings,
  });
  // `EgovOneStop-24-dev`: what the edge's account-wide names start with.
  const namePrefix = stackIds.api.replace(/-Api$/, '');
  const edgeGuard = new EdgeGuardStack(app, stackIds.edgeGuard, {
    env: { account: env.account, region: edgeRegion },
    description:
      'egov-one-stop: the WAF web ACL and the domain certificate CloudFront takes from us-east-1 (stateless)',
    namePrefix,
    edge: settings.edge,
  });
  const edge = new EdgeStack(app, stackIds.edge, {
    env,
    description: 'egov-one-stop: the CloudFront distribution before the API, its headers and DNS (stateless)',
    namePrefix,
    edge: settings.edge,
    apiDomain: api.apiDomain,
    webAclArn: edgeGuard.webAclArn,
    certificate: edgeGuard.certificate,
  });
  const compute = Object.fromEntries(
    (Object.entries(computeStacks) as [ComputeGroup, ComputeStackKey][]).map(([group, key]) => [
      key,
      new ComputeStack(app, stackIds[key], {
        env,
        description: `egov-one-stop: the ${computeAudiences[group]} functions and their routes (stateless)`,
        group,
        settings,
        httpApi: api.httpApi,
        jwtAuthorizer: api.jwtAuthorizer,
        publicUrl: settings.publicUrl ?? edge.url,
        concurrency: settings.concurrency,
        originVerifySecret: edge.originVerifySecret,
        table: data.table,
        documents: data.documents,
        queues: messaging.queues,
        partnerSecrets: data.partnerSecrets,
        recordSealSecret: data.recordSealSecret,
        lookupPinPepper: data.lookupPinPepper,
      }),
    ]),
  ) as Record<ComputeStackKey, ComputeStack>;
  const functions = new Map(Object.values(compute).flatMap((stack) => [...stack.functions]));
  const jobs = new JobsStack(app, stackIds.jobs, {
    env,
    description: 'egov-one-stop: EventBridge Scheduler schedules (stateless)',
    functions,
  });

  const deadLetterQueues = new Map<string, IQueue>(messaging.deadLetterQueues);
  for (const [name, fn] of functions) if (fn.deadLetterQueue) deadLetterQueues.set(name, fn.deadLetterQueue);
  const observability = new ObservabilityStack(app, stackIds.observability, {
    env,
    description: 'egov-one-stop: alarms, the alarm topic and the dashboard',
    deployment: deploymentIdOf(settings),
    httpApi: api.httpApi,
    accessLogs: api.accessLogs,
    table: data.table,
    functions,
    queues: messaging.queues,
    deadLetterQueues,
    alarmEmail: settings.alarmEmail,
    dashboard: settings.dashboard,
  });

  addNagChecks(app);
  return {
    app,
    stackNames: stackIds,
    data,
    messaging,
    api,
    edgeGuard,
    edge,
    ...compute,
    functions,
    jobs,
    observability,
  };
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  buildApp().app.synth();
}
