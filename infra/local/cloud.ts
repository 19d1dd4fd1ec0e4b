/**
 * The local cloud: emulators, the resources the CDK app would create, the handlers' environment,
 * the API gateway, queue pollers and the scheduler, all in this process. One per test file.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { type FunctionName, functionNames, specOf } from '../manifest.ts';
import { ChangeFeed } from './change-feed.ts';
import type { DemoUser } from './demo-users.ts';
import { type Emulators, startEmulators } from './emulators.ts';
import { applyEnvironment, cdkContext, localEnvironment, oidcEnvironment } from './environment.ts';
import { type CorsOptions, createGateway } from './gateway.ts';
import { createLocalJwt, type IssueOptions, localAudience } from './jwt.ts';
import { createInvoker, type HandlerLoader, importHandler, localRegion } from './lambda.ts';
import { useLocalSigner } from '../../shared/adapters/signing/local-signer.ts';
import { localCertificateAuthority } from '../../shared/documents/signing/local-ca.ts';
import { createLog, type LogLevel } from './log.ts';
import { startPollers } from './pollers.ts';
import { type ConsumerName, type ConsumerQueues, createResources } from './resources.ts';
import { rosterDirectory } from './partners/csc-directory.ts';
import { type CscSimulator, startCscSimulator } from './partners/csc-simulator.ts';
import { startPartnerServer } from './partners/server.ts';
import type { Simulators } from './partners/simulators.ts';
import { startScheduler } from './scheduler.ts';
import { startStreamPoller } from './stream-pollers.ts';
import { type CloudProbe, type SettleOptions, settle } from './settle.ts';

export type { SettleOptions };

export interface CloudClients {
  dynamo: DynamoDBClient;
  sqs: SQSClient;
  s3: S3Client;
}

/** What a seed function gets: the resources exist and the handlers' environment is in place. */
export interface SeedContext {
  clients: CloudClients;
  tableName: string;
  bucketName: string;
  env: Readonly<Record<string, string>>;
  queueUrls: Readonly<Record<ConsumerName, QueueUrls>>;
}

export interface QueueUrls {
  url: string;
  dlqUrl: string;
}

export interface LocalCloudOptions {
  /** Gateway port; 0 (the default) lets the OS choose. */
  port?: number;
  host?: string;
  seed?: (ctx: SeedContext) => Promise<void>;
  /** POWERTOOLS_LOG_LEVEL for the handlers, and the threshold of the cloud's own diagnostics. Default WARN. */
  logLevel?: LogLevel;
  /** Overrides every consumer queue's visibility timeout (seconds), so redelivery tests are quick. */
  visibilityTimeoutSeconds?: number;
  /** Run queue consumers (default true). */
  pollers?: boolean;
  /** Concurrent batches per consumer queue (default 1). */
  pollerConcurrency?: number;
  /** Fire schedules on their timers (default true); runSchedule works either way. */
  scheduler?: boolean;
  /** How a function's handler is obtained; tests inject fakes. Default: import `spec.entry`, take `handler`. */
  loadHandler?: HandlerLoader;
  cors?: CorsOptions | false;
  /** Name suffix of every resource; random by default. */
  suffix?: string;
  /**
   * Keeps the emulators' data in this directory across restarts (`npm start -- --persist`): with a fixed
   * `suffix`, the next start finds its table, bucket and queues again and does not seed them twice.
   */
  dataDir?: string;
  /**
   * Whether the table's stream is relayed (default true, as in the cloud): false for a test that delivers a
   * dossier's events itself, from the item's outbox, and must see no other.
   */
  streams?: boolean;
  /** The steps applicants are texted at, over cdk.json's `egov:smsMilestones` (shared/domain/event-interest.ts). */
  smsMilestones?: readonly string[];
  /** Handler environment variables set over the local defaults (e.g. `SMS_TRANSPORT`, `SMS_GATEWAY_URL`). */
  environment?: Readonly<Record<string, string>>;
}

export interface LocalCloud {
  apiUrl: string;
  env: Readonly<Record<string, string>>;
  clients: CloudClients;
  tableName: string;
  bucketName: string;
  queueUrls: Readonly<Record<ConsumerName, QueueUrls>>;
  /** The partners as simulated here: what the platform sent them, and their calls to its webhooks. */
  partners: Simulators;
  /** Base URL of the partners' simulators (`/<partner>/…`). */
  partnersUrl: string;
  /** The remote signing service (CSC API v2), started when `environment.SIGNER` is `csc`. */
  csc?: CscSimulator;
  /** A Bearer token the gateway accepts, with the user's claims. */
  issueToken(user: DemoUser, options?: IssueOptions): Promise<string>;
  /** Invokes a scheduled function now; resolves its result. */
  runSchedule(name: FunctionName): Promise<unknown>;
  /**
   * Resolves once every consumer queue is empty (visible, in flight, delayed) and no handler runs, twice in a
   * row; rejects when nothing has moved for `stallMs` while no delay, visibility or function timeout is pending.
   */
  settle(options?: SettleOptions): Promise<void>;
  stop(): Promise<void>;
}

