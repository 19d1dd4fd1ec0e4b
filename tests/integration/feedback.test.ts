import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { monthOf } from '../../shared/domain/indicators/period.ts';
import { birthRegistration, request, tokenFor } from '../support/http.ts';

/**
 * Issue 7, item 5: feedback (PAKN) over HTTP — filed, forwarded to the competent agency within 5
 * working days, assigned, answered, published without personal data; who may read what; the report counts.
 */
let cloud: LocalCloud;
const tokens: Record<string, string> = {};
const users = [
  'citizen-an',
  'citizen-binh',
  'receiver-mai',
  'leader-son',
  'specialist-nam',
  'leader-tuan',
  'specialist-minh',
  'admin-quang',
];
beforeAll(async () => {
  cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false });
  for (const sub of users) tokens[sub] = await tokenFor(cloud, sub);
  // The Sở Tư pháp roster: assignments go only to officials on it.
  const roster = await request(cloud, 'PUT', '/v1/agencies/24.STP/officials/specialist-minh', {
    token: tokens['admin-quang'],
    body: { name: 'Phạm Văn Minh', roles: ['specialist'] },
  });
  expect(roster.status).toBeLessThan(300);
});
afterAll(() => cloud?.stop());

const contact = {
  fullName: 'Nguyễn Văn An',
  phone: '0912345678',
  email: 'an.nguyen@example.vn',
  address: 'Số 5 đường Lý Thái Tổ, phường Bắc Giang',
};
const filing = {
  title: 'Chậm cấp giấy phép xây dựng',
  content: 'Tôi là Nguyễn Văn An, CCCD 024090001234, nộp hồ sơ đã lâu chưa có kết quả.',
  agencyId: '24.SXD',
  contact,
};

const file = (body: unknown, sub = 'citizen-an', key?: string) =>
  request(cloud, 'POST', '/v1/feedback', {
    token: tokens[sub],
    body,
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });
const act = (sub: string, id: string, body: Record<string, unknown>) =>
  request(cloud, 'POST', `/v1/feedback/${id}/actions`, { token: tokens[sub], body });
const get = (sub: string | undefined, path: string) => request(cloud, 'GET', path, sub ? { token: tokens[sub] } : {});

const thisMonth = () => {
  const [year = 0, index = 0] = monthOf(new Date()).split('-').map(Number);
  return { periodKind: 'month', year, index };
};
async function feedbackCounts(sub: string, agencyId?: string) {
  const asked = await request(cloud, 'POST', '/v1/reports', {
    token: tokens[sub],
    body: { ...thisMonth(), ...(agencyId ? { agencyId } : {}) },
  });
  expect(asked.status, JSON.stringify(asked.body)).toBe(202);
  await cloud.settle();
  const got = await get(sub, `/v1/reports/${asked.body.id}`);
  expect(got.body.status).toBe('ready');
  const { feedbackReceived, feedbackAnswered, feedbackAnsweredOnTime } = got.body.summary.counts;
  return { feedbackReceived, feedbackAnswered, feedbackAnsweredOnTime };
}

/** The title the leader publishes: the citizen's own may name people. */
const publicTitle = 'Phản ánh về thời hạn trả kết quả hồ sơ';

