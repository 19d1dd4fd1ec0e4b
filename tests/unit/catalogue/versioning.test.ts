import { describe, expect, it } from 'vitest';
import { contentOf, nextVersion, sameContent } from '../../../shared/domain/catalogue/versioning.ts';
import type { Procedure } from '../../../shared/domain/procedure.ts';

const v1: Procedure = {
  code: '1.001193',
  version: 1,
  name: 'Đăng ký khai sinh',
  field: 'Hộ tịch',
  level: 'commune',
  serviceLevel: 'fully-online',
  processingTime: { workingDays: 1 },
  fee: null,
  resultType: 'Giấy khai sinh',
  documents: [{ name: 'Tờ khai', copyType: 'original', count: 1 }],
  steps: [
    { name: 'Tiếp nhận', role: 'receiver', duration: { workingHours: 2 } },
    { name: 'Ký', role: 'leader', duration: { workingHours: 2 } },
  ],
};

describe('nextVersion', () => {
  it('creates version 1 of a new code', () => {
    const decision = nextVersion('1.001193', undefined, contentOf(v1));
    expect(decision).toEqual({ kind: 'created', procedure: v1 });
  });

  it('creates latest + 1 when the content changes, keeping the code from the path', () => {
    const changed = { ...contentOf(v1), processingTime: { workingDays: 2 } };
    const decision = nextVersion('1.001193', { ...v1, version: 4 }, changed);
    expect(decision.kind).toBe('created');
    expect(decision.procedure).toEqual({ ...changed, code: '1.001193', version: 5 });
  });

  it('returns the latest version unchanged for identical content (a retried save)', () => {
    const latest = { ...v1, version: 3 };
    expect(nextVersion('1.001193', latest, contentOf(v1))).toEqual({ kind: 'unchanged', procedure: latest });
  });
});

describe('sameContent', () => {
  const content = contentOf(v1);
  it.each<[string, unknown, boolean]>([
    ['the same object', content, true],
    ['keys in another order', Object.fromEntries(Object.entries(content).reverse()), true],
    [
      'nested keys in another order',
      { ...content, documents: [{ count: 1, copyType: 'original', name: 'Tờ khai' }] },
      true,
    ],
    ['an undefined optional field', { ...content, agencyId: undefined, joint: undefined }, true],
    ['another name', { ...content, name: 'Đăng ký lại khai sinh' }, false],
    ['steps in another order', { ...content, steps: [...content.steps].reverse() }, false],
    ['a document marked optional', { ...content, documents: [{ ...content.documents[0], optional: true }] }, false],
    ['a fee instead of none', { ...content, fee: { amount: 8000, due: 'intake' } }, false],
    ['hours instead of days', { ...content, processingTime: { workingHours: 8 } }, false],
  ])('%s → %s', (_label, other, expected) =>
    expect(sameContent(content, other as ReturnType<typeof contentOf>)).toBe(expected),
  );

  it('ignores code and version', () => {
    expect(sameContent(contentOf(v1), contentOf({ ...v1, code: '1.000894', version: 9 }))).toBe(true);
  });
});
