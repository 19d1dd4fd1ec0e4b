import { describe, expect, it } from 'vitest';
import { describeHours, procedureRuleErrors } from '../../../shared/domain/catalogue/validation.ts';
import type { Procedure } from '../../../shared/domain/procedure.ts';

/** A valid department-level procedure of 10 working days; each case breaks one rule. */
const base: Procedure = {
  code: '9.240999',
  version: 1,
  name: 'Thủ tục thử nghiệm',
  field: 'Thử nghiệm',
  level: 'department',
  agencyId: '24.SXD',
  serviceLevel: 'partly-online',
  processingTime: { workingDays: 10 },
  fee: null,
  resultType: 'Quyết định',
  documents: [
    { name: 'Đơn đề nghị', copyType: 'original', count: 1 },
    { name: 'Bản vẽ', copyType: 'copy', count: 2 },
  ],
  steps: [
    { name: 'Tiếp nhận', role: 'receiver', duration: { workingDays: 0.5 } },
    { name: 'Thẩm định', role: 'specialist', duration: { workingDays: 5 } },
    { name: 'Ký', role: 'leader', duration: { workingDays: 1.5 } },
  ],
};

const fields = (procedure: Procedure) => procedureRuleErrors(procedure).map((error) => error.field);

describe('procedureRuleErrors', () => {
  it('accepts a valid procedure', () => expect(procedureRuleErrors(base)).toEqual([]));

  it.each<[string, Partial<Procedure>, string[]]>([
    ['a department-level procedure without its agency', { agencyId: undefined }, ['agencyId']],
    ['a province-level procedure without its agency', { level: 'province', agencyId: undefined }, ['agencyId']],
    ['a district-level procedure without its agency', { level: 'district', agencyId: undefined }, ['agencyId']],
    ['a commune-level procedure naming an agency', { level: 'commune' }, ['agencyId']],
    [
      'a first step that is not intake',
      { steps: [{ name: 'Thẩm định', role: 'specialist', duration: { workingDays: 1 } }, ...base.steps] },
      ['steps.0.role'],
    ],
    ['no leader step', { steps: base.steps.filter((step) => step.role !== 'leader') }, ['steps']],
    ['steps longer than the legal time', { processingTime: { workingDays: 6.5 } }, ['steps']],
    [
      'steps in hours longer than a legal time in days',
      {
        processingTime: { workingDays: 1 },
        steps: [
          { name: 'Tiếp nhận', role: 'receiver', duration: { workingHours: 2 } },
          { name: 'Thẩm định', role: 'specialist', duration: { workingHours: 5 } },
          { name: 'Ký', role: 'leader', duration: { workingHours: 2 } },
        ],
      },
      ['steps'],
    ],
    [
      'joint shares that do not fit',
      { joint: [{ agency: { level: 'commune' }, purpose: 'Xác nhận của UBND xã', share: { workingDays: 3.5 } }] },
      ['joint'],
    ],
    [
      'a joint leg to the competent agency itself',
      { joint: [{ agency: { agencyId: '24.SXD' }, purpose: 'Ý kiến', share: { workingDays: 1 } }] },
      ['joint.0.agency.agencyId'],
    ],
    [
      'a commune-level procedure with a leg to the commune',
      {
        level: 'commune',
        agencyId: undefined,
        joint: [{ agency: { level: 'commune' }, purpose: 'Xác nhận', share: { workingDays: 1 } }],
      },
      ['joint.0.agency'],
    ],
    [
      'two documents with the same name',
      { documents: [...base.documents, { name: ' đơn đề nghị ', copyType: 'copy', count: 1 }] },
      ['documents.2.name'],
    ],
    [
      'several broken rules at once',
      { agencyId: undefined, processingTime: { workingDays: 2 } },
      ['agencyId', 'steps'],
    ],
  ])('refuses %s', (_label, change, expected) => expect(fields({ ...base, ...change })).toEqual(expected));

  it.each<[string, Partial<Procedure>]>([
    ['steps filling the legal time exactly', { processingTime: { workingDays: 7 } }],
    ['legal time in hours', { processingTime: { workingHours: 56 } }],
    [
      'joint shares that fit with the steps',
      { joint: [{ agency: { level: 'commune' }, purpose: 'Xác nhận của UBND xã', share: { workingDays: 3 } }] },
    ],
    [
      'a leg to another agency',
      { joint: [{ agency: { agencyId: '24.STC' }, purpose: 'Ý kiến', share: { workingDays: 2 } }] },
    ],
    ['a commune-level procedure without an agency', { level: 'commune', agencyId: undefined }],
  ])('accepts %s', (_label, change) => expect(procedureRuleErrors({ ...base, ...change })).toEqual([]));

  it('says in Vietnamese how long the steps and the shares are', () => {
    const [error] = procedureRuleErrors({
      ...base,
      joint: [{ agency: { level: 'commune' }, purpose: 'Xác nhận', share: { workingDays: 4 } }],
    });
    expect(error?.message).toBe(
      'Tổng thời gian các bước (7 ngày làm việc) và phần của các cơ quan liên thông (4 ngày làm việc) vượt thời hạn giải quyết 10 ngày làm việc.',
    );
  });
});

describe('describeHours', () => {
  it.each([
    [8, '1 ngày làm việc'],
    [4, '0,5 ngày làm việc'],
    [140, '17,5 ngày làm việc'],
    [6, '6 giờ làm việc'],
    [1.5, '1,5 giờ làm việc'],
  ])('%d hours → %s', (hours, text) => expect(describeHours(hours)).toBe(text));
});