describe('feedback from filing to the published answer', () => {
  let id: string;

  it('is filed once per Idempotency-Key, read by its author, hidden from another citizen', async () => {
    const filed = await file(filing, 'citizen-an', 'pakn-1');
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    id = filed.body.id;
    expect(filed.body).toMatchObject({ status: 'received', agencyId: '24.SXD', title: filing.title, contact });
    const replay = await file(filing, 'citizen-an', 'pakn-1');
    expect(replay.body.id).toBe(id);

    expect((await get('citizen-an', `/v1/feedback/${id}`)).status).toBe(200);
    expect((await get('citizen-binh', `/v1/feedback/${id}`)).status).toBe(404);
    const mine = await get('citizen-an', '/v1/me/feedback');
    expect(mine.body.items.map((f: { id: string }) => f.id)).toEqual([id]);
    expect((await get('citizen-binh', '/v1/me/feedback')).body.items).toEqual([]);
  });

  it("lists in the agency's work list by status; another agency's official gets 404", async () => {
    const list = await get('leader-son', '/v1/agencies/24.SXD/feedback?status=received');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id, status: 'received' })]);
    expect((await get('leader-son', '/v1/agencies/24.SXD/feedback?status=answered')).body.items).toEqual([]);
    expect((await get('leader-tuan', '/v1/agencies/24.SXD/feedback')).status).toBe(404);
    expect((await get('leader-tuan', `/v1/feedback/${id}`)).status).toBe(404);
    const official = await get('leader-son', `/v1/feedback/${id}`);
    expect(official.body).toMatchObject({ authorId: 'citizen-an', contact });
  });

  it('is forwarded to the competent agency with a reason, which then holds it alone', async () => {
    const stale = await act('leader-son', id, {
      type: 'forward',
      expectedVersion: 7,
      agencyId: '24.STP',
      reason: 'x',
    });
    expect(stale.status).toBe(409);
    const forwarded = await act('leader-son', id, {
      type: 'forward',
      expectedVersion: 1,
      agencyId: '24.STP',
      reason: 'Nội dung thuộc thẩm quyền của Sở Tư pháp.',
    });
    expect(forwarded.status, JSON.stringify(forwarded.body)).toBe(200);
    expect(forwarded.body).toMatchObject({ status: 'received', agencyId: '24.STP', version: 2 });
    expect((await get('leader-son', `/v1/feedback/${id}`)).status).toBe(404);
    expect((await get('leader-son', '/v1/agencies/24.SXD/feedback')).body.items).toEqual([]);
    expect((await get('leader-tuan', '/v1/agencies/24.STP/feedback')).body.items).toEqual([
      expect.objectContaining({ id, status: 'received' }),
    ]);
  });

  it('is assigned to an official of the agency on its roster, answered, and the answer published', async () => {
    const outsider = await act('leader-tuan', id, { type: 'assign', expectedVersion: 2, assigneeId: 'specialist-nam' });
    expect(outsider.status).toBe(422);
    expect(outsider.body.code).toBe('unknown-assignee');
    const specialistAssigns = await act('specialist-minh', id, {
      type: 'assign',
      expectedVersion: 2,
      assigneeId: 'specialist-minh',
    });
    expect(specialistAssigns.status).toBe(403);
    const assigned = await act('leader-tuan', id, {
      type: 'assign',
      expectedVersion: 2,
      assigneeId: 'specialist-minh',
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    expect(assigned.body).toMatchObject({ status: 'assigned', assigneeId: 'specialist-minh' });

    const untitled = await act('leader-tuan', id, { type: 'publish', expectedVersion: 3 });
    expect(untitled.status).toBe(400);
    const early = await act('leader-tuan', id, { type: 'publish', expectedVersion: 3, title: publicTitle });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('feedback-status');

    const answer = 'Sở Tư pháp đã kiểm tra; kết quả được trả trong tuần này.';
    const answered = await act('specialist-minh', id, { type: 'answer', expectedVersion: 3, text: answer });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body.status).toBe('answered');
    const seen = await get('citizen-an', `/v1/feedback/${id}`);
    expect(seen.body).toMatchObject({ status: 'answered', answer: { text: answer, agencyId: '24.STP' } });
    expect(seen.body.answer.by).toBeUndefined();

    const published = await act('leader-tuan', id, {
      type: 'publish',
      expectedVersion: 4,
      title: publicTitle,
      summary: 'Công dân phản ánh việc chậm trả kết quả hồ sơ.',
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body.status).toBe('published');
  });

  it('shows the public the published answer and nothing personal', async () => {
    const list = await get(undefined, '/v1/public-feedback');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      {
        id,
        title: publicTitle,
        summary: 'Công dân phản ánh việc chậm trả kết quả hồ sơ.',
        answer: 'Sở Tư pháp đã kiểm tra; kết quả được trả trong tuần này.',
        agencyId: '24.STP',
        filedAt: expect.any(String),
        answeredAt: expect.any(String),
        publishedAt: expect.any(String),
      },
    ]);
    const one = await get(undefined, `/v1/public-feedback/${id}`);
    expect(one.body).toEqual(list.body.items[0]);
    for (const body of [list.body, one.body]) {
      const text = JSON.stringify(body);
      for (const personal of [
        contact.fullName,
        contact.phone,
        contact.email,
        contact.address,
        '024090001234',
        'citizen-an',
        'specialist-minh',
        filing.content,
      ]) {
        expect(text).not.toContain(personal);
      }
    }
  });
});

