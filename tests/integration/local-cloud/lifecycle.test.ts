import { type ChildProcess, spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const cloudUrl = pathToFileURL(`${process.cwd()}/infra/local/cloud.ts`).href;

/**
 * A whole session in a fresh process that never calls process.exit: it only ends by itself if
 * stop() closed every server, socket, timer and poller.
 */
const session = `
  import { SendMessageCommand } from '@aws-sdk/client-sqs';
  import { startLocalCloud } from ${JSON.stringify(cloudUrl)};
  const cloud = await startLocalCloud({
    logLevel: 'SILENT',
    loadHandler: async () => async () => ({ statusCode: 200, body: 'ok' }),
  });
  const res = await fetch(cloud.apiUrl + '/v1/health');
  await res.text();
  await cloud.clients.sqs.send(new SendMessageCommand({ QueueUrl: cloud.queueUrls.notify.url, MessageBody: '{}' }));
  await cloud.settle();
  await cloud.runSchedule('watch-deadlines');
  await cloud.stop();
  console.log('stopped after', res.status);
  setImmediate(() => console.error('still open:', process.getActiveResourcesInfo().join(', ')));
`;

let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill('SIGKILL');
});

describe('stop()', () => {
  it('leaves nothing open: the process exits on its own', async () => {
    child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', session], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) => child?.on('exit', resolve));
    expect(stdout.trim(), stderr).toBe('stopped after 200');
    expect(code, stderr).toBe(0);
  });
});
