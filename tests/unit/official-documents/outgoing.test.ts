import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../shared/domain/caller.ts';
import {
  actOnOutgoing,
  allowedOutgoingActions,
  type OutgoingAction,
  type OutgoingContext,
  type OutgoingDocument,
  type OutgoingStatus,
  numberingDue,
  outgoingRegisterOf,
} from '../../../shared/domain/official-documents/outgoing.ts';
import { RuleViolation } from '../../../shared/domain/rule-violation.ts';

const agency = 'ubnd-xa-an-binh';
const drafter: Caller = { sub: 'cv-lan', roles: ['specialist'], agencyId: agency };
const otherSpecialist: Caller = { sub: 'cv-hoa', roles: ['specialist'], agencyId: agency };
const unitHead: Caller = { sub: 'tp-minh', roles: ['leader'], agencyId: agency };
const chair: Caller = { sub: 'ct-son', roles: ['leader'], agencyId: agency };
const clerk: Caller = { sub: 'vt-thu', roles: ['receiver'], agencyId: agency };
const otherAgencyChair: Caller = { sub: 'ct-son', roles: ['leader'], agencyId: 'ubnd-xa-khac' };
const citizen: Caller = { sub: 'cd-an', roles: ['citizen'] };

const now = new Date('2026-03-10T09:00:00+07:00');

const draft = (status: OutgoingStatus = 'drafting', extra: Partial<OutgoingDocument> = {}): OutgoingDocument => ({
  id: 'vb-1',
  agencyId: agency,
  version: 1,
  status,
  type: 'quyet-dinh',
  summary: 'Về việc thành lập Tổ công tác chuyển đổi số',
  urgency: 'thuong',
  authorId: drafter.sub,
  signerId: chair.sub,
  issuer: 'UBND',
  history: [],
  ...extra,
});

const act = (doc: OutgoingDocument, action: OutgoingAction, caller: Caller, ctx: Partial<OutgoingContext> = {}) =>
  actOnOutgoing(doc, action, { caller, now, ...ctx });

const refusal = (fn: () => unknown): RuleViolation => {
  try {
    fn();
  } catch (error) {
    if (error instanceof RuleViolation) return error;
    throw error;
  }
  throw new Error('expected a RuleViolation');
};

describe('an outgoing document’s whole path (Nghị định 30/2020/NĐ-CP, Điều 10–18, in the order of Điều 14)', () => {
  it('drafted, checked, signed by the competent person, numbered, signed by the agency, issued', () => {
    let doc = draft();
    doc = act(doc, { type: 'submit' }, drafter); // Điều 10 khoản 2
    expect(doc.status).toBe('reviewing');
    doc = act(doc, { type: 'review' }, unitHead); // Điều 12 khoản 1
    expect(doc.status).toBe('awaiting-signature');
    doc = act(doc, { type: 'sign' }, chair); // Điều 11 khoản 1, Điều 13 khoản 7
    expect(doc.status).toBe('signed');
    doc = act(doc, { type: 'number' }, clerk, { register: { claimed: { year: 2026, number: 125 } } }); // Điều 15, 16
    expect(doc.status).toBe('numbered');
    expect(doc.numbering).toEqual({
      position: { year: 2026, number: 125 },
      numberSymbol: '125/QĐ-UBND',
      issuedOn: '2026-03-10',
    });
    doc = act(doc, { type: 'agency-sign' }, clerk); // Điều 14 khoản 3, Điều 17 khoản 2
    expect(doc.status).toBe('agency-signed');
    doc = act(doc, { type: 'issue' }, clerk); // Điều 18 khoản 1
    expect(doc.status).toBe('issued');
    expect(doc.version).toBe(7);
    expect(doc.history.map((h) => [h.action, h.actor.sub, h.actor.role])).toEqual([
      ['submit', 'cv-lan', 'specialist'],
      ['review', 'tp-minh', 'leader'],
      ['sign', 'ct-son', 'leader'],
      ['number', 'vt-thu', 'receiver'],
      ['agency-sign', 'vt-thu', 'receiver'],
      ['issue', 'vt-thu', 'receiver'],
    ]);
    expect(doc.history[3]?.note).toBe('Số, ký hiệu: 125/QĐ-UBND.');
  });

  it('a công văn numbered first in the year gets 01 and its drafting unit: 01/UBND-VP (Điều 15 khoản 1)', () => {
    const doc = act(draft('signed', { type: 'cong-van', unit: 'VP' }), { type: 'number' }, clerk, {
      register: { claimed: { year: 2026, number: 1 } },
    });
    expect(doc.numbering?.numberSymbol).toBe('01/UBND-VP');
  });

  it('numbered at 00:10 on 1 January in Vietnam, the number and the date are the new year’s', () => {
    const newYear = new Date('2027-01-01T00:10:00+07:00');
    const doc = actOnOutgoing(
      draft('signed'),
      { type: 'number' },
      { caller: clerk, now: newYear, register: { claimed: { year: 2027, number: 1 } } },
    );
    expect(doc.numbering).toEqual({
      position: { year: 2027, number: 1 },
      numberSymbol: '01/QĐ-UBND',
      issuedOn: '2027-01-01',
    });
  });
});

