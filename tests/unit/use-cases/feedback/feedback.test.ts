import { describe, expect, it } from 'vitest';
import type { Agency } from '../../../../shared/domain/agency.ts';
import type { Caller } from '../../../../shared/domain/caller.ts';
import {
  actOnFeedbackUseCase,
  fileFeedbackUseCase,
  getFeedbackUseCase,
  getPublishedFeedbackUseCase,
  listAgencyFeedbackUseCase,
  listMyFeedbackUseCase,
  listPublishedFeedbackUseCase,
} from '../../../../shared/use-cases/feedback/feedback.ts';
import { FeedbackActionBody, FileFeedbackBody } from '../../../../shared/use-cases/feedback/schemas.ts';
import { quotas } from '../../../../shared/use-cases/quotas.ts';
import { fakeAgencyRepository } from '../../../support/fakes/agency-repository.ts';
import { fakeDossierRepository } from '../../../support/fakes/dossier-repository.ts';
import { fakeFeedbackCounters } from '../../../support/fakes/feedback-counters.ts';
import { fakeFeedbackRepository } from '../../../support/fakes/feedback-repository.ts';
import { fakeQuotaCounter } from '../../../support/fakes/quota-counter.ts';
import { calendar, people, roster, submittedPermit, sxd } from '../../lifecycle/fixtures.ts';

const stp: Agency = { id: '24.STP', name: 'Sở Tư pháp tỉnh Bắc Ninh', level: 'department' };
const id = '7d1f6f0e-2b0a-4c1e-9a57-0f5d1c2e3a4b';
/** Filed on Monday 2 March 2026 at 09:00: a working day, before the 15:00 cut-off, so received that day. */
const filedAt = new Date('2026-03-02T09:00:00+07:00');
const at = (iso: string) => () => new Date(iso);
const complaint = FileFeedbackBody.parse({
  title: 'Chậm trả kết quả',
  content: 'Hồ sơ của tôi đã quá hạn mà chưa có kết quả.',
  agencyId: sxd.id,
  contact: { fullName: 'Nguyễn Văn An', phone: '0912345678' },
});
const action = (body: Record<string, unknown>) => FeedbackActionBody.parse(body);

function world() {
  const feedback = fakeFeedbackRepository();
  const counters = fakeFeedbackCounters();
  const agencies = fakeAgencyRepository({ agencies: [sxd, stp], officials: roster });
  const dossiers = fakeDossierRepository([submittedPermit()]);
  const file = (now = filedAt, body = complaint, caller: Caller = people.applicant) =>
    fileFeedbackUseCase({ feedback, counters, agencies, dossiers, now: () => now, newId: () => id })(caller, body);
  const act = (caller: Caller, body: Record<string, unknown>, now: () => Date, answerWithinWorkingDays?: number) =>
    actOnFeedbackUseCase({
      feedback,
      counters,
      agencies,
      calendarFor: async () => calendar,
      now,
      ...(answerWithinWorkingDays === undefined ? {} : { answerWithinWorkingDays }),
    })(caller, id, action(body));
  return { feedback, counters, agencies, dossiers, file, act };
}

