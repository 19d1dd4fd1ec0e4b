/**
 * Supplement requests (mẫu 02, Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ) as the law has them:
 *  - Nghị định 61/2018/NĐ-CP, điều 15 khoản 2 and điều 16 khoản 2 (kept by Nghị định 118/2025/NĐ-CP):
 *    the agency guides the applicant "một lần, đầy đủ" (once, listing every defect), within 3 working
 *    days of receipt; after that it decides on what it has: refuse with reasons, stop (mẫu 05), or
 *    apologise and extend (mẫu 04). It cannot restart the clock at will.
 *  - The receiver's check at intake (before receipt) is a separate guidance and stays allowed.
 *  - The 3 working days are counted like any period (Bộ luật Dân sự 2015, điều 147–148): from the day
 *    after the receipt day, until the close of the 3rd working day.
 * The domain cases run on fixed instants; the problem+json (409) is checked through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { defaultCalendar, supplementRequestDeadline } from '../../shared/domain/calendar/index.ts';
import type { Caller } from '../../shared/domain/caller.ts';
import type { Action } from '../../shared/domain/dossier/actions.ts';
import type { Dossier } from '../../shared/domain/dossier/dossier.ts';
import { act, type ActionContext, allowedActions } from '../../shared/domain/dossier/lifecycle.ts';
import { RuleViolation } from '../../shared/domain/rule-violation.ts';
import { actOnDossier, birthRegistration, request, tokenFor } from '../support/http.ts';
import { context, people, submittedPermit } from '../unit/lifecycle/fixtures.ts';

const vn = (local: string) => new Date(`${local}+07:00`);
const run = (dossier: Dossier, caller: Caller, action: Action, overrides: Partial<ActionContext> = {}) =>
  act(action, context(dossier, caller, overrides)).dossier;
const refusal = (f: () => unknown): RuleViolation | undefined => {
  try {
    f();
  } catch (error) {
    if (error instanceof RuleViolation) return error;
    throw error;
  }
  return undefined;
};
const ask: Action = { type: 'request-supplement', defects: ['Thiếu bản vẽ hiện trạng', 'Thiếu giấy tờ về đất'] };

/** Received and forwarded for processing at `receivedAt` (the fixture's permit, 10 working days). */
const processingAt = (receivedAt: Date) => {
  const received = run(submittedPermit(receivedAt), people.receiver, { type: 'receive' }, { now: receivedAt });
  return run(received, people.receiver, { type: 'forward', assigneeId: 'specialist-nam' }, { now: receivedAt });
};

describe('within 3 working days of receipt (Nghị định 61/2018, điều 16 khoản 2)', () => {
  // Received Monday 2/3/2026 09:00 → receipt day 2/3; 3/3 (1), 4/3 (2), 5/3 (3): until Thu 5/3 17:30.
  const processing = processingAt(vn('2026-03-02T09:00:00'));

  it('the window closes at the close of the 3rd working day after the receipt day', () => {
    expect(supplementRequestDeadline(defaultCalendar, vn('2026-03-02T09:00:00'))).toEqual(vn('2026-03-05T17:30:00'));
  });

  it('accepts a request on the last day of the window', () => {
    const requested = run(processing, people.specialist, ask, { now: vn('2026-03-05T17:00:00') });
    expect(requested.status).toBe('supplement-requested');
    expect(requested.timeline.at(-1)?.form).toBe('02');
  });

  it('refuses one after the window, naming the alternatives (409)', () => {
    const violation = refusal(() => run(processing, people.specialist, ask, { now: vn('2026-03-06T08:00:00') }));
    expect(violation).toMatchObject({ kind: 'conflict', code: 'supplement-window-closed' });
    expect(violation?.message).toContain('từ chối giải quyết');
    expect(violation?.message).toContain('dừng giải quyết (mẫu 05)');
    expect(violation?.message).toContain('xin lỗi và gia hạn thời gian giải quyết (mẫu 04)');
  });

  it('counts the window from the receipt day: after 15:00 it starts a day later', () => {
    // Received Mon 2/3/2026 15:30 → receipt day Tue 3/3; 4, 5, 6/3: a request on Fri 6/3 is in time.
    const late = processingAt(vn('2026-03-02T15:30:00'));
    expect(run(late, people.specialist, ask, { now: vn('2026-03-06T16:00:00') }).status).toBe('supplement-requested');
    expect(refusal(() => run(late, people.specialist, ask, { now: vn('2026-03-09T07:30:00') }))?.code).toBe(
      'supplement-window-closed',
    );
  });

  it('spans holidays: received Wed 29/4/2026 09:00, the window runs to Wed 6/5', () => {
    // Receipt day 29/4; 30/4 and 1/5 are holidays, 2–3/5 the weekend: Mon 4/5 (1), Tue 5/5 (2),
    // Wed 6/5 (3) → until Wed 6/5 17:30.
    expect(supplementRequestDeadline(defaultCalendar, vn('2026-04-29T09:00:00'))).toEqual(vn('2026-05-06T17:30:00'));
  });

  it('is configurable (a 5-working-day window)', () => {
    // 3, 4, 5, 6, 9/3: Mon 9/3 is inside a 5-day window.
    const requested = run(processing, people.specialist, ask, {
      now: vn('2026-03-09T10:00:00'),
      supplementRequestWithin: { workingDays: 5 },
    });
    expect(requested.status).toBe('supplement-requested');
  });
});