describe('changes asked before signature (Điều 10 khoản 3, Điều 11 khoản 2)', () => {
  it('the reviewer sends the draft back to its drafter with comments', () => {
    const doc = act(draft('reviewing'), { type: 'return', comments: ' Bổ sung căn cứ pháp lý. ' }, unitHead);
    expect(doc.status).toBe('drafting');
    expect(doc.history.at(-1)?.note).toBe('Bổ sung căn cứ pháp lý.');
  });

  it('sending back without comments is refused', () => {
    expect(refusal(() => act(draft('reviewing'), { type: 'return', comments: '  ' }, unitHead)).code).toBe(
      'comments-required',
    );
  });

  it('once it waits for signature, only the competent signer sends it back', () => {
    expect(act(draft('awaiting-signature'), { type: 'return', comments: 'Sửa Điều 2.' }, chair).status).toBe(
      'drafting',
    );
    const v = refusal(() => act(draft('awaiting-signature'), { type: 'return', comments: 'Sửa.' }, unitHead));
    expect(v.code).toBe('document-action-not-allowed');
    expect(v.kind).toBe('forbidden');
  });
});

describe('who may take each step', () => {
  it('only the drafter submits their draft', () => {
    expect(refusal(() => act(draft(), { type: 'submit' }, otherSpecialist)).code).toBe('document-action-not-allowed');
  });

  it('only the competent person named to sign approves and signs (Điều 11 khoản 1)', () => {
    expect(refusal(() => act(draft('awaiting-signature'), { type: 'sign' }, unitHead)).code).toBe(
      'document-action-not-allowed',
    );
  });

  it('a specialist cannot sign, a leader cannot number: numbering, agency signature and issuance are the clerk’s', () => {
    expect(
      refusal(() => act(draft('awaiting-signature', { signerId: drafter.sub }), { type: 'sign' }, drafter)).code,
    ).toBe('document-action-not-allowed');
    for (const type of ['number', 'agency-sign', 'issue'] as const) {
      const status = { number: 'signed', 'agency-sign': 'numbered', issue: 'agency-signed' }[type] as OutgoingStatus;
      const numbering = { position: { year: 2026, number: 1 }, numberSymbol: '01/QĐ-UBND', issuedOn: '2026-03-10' };
      expect(
        refusal(() =>
          act(draft(status, { numbering }), { type }, chair, { register: { claimed: { year: 2026, number: 1 } } }),
        ).code,
      ).toBe('document-action-not-allowed');
    }
  });

  it('another agency’s leader and a citizen take no step', () => {
    expect(refusal(() => act(draft('awaiting-signature'), { type: 'sign' }, otherAgencyChair)).code).toBe(
      'document-action-not-allowed',
    );
    expect(refusal(() => act(draft(), { type: 'submit' }, citizen)).code).toBe('document-action-not-allowed');
  });
});

