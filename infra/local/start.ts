/**
 * `npm start`: the whole platform on this machine, seeded with the demo province, with a ready
 * token per demo user. Ctrl-C stops everything and exits 0.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localCaRootFile, localCertificateAuthority } from '../../shared/documents/signing/local-ca.ts';
import { type SeedContext, startLocalCloud } from './cloud.ts';
import { demoUsers } from './demo-users.ts';
import { type LogLevel, logLevels } from './log.ts';

type SeedModule = { seedDemoProvince?: (ctx: SeedContext) => Promise<void> };

const seedUrl = new URL('./seed.ts', import.meta.url);
const logLevel = (process.env.LOG_LEVEL?.toUpperCase() ?? 'WARN') as LogLevel;
if (!logLevels.includes(logLevel)) throw new Error(`LOG_LEVEL must be one of ${logLevels.join(', ')}`);

const caDirectory = process.env.LOCAL_CA_DIR ?? '.local-cloud/ca';
/** `npm start -- --persist`: the data outlives the process, in .local-cloud/data (not seeded again). */
const persist = process.argv.includes('--persist');
const dataDir = process.env.LOCAL_DATA_DIR ?? '.local-cloud/data';
// Made (or read) now, so its root's PEM file is there before the first result is signed.
localCertificateAuthority({ directory: caDirectory }).state();

const cloud = await startLocalCloud({
  port: Number(process.env.PORT ?? 3000),
  logLevel,
  // The local certificate authority's chain survives restarts: signed results stay verifiable.
  // SIGNER=csc: through the simulated remote signing service (CSC API v2) instead of the local CA.
  ...(persist ? { dataDir, suffix: 'local' } : {}),
  environment: {
    ...(persist ? keptSecrets(dataDir) : {}),
    LOCAL_CA_DIR: caDirectory,
    ...(process.env.SIGNER === 'csc' ? { SIGNER: 'csc' } : {}),
  },
  // Imported only now: the seed reaches shared/ modules that read the environment at load.
  seed: async (ctx) => {
    if (!existsSync(fileURLToPath(seedUrl))) {
      console.error('[local-cloud] WARN infra/local/seed.ts not found: starting with empty data');
      return;
    }
    const { seedDemoProvince } = (await import(seedUrl.href)) as SeedModule;
    if (typeof seedDemoProvince !== 'function') throw new Error('infra/local/seed.ts must export seedDemoProvince');
    await seedDemoProvince(ctx);
  },
});

/**
 * The secrets kept data depends on, kept with it: the look-up PINs' pepper (every stored PIN hash) and the
 * record seal (Idempotency-Key records). Fresh ones would make every receipt's PIN wrong after a restart.
 */
function keptSecrets(directory: string): Record<string, string> {
  const file = join(directory, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const secrets = {
    LOOKUP_PIN_PEPPER: randomBytes(32).toString('base64url'),
    RECORD_SEAL_SECRET: randomBytes(32).toString('base64url'),
  };
  mkdirSync(directory, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

/** The emulators' endpoints, region, credentials, table and bucket: one line to paste before an ops script. */
function operatorEnvironment(env: Readonly<Record<string, string | undefined>>): string {
  const keys = [
    'AWS_REGION',
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_ENDPOINT_URL_DYNAMODB',
    'AWS_ENDPOINT_URL_SQS',
    'AWS_ENDPOINT_URL_S3',
    'TABLE_NAME',
    'DOCUMENTS_BUCKET',
  ];
  return keys.flatMap((key) => (env[key] ? [`${key}=${env[key]}`] : [])).join(' ');
}

const tokens = await Promise.all(demoUsers.map(async (user) => ({ user, token: await cloud.issueToken(user) })));
console.log(`
egov-one-stop local cloud
  API     ${cloud.apiUrl}
  health  ${cloud.apiUrl}/v1/health
  sign in ${cloud.apiUrl}/portal/dang-nhap  (the portal, through the local OpenID Connect provider)
  users   ${cloud.apiUrl}/local/users      (POST ${cloud.apiUrl}/local/token {"sub": "…"} for a fresh token)
  partners ${cloud.partnersUrl}/<dvcqg|payments|postal>  (simulators of the national portal, payments, post)${
    cloud.csc
      ? `\n  signing ${cloud.csc.url}/csc/v2/  (SIGNER=csc: a CA's remote signing service, CSC API v2, simulated)`
      : ''
  }
  CA root ${resolve(caDirectory, localCaRootFile)}  (the local CA that signs results: openssl verify -CAfile …)
  data    ${persist ? `kept in ${resolve(dataDir)} (--persist): delete it to start afresh` : 'in memory: lost when this stops (npm start -- --persist keeps it)'}

For the ops scripts against this cloud (npm run verify-timeline; npm run redrive with --queue-url and --dlq-url),
in another shell:
  export ${operatorEnvironment(cloud.env)}

Bearer tokens (valid 12 h):`);
for (const { user, token } of tokens) {
  const agency = user.agencyId ? `, agency ${user.agencyId}` : '';
  console.log(`\n  ${user.name} (${user.sub}): ${user.roles.join(', ')}${agency}\n  ${token}`);
}
console.log('\nCtrl-C to stop.');

let stopping = false;
const shutdown = async (signal: NodeJS.Signals) => {
  if (stopping) {
    // A second Ctrl-C: the user no longer wants to wait.
    process.exit(130);
  }
  stopping = true;
  console.error(`\n[local-cloud] ${signal}: stopping…`);
  await cloud.stop();
  process.exitCode = 0;
  // A handler may have left a timer or socket behind; do not let it keep a stopped cloud's process alive.
  setTimeout(() => process.exit(0), 2000).unref();
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    shutdown(signal).catch((error: unknown) => {
      console.error('[local-cloud] ERROR stop failed', error);
      process.exit(1);
    });
  });
}
