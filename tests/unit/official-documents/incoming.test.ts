import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../shared/domain/caller.ts';
import {
  actOnIncoming,
  allowedIncomingActions,
  type IncomingAction,
  type IncomingContext,
  type IncomingDocument,
  type IncomingStatus,
  isHandlingLate,
} from '../../../shared/domain/official-documents/incoming.ts';
import type { Official } from '../../../shared/domain/official.ts';
import { RuleViolation } from '../../../shared/domain/rule-violation.ts';

const agency = 'ubnd-xa-an-binh';
const clerk: Caller = { sub: 'vt-thu', roles: ['receiver'], agencyId: agency };
const chair: Caller = { sub: 'ct-son', roles: ['leader'], agencyId: agency };
const handler: Caller = { sub: 'cv-lan', roles: ['specialist'], agencyId: agency };
const colleague: Caller = { sub: 'cv-hoa', roles: ['specialist'], agencyId: agency };
const otherClerk: Caller = { sub: 'vt-khac', roles: ['receiver'], agencyId: 'ubnd-xa-khac' };

const roster: Official[] = [
  { sub: 'cv-lan', name: 'Trần Thị Lan', agencyId: agency, roles: ['specialist'], active: true },
  { sub: 'cv-cu', name: 'Lê Văn Cũ', agencyId: agency, roles: ['specialist'], active: false },
  { sub: 'cv-xa-khac', name: 'Phạm Văn Khác', agencyId: 'ubnd-xa-khac', roles: ['specialist'], active: true },
  { sub: 'vt-thu', name: 'Ngô Thị Thu', agencyId: agency, roles: ['receiver'], active: true },
];

const now = new Date('2026-03-10T09:00:00+07:00');

const letter = (status: IncomingStatus = 'received', extra: Partial<IncomingDocument> = {}): IncomingDocument => ({
  id: 'den-1',
  agencyId: agency,
  version: 1,
  status,
  author: 'Sở Nội vụ tỉnh',
  numberSymbol: '45/SNV-VP',
  typeName: 'Công văn',
  summary: 'V/v báo cáo tình hình cải cách hành chính quý I',
  urgency: 'thuong',
  receivedAt: '2026-03-10T08:30:00+07:00',
  history: [],
  ...extra,
});

const act = (doc: IncomingDocument, action: IncomingAction, caller: Caller, ctx: Partial<IncomingContext> = {}) =>
  actOnIncoming(doc, action, { caller, now, officials: roster, ...ctx });

const refusal = (fn: () => unknown): RuleViolation => {
  try {
    fn();
  } catch (error) {
    if (error instanceof RuleViolation) return error;
    throw error;
  }
  throw new Error('expected a RuleViolation');
};

const assign: IncomingAction = {
  type: 'assign',
  assigneeId: 'cv-lan',
  directions: 'Giao đồng chí Lan chủ trì tham mưu báo cáo.',
  deadline: '2026-03-13',
};

describe('an incoming document’s whole path (Nghị định 30/2020/NĐ-CP, Điều 20–24)', () => {
  it('received, registered, presented, assigned with a deadline, handled, done', () => {
    let doc = letter();
    doc = act(doc, { type: 'register' }, clerk, { register: { last: { year: 2026, number: 311 } } }); // Điều 22
    expect(doc.registration).toEqual({ position: { year: 2026, number: 312 }, registeredOn: '2026-03-10' });
    doc = act(doc, { type: 'present' }, clerk); // Điều 23 khoản 1
    expect(doc.status).toBe('presented');
    doc = act(doc, assign, chair); // Điều 23 khoản 2 and 4
    expect(doc.assignment).toEqual({
      assigneeId: 'cv-lan',
      directions: 'Giao đồng chí Lan chủ trì tham mưu báo cáo.',
      deadline: '2026-03-13',
      assignedBy: 'ct-son',
    });
    doc = act(doc, { type: 'start' }, handler); // Điều 24 khoản 2
    expect(doc.status).toBe('in-progress');
    doc = act(doc, { type: 'complete', replyNumberSymbol: '52/UBND-VP' }, handler);
    expect(doc.status).toBe('done');
    expect(doc.completion).toEqual({ at: '2026-03-10T09:00:00+07:00', replyNumberSymbol: '52/UBND-VP' });
    expect(doc.history.map((h) => `${h.from}→${h.to}`)).toEqual([
      'received→registered',
      'registered→presented',
      'presented→assigned',
      'assigned→in-progress',
      'in-progress→done',
    ]);
  });

  it('the first document registered after local midnight of 1 January is số đến 1 of the new year (Điều 22 khoản 2)', () => {
    const doc = actOnIncoming(
      letter(),
      { type: 'register' },
      {
        caller: clerk,
        now: new Date('2027-01-01T00:10:00+07:00'),
        register: { last: { year: 2026, number: 4210 } },
      },
    );
    expect(doc.registration).toEqual({ position: { year: 2027, number: 1 }, registeredOn: '2027-01-01' });
  });

  it('a document failing the checks is returned to its sender, with the reason (Điều 21 khoản 2 điểm b)', () => {
    const doc = act(letter(), { type: 'return-to-sender', reason: 'Gửi sai nơi nhận.' }, clerk);
    expect(doc.status).toBe('returned');
    expect(doc.history.at(-1)?.note).toBe('Gửi sai nơi nhận.');
    expect(refusal(() => act(letter(), { type: 'return-to-sender', reason: ' ' }, clerk)).code).toBe('reason-required');
    expect(refusal(() => act(letter('registered'), { type: 'register' }, clerk)).code).toBe(
      'document-transition-not-allowed',
    );
  });
});

