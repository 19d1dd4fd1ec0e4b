/**
 * The roster, not only the token, says who may act for an agency: an official deactivated or moved by an
 * admin is refused on their next request, although their token has not expired; a new token that matches
 * the roster works. The roster cache is off here (ROSTER_CACHE_SECONDS=0), so "next request" is the one
 * after the change, with no waiting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { birthRegistration, request, tokenFor } from '../support/http.ts';

let cloud: LocalCloud;
let admin: string;
let applicant: string;
let code: string;
beforeAll(async () => {
  cloud = await startLocalCloud({
    seed: seedDemoProvince,
    pollers: false,
    scheduler: false,
    logLevel: 'SILENT',
    environment: { ROSTER_CACHE_SECONDS: '0' },
  });
  admin = await tokenFor(cloud, 'admin-quang');
  applicant = await tokenFor(cloud, 'citizen-an');
  const filed = await request(cloud, 'POST', '/v1/dossiers', {
    token: applicant,
    body: birthRegistration({ returnMethod: 'online' }),
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  code = filed.body.code;
});
afterAll(() => cloud?.stop());

const get = (path: string, token: string) => request(cloud, 'GET', path, { token });
const putOfficial = (agencyId: string, sub: string, body: unknown) =>
  request(cloud, 'PUT', `/v1/agencies/${agencyId}/officials/${sub}`, { token: admin, body });
const actReceive = async (token: string) =>
  request(cloud, 'POST', `/v1/dossiers/${code}/actions`, {
    token,
    body: { type: 'receive', expectedVersion: (await get(`/v1/dossiers/${code}`, applicant)).body.version },
  });

function expectRefused(response: { status: number; headers: Headers; body: unknown }, code: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(403);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status: 403, code, detail: expect.stringMatching(/cán bộ/i) });
}

describe('an official deactivated on the roster', () => {
  // The ward's centre has receiver-lan and one generated receiver; the latter is the one deactivated.
  const sub = 'receiver-24-07210-ttpvhcc-1';
  const centre = '24.07210.TTPVHCC';

  it('reads and acts while active, and is refused on the next read and action once deactivated', async () => {
    const token = await tokenFor(cloud, sub);
    expect((await get(`/v1/agencies/${centre}/dossiers`, token)).status).toBe(200);
    expect((await get(`/v1/dossiers/${code}`, token)).status).toBe(200);

    const name = (await get(`/v1/agencies/${centre}/officials`, admin)).body.items.find(
      (o: { sub: string }) => o.sub === sub,
    ).name;
    expect((await putOfficial(centre, sub, { name, roles: ['receiver'], active: false })).status).toBe(200);

    expectRefused(await get(`/v1/dossiers/${code}`, token), 'official-inactive');
    expectRefused(await get(`/v1/agencies/${centre}/dossiers`, token), 'official-inactive');
    expectRefused(await actReceive(token), 'official-inactive');
    // Their colleague, still active, receives the dossier.
    expect((await actReceive(await tokenFor(cloud, 'receiver-lan'))).status).toBe(200);
  });
});

describe('an official moved to another agency', () => {
  // A generated specialist of Phường Bắc Giang (24.07210), moved to Xã Tân Yên (24.07339).
  const sub = 'specialist-24-07210-1';

  it('is refused at the old agency with the old token, and works with a token that matches the roster', async () => {
    const oldToken = await tokenFor(cloud, sub);
    expect((await get('/v1/agencies/24.07210/dossiers', oldToken)).status).toBe(200);

    const name = 'Nguyễn Thị Chuyển';
    expect((await putOfficial('24.07339', sub, { name, roles: ['specialist'] })).status).toBe(200);

    expectRefused(await get('/v1/agencies/24.07210/dossiers', oldToken), 'official-moved');
    expectRefused(await get(`/v1/dossiers/${code}`, oldToken), 'official-moved');

    const newToken = await cloud.issueToken({ sub, name, roles: ['specialist'], agencyId: '24.07339' });
    expect((await get('/v1/agencies/24.07339/dossiers', newToken)).status).toBe(200);
    // The new token is no key to the old agency: the agency's own rules keep it out.
    expect((await get('/v1/agencies/24.07210/dossiers', newToken)).status).toBe(404);
  });
});

describe('a token that no longer matches the roster', () => {
  it('is refused when it carries a role the roster withdrew', async () => {
    // leader-hung is on the roster as a leader only.
    const promoted = await cloud.issueToken({
      sub: 'leader-hung',
      name: 'Vũ Mạnh Hùng',
      roles: ['leader', 'admin'],
      agencyId: '24.07210',
    });
    expectRefused(await get('/v1/agencies/24.07210/officials', promoted), 'official-roles-changed');
  });

  it('is refused when its subject is not on the roster at all', async () => {
    const token = await cloud.issueToken({
      sub: 'specialist-unknown',
      name: 'Không Có Tên',
      roles: ['specialist'],
      agencyId: '24.07210',
    });
    expectRefused(await get('/v1/agencies/24.07210/dossiers', token), 'official-not-on-roster');
  });
});

describe('who the roster does not concern', () => {
  it('lets citizens through, and the province-wide admin and auditor filed under the People’s Committee', async () => {
    expect((await get(`/v1/dossiers/${code}`, applicant)).status).toBe(200);
    expect((await get(`/v1/dossiers/${code}`, await tokenFor(cloud, 'auditor-thu'))).status).toBe(200);
    expect((await get('/v1/agencies/24.07210/officials', admin)).status).toBe(200);
  });
});