/** The table's stream consumers, each with its filter (the attribute their new images have). */
const streamConsumers = functionNames.flatMap((name) => {
  const trigger = specOf(name).trigger;
  return trigger.kind === 'stream' ? [{ name, trigger }] : [];
});

export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const log = createLog(options.logLevel ?? 'WARN');
  const cleanups: (() => Promise<void> | void)[] = [];
  const runCleanups = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        log('WARN', 'stop: a cleanup step failed', error);
      }
    }
  };

  try {
    const emulators = await startEmulators(options.dataDir ? { dataDir: options.dataDir } : {});
    cleanups.push(() => emulators.stop());
    const clients = createClients(emulators);
    cleanups.push(() => {
      for (const client of Object.values(clients)) client.destroy();
    });

    const resources = await createResources(clients, emulators.sqsEndpoint, {
      suffix: options.suffix,
      visibilityTimeoutSeconds: options.visibilityTimeoutSeconds,
    });
    // Kept from here on: the writes of the seed, then the platform's (what the stream's consumers take).
    const feed = new ChangeFeed(() => resources.tableName);
    const readers = new Map(
      streamConsumers.map(({ name, trigger }) => [
        name,
        feed.reader((image) => image[trigger.newImageHas] !== undefined),
      ]),
    );
    if (options.streams !== false) feed.watch(emulators.dynalite);
    const queueOf = (name: ConsumerName): ConsumerQueues => {
      const queue = resources.queues.find((q) => q.name === name);
      if (!queue) throw new Error(`No queue for ${name}`);
      return queue;
    };
    const queueUrls = Object.fromEntries(
      resources.queues.map((q) => [q.name, { url: q.queueUrl, dlqUrl: q.dlqUrl }]),
    ) as Record<ConsumerName, QueueUrls>;

    let apiUrl = '';
    const partners = await startPartnerServer({ apiUrl: () => apiUrl });
    cleanups.push(() => partners.close());

    const env = localEnvironment({
      endpoints: { dynamodb: emulators.dynamodbEndpoint, sqs: emulators.sqsEndpoint, s3: emulators.s3Endpoint },
      tableName: resources.tableName,
      bucketName: resources.bucketName,
      queueUrlOf: (name) => queueOf(name).queueUrl,
      partners,
      logLevel: options.logLevel,
      ...(options.smsMilestones ? { smsMilestones: options.smsMilestones } : {}),
    });
    Object.assign(env, options.environment);
    let csc: CscSimulator | undefined;
    if (env.SIGNER === 'csc') {
      // SIGNER=csc: results are signed through a simulated CA's remote signing service, which enrols the
      // roster's leaders and agencies; its root is the one the platform trusts.
      const clientSecret = randomBytes(24).toString('base64url');
      csc = await startCscSimulator({
        clientId: 'egov-one-stop-local',
        clientSecret,
        directory: rosterDirectory(resources.tableName, clients.dynamo),
        ...(env.LOCAL_CA_DIR ? { caDirectory: join(env.LOCAL_CA_DIR, 'csc') } : {}),
        // Each signature is pending at its first poll, as on a phone, then approved.
        approval: 1,
      });
      cleanups.push(() => csc?.close());
      Object.assign(
        env,
        {
          CSC_BASE_URL: `${csc.url}/csc/v2/`,
          CSC_CLIENT_ID: 'egov-one-stop-local',
          CSC_CLIENT_SECRET: clientSecret,
          CSC_CREDENTIALS: JSON.stringify({ '*': { userID: '*' } }),
          CSC_TRUSTED_ROOTS: await csc.trustedRoot(),
          CSC_OPERATION_MODE: 'A',
          CSC_POLL_INTERVAL_MS: '100',
        },
        options.environment,
      );
    }
    cleanups.push(applyEnvironment(env));
    // SIGNER=local: the local certificate authority signs and verifies. Registered here, not imported by
    // the signing adapters, so no deployed function carries it (docs/design.md §10).
    if (env.SIGNER === 'local') {
      useLocalSigner(localCertificateAuthority(env.LOCAL_CA_DIR ? { directory: env.LOCAL_CA_DIR } : {}));
    }
    const captureDir = env.NOTIFICATION_CAPTURE_DIR;
    if (captureDir) cleanups.push(() => rm(captureDir, { recursive: true, force: true }));

    const jwt = await createLocalJwt({
      issuer: () => `${apiUrl}/local`,
      audience: String(cdkContext('egov:jwtAudience') ?? localAudience),
    });
    const invoker = createInvoker(options.loadHandler ?? importHandler);

    // Data kept from an earlier start is the seed already, with everything done since.
    if (resources.existed) log('INFO', `kept data found in ${options.dataDir}: not seeded again`);
    else
      await options.seed?.({
        clients,
        tableName: resources.tableName,
        bucketName: resources.bucketName,
        env,
        queueUrls,
      });

    const gateway = createGateway({ invoker, jwt, log, cors: options.cors });
    apiUrl = await gateway.listen(options.port ?? 0, options.host);
    // Known only now; restored after the gateway closed (cleanups run in reverse). options.environment still wins.
    // PUBLIC_URL: the portal is served by this gateway, as by the API in the cloud (forms print its look-up).
    const oidcEnv = Object.fromEntries(
      Object.entries({ ...oidcEnvironment(jwt.issuer, jwt.audience), PUBLIC_URL: apiUrl }).map(([k, v]) => [
        k,
        options.environment?.[k] ?? v,
      ]),
    );
    Object.assign(env, oidcEnv);
    cleanups.push(applyEnvironment(oidcEnv));
    cleanups.push(() => gateway.close());

    if (options.pollers ?? true) {
      const pollers = startPollers({
        sqs: clients.sqs,
        queues: resources.queues,
        invoker,
        log,
        concurrency: options.pollerConcurrency,
      });
      cleanups.push(() => pollers.stop());
    }
    // The table's change stream and its consumers (the events' relay, the indicator facts): always running, as
    // in the cloud, where no one sends a dossier's events but the stream.
    const streams = streamConsumers.flatMap((consumer) => {
      const reader = readers.get(consumer.name);
      if (!reader || options.streams === false) return [];
      return [startStreamPoller({ feed: reader, consumer, invoker, log })];
    });
    cleanups.push(() => Promise.all(streams.map((s) => s.stop())).then(() => undefined));
    const scheduler = startScheduler({ invoker, log, timers: options.scheduler ?? true });
    cleanups.push(() => scheduler.stop());

    const probe = (): CloudProbe => {
      const states = resources.queues.map((q) => ({
        name: q.name,
        m: emulators.fauxqs.inspectQueue(q.queueName)?.messages,
      }));
      let depth = 0;
      let waitingUntil = invoker.runningUntil;
      const counts: number[] = [invoker.started, invoker.finished];
      for (const { m } of states) {
        if (!m) continue;
        depth += m.ready.length + m.delayed.length + m.inflight.length;
        counts.push(m.ready.length, m.inflight.length, m.delayed.length);
        for (const d of m.delayed) waitingUntil = Math.max(waitingUntil, d.delayUntil ?? 0);
        for (const f of m.inflight) waitingUntil = Math.max(waitingUntil, f.visibilityDeadline);
      }
      for (const stream of streams) {
        depth += stream.inFlight;
        counts.push(stream.delivered);
        waitingUntil = Math.max(waitingUntil, stream.waitingUntil);
      }
      depth += feed.pending;
      counts.push(feed.added);
      return {
        idle: depth === 0 && invoker.active === 0,
        progress: counts.join(','),
        waitingUntil,
        describe: () =>
          `${states
            .map(
              ({ name, m }) =>
                `${name}: ${m?.ready.length ?? 0} ready, ${m?.inflight.length ?? 0} in flight, ${m?.delayed.length ?? 0} delayed`,
            )
            .join('; ')}; ${feed.pending} stream record(s) to consume; ${invoker.active} invocation(s) running`,
      };
    };

    let stopping: Promise<void> | undefined;
    return {
      apiUrl,
      env,
      clients,
      tableName: resources.tableName,
      bucketName: resources.bucketName,
      queueUrls,
      partners: partners.simulators,
      partnersUrl: partners.url,
      ...(csc ? { csc } : {}),
      issueToken: (user, issueOptions) => jwt.issueToken(user, issueOptions),
      runSchedule: (name) => scheduler.runNow(name),
      settle: (settleOptions) => settle(probe, settleOptions),
      stop() {
        stopping ??= runCleanups();
        return stopping;
      },
    };
  } catch (error) {
    await runCleanups();
    throw error;
  }
}

function createClients(emulators: Emulators): CloudClients {
  // Explicit endpoints: the cloud's own clients must not depend on process.env, which it is about to set.
  const common = { region: localRegion, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  return {
    dynamo: new DynamoDBClient({ ...common, endpoint: emulators.dynamodbEndpoint }),
    sqs: new SQSClient({ ...common, endpoint: emulators.sqsEndpoint }),
    s3: new S3Client({ ...common, endpoint: emulators.s3Endpoint, forcePathStyle: true }),
  };
}