describe('assignment (Điều 23 khoản 2 and 4)', () => {
  it('directions are required', () => {
    expect(refusal(() => act(letter('presented'), { ...assign, directions: '' }, chair)).code).toBe(
      'directions-required',
    );
  });

  it('only to an active official of the agency who handles documents', () => {
    for (const assigneeId of ['cv-cu', 'cv-xa-khac', 'vt-thu', 'nobody']) {
      expect(refusal(() => act(letter('presented'), { ...assign, assigneeId }, chair)).code, assigneeId).toBe(
        'assignee-not-eligible',
      );
    }
  });

  it('a deadline is a real local date, not before the day of assignment; none is allowed', () => {
    expect(refusal(() => act(letter('presented'), { ...assign, deadline: '2026-03-09' }, chair)).code).toBe(
      'deadline-in-past',
    );
    expect(refusal(() => act(letter('presented'), { ...assign, deadline: '2026-02-30' }, chair)).code).toBe(
      'deadline-invalid',
    );
    expect(act(letter('presented'), { ...assign, deadline: '2026-03-10' }, chair).assignment?.deadline).toBe(
      '2026-03-10',
    );
    const { deadline: _none, ...withoutDeadline } = assign as Extract<IncomingAction, { type: 'assign' }>;
    expect(act(letter('presented'), withoutDeadline, chair).assignment).not.toHaveProperty('deadline');
  });

  it('the clerk presents, the leader assigns: not the other way round', () => {
    expect(refusal(() => act(letter('presented'), assign, clerk)).code).toBe('document-action-not-allowed');
    expect(refusal(() => act(letter('registered'), { type: 'present' }, chair)).code).toBe(
      'document-action-not-allowed',
    );
  });
});

describe('handling by the one assigned (Điều 24 khoản 2)', () => {
  const assigned = letter('assigned', {
    assignment: { assigneeId: 'cv-lan', directions: 'Tham mưu.', deadline: '2026-03-13', assignedBy: 'ct-son' },
  });

  it('a colleague who was not assigned cannot take or close it', () => {
    expect(refusal(() => act(assigned, { type: 'start' }, colleague)).code).toBe('document-action-not-allowed');
    expect(refusal(() => act(assigned, { type: 'complete' }, colleague)).code).toBe('document-action-not-allowed');
    expect(allowedIncomingActions(colleague, assigned)).toEqual([]);
    expect(allowedIncomingActions(handler, assigned)).toEqual(['start', 'complete']);
  });

  it('another agency’s clerk registers nothing here', () => {
    expect(refusal(() => act(letter(), { type: 'register' }, otherClerk, { register: { last: undefined } })).code).toBe(
      'document-action-not-allowed',
    );
    expect(allowedIncomingActions(clerk, letter())).toEqual(['return-to-sender', 'register']);
  });

  it('late from local midnight after the deadline day while not done', () => {
    expect(isHandlingLate(assigned, new Date('2026-03-13T23:59:00+07:00'))).toBe(false);
    // 2026-03-13T17:30Z is 00:30 on 14 March in Vietnam: late, though UTC still says the 13th.
    expect(isHandlingLate(assigned, new Date('2026-03-13T17:30:00Z'))).toBe(true);
  });

  it('done on the deadline day is on time; done the day after is late, whenever asked', () => {
    const onTime = { ...assigned, completion: { at: '2026-03-13T16:00:00+07:00' } };
    const late = { ...assigned, completion: { at: '2026-03-14T08:00:00+07:00' } };
    const later = new Date('2026-04-01T09:00:00+07:00');
    expect(isHandlingLate(onTime, later)).toBe(false);
    expect(isHandlingLate(late, later)).toBe(true);
    expect(isHandlingLate(letter('assigned'), later)).toBe(false);
  });
});