describe('anonymous feedback, dossiers and the forwarding window', () => {
  it('keeps the author of anonymous feedback from officials, yet shows it to the author', async () => {
    const filed = await file({
      title: 'Thái độ tiếp dân',
      content: 'Cán bộ trả lời thiếu lịch sự.',
      agencyId: '24.STP',
      anonymous: true,
    });
    expect(filed.status).toBe(201);
    const official = await get('leader-tuan', `/v1/feedback/${filed.body.id}`);
    expect(official.status).toBe(200);
    expect(JSON.stringify(official.body)).not.toContain('citizen-an');
    expect((await get('citizen-an', `/v1/feedback/${filed.body.id}`)).body.anonymous).toBe(true);
    const withContact = await file({ ...filing, anonymous: true });
    expect(withContact.status).toBe(422);
  });

  it('takes a dossier of the citizen’s own, and answers 404 for somebody else’s', async () => {
    const dossier = await request(cloud, 'POST', '/v1/dossiers', {
      token: tokens['citizen-an'],
      body: birthRegistration(),
    });
    expect(dossier.status).toBe(201);
    const about = {
      title: 'Hỏi về hồ sơ',
      content: 'Khi nào có kết quả?',
      agencyId: '24.07210',
      dossierCode: dossier.body.code,
    };
    const own = await file(about);
    expect(own.status).toBe(201);
    expect(own.body.dossierCode).toBe(dossier.body.code);
    const theirs = await file(about, 'citizen-binh');
    expect(theirs.status).toBe(404);
  });

  it('refuses forwarding after 5 working days of receipt (409, in Vietnamese)', async () => {
    const { feedbackRepository } = await import('../../shared/adapters/dynamo/feedback-repository.ts');
    const { fileFeedback } = await import('../../shared/domain/feedback/rules.ts');
    const old = fileFeedback(
      { sub: 'citizen-binh', roles: ['citizen'] },
      { title: 'Cũ', content: 'Phản ánh cũ', agencyId: '24.STP' },
      '00000000-0000-4000-8000-000000000001',
      new Date(Date.now() - 30 * 24 * 3600_000),
    );
    await feedbackRepository(cloud.tableName).create(old);
    const late = await act('leader-tuan', old.id, {
      type: 'forward',
      expectedVersion: 1,
      agencyId: '24.SXD',
      reason: 'Không thuộc thẩm quyền',
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'forward-too-late', detail: expect.stringContaining('5 ngày làm việc') });
  });

  it('pages the work list with a cursor', async () => {
    const first = await get('leader-tuan', '/v1/agencies/24.STP/feedback?limit=1');
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const next = await get('leader-tuan', `/v1/agencies/24.STP/feedback?limit=1&cursor=${first.body.nextCursor}`);
    expect(next.body.items).toHaveLength(1);
    expect(next.body.items[0].id).not.toBe(first.body.items[0].id);
    expect((await get('leader-son', `/v1/agencies/24.SXD/feedback?cursor=${first.body.nextCursor}`)).status).toBe(400);
  });
});

describe('feedback in the indicator report', () => {
  it('counts each feedback received once, where it was forwarded to, and answered where answered', async () => {
    // Sở Tư pháp received the forwarded one and the anonymous one (the old one was written around the API, uncounted).
    // The answer was given the day it was received, well within 15 working days: on time (QĐ 766, 5.2).
    expect(await feedbackCounts('leader-tuan')).toEqual({
      feedbackReceived: 2,
      feedbackAnswered: 1,
      feedbackAnsweredOnTime: 1,
    });
    // Sở Xây dựng forwarded its only one away.
    expect(await feedbackCounts('leader-son')).toEqual({
      feedbackReceived: 0,
      feedbackAnswered: 0,
      feedbackAnsweredOnTime: 0,
    });
    // The province: those two and the commune's one about a dossier.
    expect(await feedbackCounts('admin-quang', '24.UBND')).toEqual({
      feedbackReceived: 3,
      feedbackAnswered: 1,
      feedbackAnsweredOnTime: 1,
    });
  });
});
