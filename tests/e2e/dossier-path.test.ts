import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { birthRegistration, request, tokenFor } from '../support/http.ts';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false });
});
afterAll(() => cloud?.stop());

describe('a dossier’s first path, over HTTP as a client drives it', () => {
  it('goes from submission to the applicant’s Vietnamese notification', async () => {
    const health = await request(cloud, 'GET', '/v1/health');
    expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });

    const issued = await request(cloud, 'POST', '/local/token', { body: { sub: 'citizen-an' } });
    const token = issued.body.token as string;

    const receipt = await request(cloud, 'POST', '/v1/dossiers', {
      token,
      body: birthRegistration(),
      headers: { 'idempotency-key': crypto.randomUUID() },
    });
    expect(receipt.status).toBe(201);
    const code = receipt.body.code as string;

    await cloud.settle();

    const notifications = await request(cloud, 'GET', '/v1/me/notifications', { token });
    expect(notifications.status).toBe(200);
    expect(notifications.body.items).toEqual([
      expect.objectContaining({
        dossierCode: code,
        read: false,
        // Nghị định 118/2025: the commune's service centre receives it.
        title: `Hồ sơ ${code} đã được gửi đến Trung tâm Phục vụ hành chính công Phường Bắc Giang`,
      }),
    ]);
    expect(notifications.body.items[0].body).toContain(receipt.body.appointment);

    const dossier = await request(cloud, 'GET', `/v1/dossiers/${code}`, { token });
    expect(dossier.status).toBe(200);
    expect(dossier.headers.get('etag')).toBe('"2"');
    expect(dossier.body).toMatchObject({
      code,
      status: 'submitted',
      version: 2,
      workQueue: { stepIndex: 0, stepName: 'Tiếp nhận hồ sơ' },
    });
    expect(dossier.body.timeline.map((e: { action: string }) => e.action)).toEqual(['file', 'route-to-intake']);
    expect(dossier.body).not.toHaveProperty('pinHash');
    expect(dossier.body).not.toHaveProperty('outbox');
  });

  it('shows a dossier to its applicant, the holding agency and auditors only; 404 to the rest', async () => {
    const owner = await tokenFor(cloud, 'citizen-an');
    const { body } = await request(cloud, 'POST', '/v1/dossiers', { token: owner, body: birthRegistration() });
    const path = `/v1/dossiers/${body.code}`;
    const statusFor = async (sub?: string) =>
      (await request(cloud, 'GET', path, sub ? { token: await tokenFor(cloud, sub) } : {})).status;

    expect(await statusFor('citizen-an')).toBe(200);
    expect(await statusFor('receiver-lan')).toBe(200); // receiver of Phường Bắc Giang's service centre
    expect(await statusFor('leader-hung')).toBe(200); // the competent commune's leader, to whom it will come
    expect(await statusFor('auditor-thu')).toBe(200);
    expect(await statusFor('citizen-binh')).toBe(404);
    expect(await statusFor('specialist-minh')).toBe(404); // Sở Tư pháp
    expect(await statusFor(undefined)).toBe(401);
    expect((await request(cloud, 'GET', '/v1/dossiers/24.07210-260101-9999', { token: owner })).status).toBe(404);
    expect((await request(cloud, 'GET', '/v1/dossiers/not-a-code', { token: owner })).status).toBe(400);
  });

  it('pages the inbox with a cursor and refuses a forged one', async () => {
    const token = await tokenFor(cloud, 'citizen-binh');
    for (let i = 0; i < 3; i++) await request(cloud, 'POST', '/v1/dossiers', { token, body: birthRegistration() });
    await cloud.settle();

    const first = await request(cloud, 'GET', '/v1/me/notifications?limit=2', { token });
    expect(first.body.items).toHaveLength(2);
    const second = await request(cloud, 'GET', `/v1/me/notifications?limit=2&cursor=${first.body.nextCursor}`, {
      token,
    });
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeUndefined();
    const codes = [...first.body.items, ...second.body.items].map((n: { dossierCode: string }) => n.dossierCode);
    expect(new Set(codes).size).toBe(3);

    const forged = Buffer.from(JSON.stringify({ pk: 'USER#citizen-an', sk: 'NOTIF#9' })).toString('base64url');
    expect((await request(cloud, 'GET', `/v1/me/notifications?cursor=${forged}`, { token })).status).toBe(400);
    expect((await request(cloud, 'GET', '/v1/me/notifications?limit=1000', { token })).status).toBe(400);
  });
});
