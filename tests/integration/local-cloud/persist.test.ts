import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { birthRegistration } from '../../support/http.ts';

/**
 * `npm start -- --persist`, as an operator runs it: each start is a process of its own (the handlers'
 * clients are made once per process), killed with Ctrl-C, then started again on the same directory.
 */
const directory = mkdtempSync(join(tmpdir(), 'egov-persist-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
});

interface Started {
  apiUrl: string;
  /** citizen-an's bearer token, as printed. */
  token: string;
  banner: string;
  stop(): Promise<void>;
}

/** Started once the banner ends ("Ctrl-C to stop."); fails if the process exits first. */
async function startPersistent(logLevel = 'ERROR'): Promise<Started> {
  const started = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts', '--persist'], {
    cwd: process.cwd(),
    env: {
      ...process.env,
      PORT: '0',
      LOCAL_DATA_DIR: join(directory, 'data'),
      LOCAL_CA_DIR: join(directory, 'ca'),
      LOG_LEVEL: logLevel,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = started;
  let out = '';
  let err = '';
  started.stderr?.on('data', (chunk) => {
    err += chunk;
  });
  const exited = new Promise<number | null>((resolve) => started.on('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    started.stdout?.on('data', (chunk) => {
      out += chunk;
      if (out.includes('Ctrl-C to stop.')) resolve();
    });
    exited.then((code) => reject(new Error(`npm start exited (${code}) before it was up: ${err}`)));
  });
  const apiUrl = /API\s+(http:\/\/\S+)/.exec(out)?.[1] ?? '';
  const token = /\(citizen-an\): citizen\n\s+(\S+)/.exec(out)?.[1] ?? '';
  return {
    apiUrl,
    token,
    get banner() {
      return out + err;
    },
    async stop() {
      started.kill('SIGINT');
      expect(await exited).toBe(0);
    },
  };
}

const call = async (started: Started, method: string, path: string, body?: unknown, withToken = true) => {
  const response = await fetch(`${started.apiUrl}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(withToken ? { authorization: `Bearer ${started.token}` } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe('npm start -- --persist', () => {
  it('keeps a dossier and its look-up PIN across a restart, and does not seed twice', async () => {
    const first = await startPersistent();
    expect(first.banner).toContain('(--persist)');
    const filed = await call(first, 'POST', '/v1/dossiers', birthRegistration());
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const { code, lookupPin } = filed.body as { code: string; lookupPin: string };
    await first.stop();

    const second = await startPersistent('INFO');
    expect(second.banner).toContain('not seeded again');
    expect((await call(second, 'GET', `/v1/dossiers/${code}`)).status).toBe(200);
    const lookup = await call(second, 'POST', '/v1/dossier-lookups', { code, pin: lookupPin }, false);
    expect(lookup.status, JSON.stringify(lookup.body)).toBe(200);
    // The agency's daily counter was kept too: the next filing takes the next number.
    const again = await call(second, 'POST', '/v1/dossiers', birthRegistration());
    expect(again.status).toBe(201);
    expect(again.body.code).not.toBe(code);
    const mine = await call(second, 'GET', '/v1/me/dossiers');
    expect((mine.body.items as unknown[]).length).toBe(2);
    await second.stop();
  });
});