describe('steps out of order are refused (Điều 14)', () => {
  it('no number before the signature, no agency signature before the number, no issuance before it', () => {
    const cases: [OutgoingStatus, OutgoingAction, Caller][] = [
      ['awaiting-signature', { type: 'number' }, clerk],
      ['signed', { type: 'agency-sign' }, clerk],
      ['numbered', { type: 'issue' }, clerk],
      ['drafting', { type: 'sign' }, chair],
      ['issued', { type: 'return', comments: 'Sửa.' }, chair],
    ];
    for (const [status, action, caller] of cases) {
      const v = refusal(() => act(draft(status), action, caller, { register: { claimed: { year: 2026, number: 1 } } }));
      expect(v.code, `${action.type} from ${status}`).toBe('document-transition-not-allowed');
      expect(v.kind).toBe('invalid');
    }
  });

  it('offers each caller only the steps they may take now', () => {
    expect(allowedOutgoingActions(drafter, draft())).toEqual(['submit']);
    expect(allowedOutgoingActions(otherSpecialist, draft())).toEqual([]);
    expect(allowedOutgoingActions(unitHead, draft('reviewing'))).toEqual(['return', 'review']);
    expect(allowedOutgoingActions(unitHead, draft('awaiting-signature'))).toEqual([]);
    expect(allowedOutgoingActions(chair, draft('awaiting-signature'))).toEqual(['return', 'sign']);
    expect(allowedOutgoingActions(clerk, draft('signed'))).toEqual(['number']);
    expect(allowedOutgoingActions(clerk, draft('issued'))).toEqual([]);
  });
});

describe('the number comes from the register (Điều 15 khoản 1, Điều 16)', () => {
  it('refuses a position the register gave in another year than the day of issuance', () => {
    const newYear = new Date('2027-01-01T00:10:00+07:00');
    const v = refusal(() =>
      actOnOutgoing(
        draft('signed'),
        { type: 'number' },
        { caller: clerk, now: newYear, register: { claimed: { year: 2026, number: 1433 } } },
      ),
    );
    expect(v.code).toBe('register-year-mismatch');
    expect(v.details).toEqual({ registerYear: 2026, year: 2027 });
  });

  it("numbers in the agency's general outgoing register", () => {
    expect(outgoingRegisterOf(draft())).toEqual({ agencyId: agency, kind: 'outgoing', series: 'chung' });
  });

  it('tells before any number is claimed whether one is due, already held, or refused', () => {
    expect(numberingDue(draft('signed'), clerk)).toBe('due');
    const numbering = { position: { year: 2026, number: 7 }, numberSymbol: '07/QĐ-UBND', issuedOn: '2026-03-10' };
    expect(numberingDue(draft('numbered', { numbering }), clerk)).toBe('numbered');
    expect(numberingDue(draft('issued', { numbering }), clerk)).toBe('numbered');
    expect(refusal(() => numberingDue(draft('awaiting-signature'), clerk)).code).toBe(
      'document-transition-not-allowed',
    );
    expect(refusal(() => numberingDue(draft('signed'), chair)).code).toBe('document-action-not-allowed');
    const otherClerk: Caller = { ...clerk, agencyId: 'ubnd-xa-khac' };
    expect(refusal(() => numberingDue(draft('signed'), otherClerk)).code).toBe('document-action-not-allowed');
    expect(refusal(() => numberingDue(draft('numbered', { numbering }), otherClerk)).code).toBe(
      'document-action-not-allowed',
    );
    // A symbol the decree would not write is refused before the register gives a number to it.
    expect(refusal(() => numberingDue(draft('signed', { type: 'cong-van' }), clerk)).code).toBe(
      'cong-van-unit-required',
    );
  });
});