describe('once, with every defect ("hướng dẫn một lần, đầy đủ")', () => {
  const processing = processingAt(vn('2026-03-02T09:00:00'));
  const requested = run(processing, people.specialist, ask, { now: vn('2026-03-03T10:00:00') });
  const supplemented = run(requested, people.applicant, { type: 'supplement' }, { now: vn('2026-03-04T09:00:00') });

  it('refuses a second request, even inside the window', () => {
    expect(supplemented.status).toBe('processing');
    const violation = refusal(() => run(supplemented, people.specialist, ask, { now: vn('2026-03-05T09:00:00') }));
    expect(violation).toMatchObject({ kind: 'conflict', code: 'supplement-already-requested' });
    expect(violation?.message).toContain('mẫu 04');
  });

  it('is no longer offered to the official once used', () => {
    expect(allowedActions(people.specialist, processing)).toContain('request-supplement');
    expect(allowedActions(people.specialist, supplemented)).not.toContain('request-supplement');
  });

  it("the receiver's check at intake is not that request and stays allowed", () => {
    // Before receipt (status submitted): sent back to the applicant, then received and processed.
    const atIntake = run(submittedPermit(), people.receiver, {
      type: 'request-supplement',
      defects: ['Thiếu tờ khai'],
    });
    const back = run(atIntake, people.applicant, { type: 'supplement' });
    const received = run(back, people.receiver, { type: 'receive' }, { now: vn('2026-03-02T10:00:00') });
    const inProcess = run(received, people.receiver, { type: 'forward', assigneeId: 'specialist-nam' });
    expect(run(inProcess, people.specialist, ask, { now: vn('2026-03-03T10:00:00') }).status).toBe(
      'supplement-requested',
    );
  });
});

describe('the refusal as the API answers it', () => {
  let cloud: LocalCloud;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    cloud = await startLocalCloud({ seed: seedDemoProvince, scheduler: false });
    for (const sub of ['citizen-an', 'receiver-lan', 'specialist-ha']) tokens[sub] = await tokenFor(cloud, sub);
  });
  afterAll(() => cloud?.stop());

  it('answers a second supplement request with problem+json 409 naming the alternatives', async () => {
    const filed = await request(cloud, 'POST', '/v1/dossiers', {
      token: tokens['citizen-an'],
      body: birthRegistration(),
    });
    expect(filed.status).toBe(201);
    const code = filed.body.code as string;
    // The commune's service centre receives and forwards; the commune's specialist processes.
    const centre = tokens['receiver-lan'];
    const officer = tokens['specialist-ha'];
    // Each step on the version read once the workers (forms, national sync) have settled.
    const step = async (action: Record<string, unknown>, token = officer) => {
      await cloud.settle();
      return actOnDossier(cloud, token, code, action);
    };
    await step({ type: 'receive' }, centre);
    await step({ type: 'forward', assigneeId: 'specialist-ha' }, centre);
    await step({ type: 'request-supplement', defects: ['Thiếu giấy chứng sinh'] });
    // The applicant brings the missing paper to the centre's counter.
    await step({ type: 'supplement' }, centre);
    await cloud.settle();
    const supplemented = (await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: officer })).body;

    const again = await request(cloud, 'POST', `/v1/dossiers/${code}/actions`, {
      token: officer,
      body: {
        type: 'request-supplement',
        defects: ['Thiếu giấy đăng ký kết hôn'],
        expectedVersion: supplemented.version,
      },
    });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(again.body).toMatchObject({ status: 409, code: 'supplement-already-requested' });
    expect(again.body.detail).toContain('từ chối giải quyết');
    expect(again.body.detail).toContain('mẫu 05');
    expect(again.body.detail).toContain('mẫu 04');
  });
});