describe('filing feedback', () => {
  it('stores the citizen’s feedback as received and counts it received by the agency that month', async () => {
    const { feedback, counters, file } = world();
    const view = await file();
    expect(view).toMatchObject({ id, version: 1, status: 'received', agencyId: sxd.id, anonymous: false });
    expect(view.filedAt).toBe('2026-03-02T09:00:00+07:00');
    expect(await feedback.get(id)).toMatchObject({ authorId: 'citizen-an', receivedAt: '2026-03-02T09:00:00+07:00' });
    expect(counters.tally('received', sxd.id, '2026-03')).toBe(1);
  });

  it('is not found when it names another citizen’s dossier, and nothing is stored', async () => {
    const { feedback, counters, file } = world();
    const aboutTheirs = { ...complaint, dossierCode: '24.SXD-260302-0001' };
    await expect(file(filedAt, aboutTheirs, people.otherCitizen)).rejects.toMatchObject({
      kind: 'not-found',
      code: 'not-found',
    });
    expect(await feedback.get(id)).toBeUndefined();
    expect(counters.writes).toBe(0);
  });

  it.each<[string, Record<string, unknown>, Caller, string]>([
    ['an unknown agency', { agencyId: '24.XYZ' }, people.applicant, 'unknown-agency'],
    [
      'anonymous feedback about a dossier',
      { anonymous: true, dossierCode: '24.SXD-260302-0001' },
      people.applicant,
      'anonymous-with-dossier',
    ],
    ['anonymous feedback with a contact', { anonymous: true }, people.applicant, 'anonymous-with-contact'],
    ['an official', {}, people.leader, 'forbidden'],
  ])('is refused for %s', async (_what, change, caller, code) => {
    const { feedback, file } = world();
    await expect(file(filedAt, FileFeedbackBody.parse({ ...complaint, ...change }), caller)).rejects.toMatchObject({
      code,
    });
    expect(await feedback.get(id)).toBeUndefined();
  });

  it('refuses the sixth of a day with 429 until local midnight, and stores nothing', async () => {
    const feedback = fakeFeedbackRepository();
    const limits = { limit: 5, windowSeconds: 24 * 60 * 60 };
    const q = quotas(fakeQuotaCounter(), {
      filings: limits,
      'upload-grants': limits,
      feedback: limits,
      sms: limits,
      email: limits,
      'contact-codes': limits,
    });
    let n = 0;
    const file = fileFeedbackUseCase({
      feedback,
      counters: fakeFeedbackCounters(),
      agencies: fakeAgencyRepository({ agencies: [sxd] }),
      dossiers: fakeDossierRepository(),
      quotas: q,
      now: () => filedAt,
      newId: () => `fb-${++n}`,
    });
    for (let i = 0; i < 5; i++) await file(people.applicant, complaint);
    // 09:00 to the next local midnight is 15 hours: 54,000 seconds.
    await expect(file(people.applicant, complaint)).rejects.toMatchObject({
      kind: 'rate-limited',
      code: 'too-many-feedback',
      message: 'Tài khoản đã gửi quá nhiều phản ánh, kiến nghị trong ngày; vui lòng thử lại sau 15 giờ.',
      details: { retryAfterSeconds: 54_000 },
    });
    expect(await feedback.get('fb-6')).toBeUndefined();
    // Another citizen has their own count.
    await expect(file(people.otherCitizen, complaint)).resolves.toMatchObject({ id: 'fb-7' });
  });
});

describe('answering feedback within its deadline', () => {
  // Received Monday 2/3/2026 (before the cut-off): the period starts Tuesday 3/3 and 15 working days
  // (QĐ 766/QĐ-TTg, chỉ số 5.2; counted per Bộ luật Dân sự 2015 art. 147–148 as docs/domain.md says) are
  // 3–6/3 (4), 9–13/3 (9), 16–20/3 (14) and Monday 23/3 (15): due at the close of Monday 23/3/2026.
  it('counts an answer at 17:00 on Monday 23 March as answered on time', async () => {
    const { counters, file, act } = world();
    await file();
    const view = await act(
      people.leader,
      { type: 'answer', expectedVersion: 1, text: 'Đã trả kết quả.' },
      at('2026-03-23T17:00:00+07:00'),
    );
    expect(view).toMatchObject({
      version: 2,
      status: 'answered',
      answer: { text: 'Đã trả kết quả.', by: 'leader-son', agencyId: sxd.id, at: '2026-03-23T17:00:00+07:00' },
    });
    expect(counters.tally('answered', sxd.id, '2026-03')).toBe(1);
    expect(counters.tally('answeredOnTime', sxd.id, '2026-03')).toBe(1);
  });

  it('counts an answer on Tuesday 24 March as answered, but late', async () => {
    const { counters, file, act } = world();
    await file();
    await act(
      people.leader,
      { type: 'answer', expectedVersion: 1, text: 'Đã trả kết quả.' },
      at('2026-03-24T08:00:00+07:00'),
    );
    expect(counters.tally('answered', sxd.id, '2026-03')).toBe(1);
    expect(counters.tally('answeredOnTime', sxd.id, '2026-03')).toBe(0);
  });

  it('takes a province’s shorter period: 5 working days end at the close of Monday 9 March', async () => {
    const onTime = world();
    await onTime.file();
    await onTime.act(
      people.leader,
      { type: 'answer', expectedVersion: 1, text: 'Đã trả.' },
      at('2026-03-09T17:00:00+07:00'),
      5,
    );
    expect(onTime.counters.tally('answeredOnTime', sxd.id, '2026-03')).toBe(1);
    const late = world();
    await late.file();
    await late.act(
      people.leader,
      { type: 'answer', expectedVersion: 1, text: 'Đã trả.' },
      at('2026-03-10T08:00:00+07:00'),
      5,
    );
    expect(late.counters.tally('answeredOnTime', sxd.id, '2026-03')).toBe(0);
  });
});

