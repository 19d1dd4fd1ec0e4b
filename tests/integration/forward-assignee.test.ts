/**
 * A forward names who takes the next step: only an active official of the agency that will hold the
 * dossier, holding the role the procedure gives that step. At a service centre (Nghị định 118/2025/NĐ-CP)
 * the receiver forwards to the competent agency, so it is that agency's specialist who is eligible.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { actOnDossier, birthRegistration, request, tokenFor } from '../support/http.ts';

let cloud: LocalCloud;
const tokens: Record<string, string> = {};
let code: string;
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, pollers: false, scheduler: false, logLevel: 'SILENT' });
  for (const sub of ['citizen-an', 'receiver-lan', 'specialist-ha', 'admin-quang']) {
    tokens[sub] = await tokenFor(cloud, sub);
  }
  const filed = await request(cloud, 'POST', '/v1/dossiers', {
    token: tokens['citizen-an'],
    body: birthRegistration({ returnMethod: 'online' }),
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  code = filed.body.code;
  await actOnDossier(cloud, tokens['receiver-lan'], code, { type: 'receive' });
});
afterAll(() => cloud?.stop());

async function forward(by: string, assigneeId: string) {
  const { version } = (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: tokens[by] as string })).body;
  return request(cloud, 'POST', `/v1/dossiers/${code}/actions`, {
    token: tokens[by] as string,
    body: { type: 'forward', assigneeId, expectedVersion: version },
  });
}

function expectNotEligible(response: { status: number; headers: Headers; body: unknown }) {
  expect(response.status, JSON.stringify(response.body)).toBe(422);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ code: 'assignee-not-eligible', detail: expect.stringMatching(/cán bộ/) });
}

describe('forward from the ward’s service centre to the ward (24.07210), step "specialist"', () => {
  it.each([
    ['a citizen', 'citizen-an'],
    ['a subject on no roster', 'specialist-nobody'],
    ['another agency’s leader', 'leader-tuan'],
    ['another agency’s specialist', 'specialist-nam'],
    ['the ward’s leader, without the step’s role', 'leader-hung'],
    ['the centre’s own receiver, who will not hold the dossier', 'receiver-lan'],
  ])('refuses %s (422)', async (_, assigneeId) => {
    expectNotEligible(await forward('receiver-lan', assigneeId));
  });

  it('refuses a specialist of the ward who was deactivated', async () => {
    const sub = 'specialist-24-07210-1';
    const put = await request(cloud, 'PUT', `/v1/agencies/24.07210/officials/${sub}`, {
      token: tokens['admin-quang'] as string,
      body: { name: 'Cán bộ đã nghỉ', roles: ['specialist'], active: false },
    });
    expect(put.status).toBe(200);
    expectNotEligible(await forward('receiver-lan', sub));
  });

  it('hands the dossier to the ward’s active specialist, then the specialist to the ward’s leader', async () => {
    const toSpecialist = await forward('receiver-lan', 'specialist-ha');
    expect(toSpecialist.status, JSON.stringify(toSpecialist.body)).toBe(200);
    expect(toSpecialist.body).toMatchObject({ agencyId: '24.07210', workQueue: { assigneeId: 'specialist-ha' } });

    // The next step is the leader's: a specialist, even the one forwarding, is not eligible.
    expectNotEligible(await forward('specialist-ha', 'specialist-ha'));
    expectNotEligible(await forward('specialist-ha', 'leader-tuan'));
    const toLeader = await forward('specialist-ha', 'leader-hung');
    expect(toLeader.status, JSON.stringify(toLeader.body)).toBe(200);
    expect(toLeader.body).toMatchObject({ workQueue: { assigneeId: 'leader-hung', stepIndex: 2 } });
  });
});
