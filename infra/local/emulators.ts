/** The emulated AWS services, in this process, on ports the OS picks so parallel test files never clash. */
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { type FauxqsServer, startFauxqs } from 'fauxqs';

interface DynaliteOptions {
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
  stop(): Promise<void>;
}

export async function startEmulators(): Promise<Emulators> {
  const dynamo = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    dynamo.once('error', reject);
    dynamo.listen(0, '127.0.0.1', () => resolve());
  });
  let fauxqs: FauxqsServer;
  try {
    fauxqs = await startFauxqs({ port: 0, logger: false });
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