describe('acting on feedback', () => {
  const monday = at('2026-03-02T10:00:00+07:00');

  it.each<[string, Caller, string, string]>([
    ['a leader of another agency', people.otherAgencyLeader, 'not-found', 'not-found'],
    ['an auditor', people.auditor, 'not-found', 'not-found'],
    ['its author', people.applicant, 'not-found', 'not-found'],
    ['a specialist not assigned to it', people.specialist, 'forbidden', 'action-not-allowed'],
  ])('refuses an answer from %s', async (_who, caller, kind, code) => {
    const { feedback, file, act } = world();
    await file();
    await expect(act(caller, { type: 'answer', expectedVersion: 1, text: 'x' }, monday)).rejects.toMatchObject({
      kind,
      code,
    });
    expect((await feedback.get(id))?.status).toBe('received');
  });

  it('lets the specialist it is assigned to answer it', async () => {
    const { file, act } = world();
    await file();
    await act(people.receiver, { type: 'assign', expectedVersion: 1, assigneeId: 'specialist-nam' }, monday);
    const view = await act(people.specialist, { type: 'answer', expectedVersion: 2, text: 'Đã xử lý.' }, monday);
    expect(view).toMatchObject({ status: 'answered', version: 3, answer: { by: 'specialist-nam' } });
  });

  it('refuses to assign someone who is not an official of the agency', async () => {
    const { file, act } = world();
    await file();
    await expect(
      act(people.leader, { type: 'assign', expectedVersion: 1, assigneeId: 'leader-tuan' }, monday),
    ).rejects.toMatchObject({ code: 'unknown-assignee' });
  });

  it('answers 409 with the current version on a version it did not see', async () => {
    const { file, act } = world();
    await file();
    await act(people.receiver, { type: 'assign', expectedVersion: 1, assigneeId: 'specialist-nam' }, monday);
    await expect(act(people.leader, { type: 'answer', expectedVersion: 1, text: 'x' }, monday)).rejects.toMatchObject({
      kind: 'conflict',
      code: 'version-conflict',
      details: { currentVersion: 2 },
    });
  });

  // 5 working days from the receipt on Monday 2/3 (docs/domain.md, Feedback): 3, 4, 5, 6 and 9 March.
  it('forwards to the competent agency until the close of Monday 9 March, moving where it is counted received', async () => {
    const { counters, file, act } = world();
    await file();
    const view = await act(
      people.receiver,
      { type: 'forward', expectedVersion: 1, agencyId: stp.id, reason: 'Thuộc thẩm quyền Sở Tư pháp' },
      at('2026-03-09T17:00:00+07:00'),
    );
    expect(view).toMatchObject({ agencyId: stp.id, status: 'received', receivedAt: '2026-03-09T17:00:00+07:00' });
    expect(counters.tally('received', sxd.id, '2026-03')).toBe(0);
    expect(counters.tally('received', stp.id, '2026-03')).toBe(1);
  });

  // The period restarts at the agency it was forwarded to (QĐ 766/QĐ-TTg, chỉ số 5.2: "or of the last
  // transfer"). Forwarded Monday 9/3 at 17:00, after the 15:00 cut-off: received there Tuesday 10/3, and 15
  // working days are 11–13/3 (3), 16–20 (8), 23–27 (13), Monday 30 (14) and Tuesday 31/3 (15).
  it.each([
    ['2026-03-31T17:00:00+07:00', '2026-03', 1],
    ['2026-04-01T08:00:00+07:00', '2026-04', 0],
  ])(
    'counts the competent agency’s answer at %s against its own deadline, the close of 31 March',
    async (answeredAt, month, onTime) => {
      const { counters, file, act } = world();
      await file();
      await act(
        people.receiver,
        { type: 'forward', expectedVersion: 1, agencyId: stp.id, reason: 'Thuộc thẩm quyền Sở Tư pháp' },
        at('2026-03-09T17:00:00+07:00'),
      );
      await act(people.otherAgencyLeader, { type: 'answer', expectedVersion: 2, text: 'Đã trả lời.' }, at(answeredAt));
      expect(counters.tally('answered', stp.id, month)).toBe(1);
      expect(counters.tally('answeredOnTime', stp.id, month)).toBe(onTime);
    },
  );

  it('refuses to forward after the fifth working day', async () => {
    const { file, act } = world();
    await file();
    await expect(
      act(
        people.receiver,
        { type: 'forward', expectedVersion: 1, agencyId: stp.id, reason: 'x' },
        at('2026-03-10T07:30:00+07:00'),
      ),
    ).rejects.toMatchObject({ kind: 'conflict', code: 'forward-too-late' });
  });

  it('publishes an answer (a leader, once answered) without the author’s data', async () => {
    const { feedback, file, act } = world();
    await file();
    await expect(
      act(people.leader, { type: 'publish', expectedVersion: 1, title: 'Về thời hạn trả kết quả' }, monday),
    ).rejects.toMatchObject({ kind: 'conflict', code: 'feedback-status' });
    await act(people.leader, { type: 'answer', expectedVersion: 1, text: 'Đã trả kết quả.' }, monday);
    await expect(
      act(people.receiver, { type: 'publish', expectedVersion: 2, title: 'Về thời hạn trả kết quả' }, monday),
    ).rejects.toMatchObject({ kind: 'forbidden', code: 'action-not-allowed' });
    await act(people.leader, { type: 'publish', expectedVersion: 2, title: 'Về thời hạn trả kết quả' }, monday);

    const published = await getPublishedFeedbackUseCase({ feedback })(id);
    expect(published).toEqual({
      id,
      title: 'Về thời hạn trả kết quả',
      answer: 'Đã trả kết quả.',
      agencyId: sxd.id,
      filedAt: '2026-03-02T09:00:00+07:00',
      answeredAt: '2026-03-02T10:00:00+07:00',
      publishedAt: '2026-03-02T10:00:00+07:00',
    });
    expect(JSON.stringify(published)).not.toMatch(/Nguyễn|0912345678|citizen-an|quá hạn/);
    expect((await listPublishedFeedbackUseCase({ feedback })({ limit: 10 })).items).toEqual([published]);
  });

  it('is not published before its answer is', async () => {
    const { feedback, file, act } = world();
    await file();
    await act(people.leader, { type: 'answer', expectedVersion: 1, text: 'Đã trả.' }, monday);
    await expect(getPublishedFeedbackUseCase({ feedback })(id)).rejects.toMatchObject({ code: 'not-found' });
    expect((await listPublishedFeedbackUseCase({ feedback })({ limit: 10 })).items).toEqual([]);
  });
});

