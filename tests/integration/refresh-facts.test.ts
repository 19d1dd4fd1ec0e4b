/**
 * `npm run refresh-facts`, as an operator runs it after records of the table's stream were left to
 * record-indicators' dead-letter queue (docs/runbook.md section 8): the dossier's fact is written again
 * from the dossier as stored. Here the stream never runs, so the fact is missing until the script.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { indicatorFactRepository } from '../../shared/adapters/dynamo/indicator-facts.ts';
import { toVnDate } from '../../shared/domain/time.ts';
import { birthRegistration, request, tokenFor } from '../support/http.ts';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, streams: false, scheduler: false, logLevel: 'SILENT' });
});
afterAll(() => cloud?.stop());

async function refreshFacts(...codes: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'refresh-facts', '--', ...codes], {
      env: { ...process.env, ...cloud.env },
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe('refresh-facts', () => {
  it('writes the fact of a dossier whose stream records were lost, and says which codes it did not find', async () => {
    const filed = await request(cloud, 'POST', '/v1/dossiers', {
      token: await tokenFor(cloud, 'citizen-an'),
      body: birthRegistration(),
    });
    expect(filed.status).toBe(201);
    const code = filed.body.code as string;
    const month = toVnDate(new Date()).slice(0, 7);
    const factOf = async () =>
      (await indicatorFactRepository(cloud.tableName).listMonth('24.07210', month)).facts.find((f) => f.code === code);
    expect(await factOf()).toBeUndefined();

    const run = await refreshFacts(code, '24.07210-260101-9999');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${code}: đã ghi lại số liệu chỉ số (phiên bản 1)`);
    expect(run.stdout).toContain('24.07210-260101-9999: không tìm thấy hồ sơ');
    expect(await factOf()).toMatchObject({ code, version: 1, status: 'submitted', channel: 'online' });
  });
});
