/** The emulated AWS services, in this process, on ports the OS picks so parallel test files never clash. */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type FauxqsServer, startFauxqs } from 'fauxqs';

interface DynaliteOptions {
  /** A LevelDB directory: the tables outlive the process. In memory when absent. */
  path?: string;
  createTableMs?: number;
  deleteTableMs?: number;
  updateTableMs?: number;
}
// dynalite is CommonJS without type declarations.
const dynalite = createRequire(import.meta.url)('dynalite') as (options: DynaliteOptions) => Server;

export interface Emulators {
  /** DynamoDB API (dynalite). */
  dynamodbEndpoint: string;
  /** SQS and S3 APIs (fauxqs serves both on one port). */
  sqsEndpoint: string;
  s3Endpoint: string;
  /** For in-process inspection (queue depths) without extra API calls that would skew request counts. */
  fauxqs: FauxqsServer;
  /** dynalite's HTTP server: the local change feed watches the writes it answers (change-feed.ts). */
  dynalite: Server;
  stop(): Promise<void>;
}

/**
 * `dataDir`: the tables (dynalite's LevelDB), queues, messages and objects (fauxqs's SQLite) are kept
 * there and found again on the next start (`npm start -- --persist`). In memory when absent.
 */
export async function startEmulators(options: { dataDir?: string } = {}): Promise<Emulators> {
  const { dataDir } = options;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const dynamo = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(dataDir ? { path: join(dataDir, 'dynamodb') } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    dynamo.once('error', reject);
    dynamo.listen(0, '127.0.0.1', () => resolve());
  });
  let fauxqs: FauxqsServer;
  try {
    fauxqs = await startFauxqs({ port: 0, logger: false, ...(dataDir ? { dataDir: join(dataDir, 'fauxqs') } : {}) });
  } catch (error) {
    await closeDynalite(dynamo);
    throw error;
  }
  const dynamoPort = (dynamo.address() as AddressInfo).port;
  // fauxqs listens on 0.0.0.0; 127.0.0.1 avoids a localhost → ::1 miss.
  const fauxqsEndpoint = `http://127.0.0.1:${fauxqs.port}`;
  return {
    dynamodbEndpoint: `http://127.0.0.1:${dynamoPort}`,
    sqsEndpoint: fauxqsEndpoint,
    s3Endpoint: fauxqsEndpoint,
    fauxqs,
    dynalite: dynamo,
    async stop() {
      const results = await Promise.allSettled([fauxqs.stop(), closeDynalite(dynamo)]);
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
}

function closeDynalite(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Handlers' SDK clients keep sockets alive; close() alone would wait for them.
    server.closeAllConnections();
  });
}