describe('reading feedback', () => {
  it('shows the author their own, officials of the holding agency and auditors theirs, and no one else', async () => {
    const { feedback, file } = world();
    await file();
    const get = getFeedbackUseCase({ feedback });
    expect(await get(people.applicant, id)).not.toHaveProperty('authorId');
    expect(await get(people.receiver, id)).toMatchObject({ authorId: 'citizen-an', contact: complaint.contact });
    expect(await get(people.auditor, id)).toMatchObject({ id });
    for (const caller of [people.otherCitizen, people.otherAgencyLeader])
      await expect(get(caller, id)).rejects.toMatchObject({ kind: 'not-found', code: 'not-found' });
  });

  it('hides an anonymous author from the agency', async () => {
    const { feedback, file } = world();
    const { contact: _contact, ...rest } = complaint;
    await file(filedAt, { ...rest, anonymous: true });
    const view = await getFeedbackUseCase({ feedback })(people.leader, id);
    expect(view).not.toHaveProperty('authorId');
    expect(JSON.stringify(view)).not.toContain('citizen-an');
  });

  it('lists an agency’s feedback to its own officials and auditors only', async () => {
    const { feedback, file } = world();
    await file();
    const list = listAgencyFeedbackUseCase({ feedback });
    expect((await list(people.specialist, sxd.id, { limit: 10 })).items).toMatchObject([{ id }]);
    expect((await list(people.auditor, sxd.id, { limit: 10, status: 'answered' })).items).toEqual([]);
    await expect(list(people.otherAgencyLeader, sxd.id, { limit: 10 })).rejects.toMatchObject({ code: 'not-found' });
    expect((await listMyFeedbackUseCase({ feedback })(people.applicant, { limit: 10 })).items).toEqual([
      {
        id,
        status: 'received',
        title: complaint.title,
        agencyId: sxd.id,
        filedAt: '2026-03-02T09:00:00+07:00',
        answered: false,
      },
    ]);
    expect((await listMyFeedbackUseCase({ feedback })(people.otherCitizen, { limit: 10 })).items).toEqual([]);
  });
});
