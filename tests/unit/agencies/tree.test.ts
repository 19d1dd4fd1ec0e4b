import { describe, expect, it } from 'vitest';
import {
  type AgencyNode,
  agencyTree,
  ancestorsOf,
  childrenViolation,
  isWithin,
  nestingViolation,
  placementViolation,
  wouldCreateCycle,
} from '../../../shared/domain/agency.ts';

// Two-level model (since 1/7/2025): province → communes, departments under both.
const twoLevel = agencyTree([
  { id: '24.UBND', level: 'province' },
  { id: '24.STP', level: 'department', parentId: '24.UBND' },
  { id: '24.07210', level: 'commune', parentId: '24.UBND' },
  { id: '24.07210.PKT', level: 'department', parentId: '24.07210' },
  { id: '24.07228', level: 'commune', parentId: '24.UBND' },
]);

// Three-level model (before 2025): province → district → commune, departments at each level.
const threeLevel = agencyTree([
  { id: '18.UBND', level: 'province' },
  { id: '18.213', level: 'district', parentId: '18.UBND' },
  { id: '18.213.PTP', level: 'department', parentId: '18.213' },
  { id: '18.213.07210', level: 'commune', parentId: '18.213' },
  { id: '18.213.07210.MC', level: 'department', parentId: '18.213.07210' },
]);

describe('ancestorsOf', () => {
  it.each<[string, ReadonlyMap<string, AgencyNode>, string, string[]]>([
    ['the root has none', twoLevel, '24.UBND', []],
    ['a commune: the province', twoLevel, '24.07210', ['24.UBND']],
    ['a commune department: commune, province', twoLevel, '24.07210.PKT', ['24.07210', '24.UBND']],
    ['three levels: commune → district → province', threeLevel, '18.213.07210', ['18.213', '18.UBND']],
    ['three levels, a commune department', threeLevel, '18.213.07210.MC', ['18.213.07210', '18.213', '18.UBND']],
    ['an unknown agency has none', twoLevel, '99.X', []],
  ])('%s', (_, tree, id, expected) => {
    expect(ancestorsOf(id, tree)).toEqual(expected);
  });

  it('stops at a node the tree does not hold', () => {
    const partial = agencyTree([{ id: 'A1', level: 'department', parentId: 'B1' }]);
    expect(ancestorsOf('A1', partial)).toEqual(['B1']);
  });

  it('terminates on corrupt data that already holds a cycle', () => {
    const corrupt = agencyTree([
      { id: 'A1', level: 'commune', parentId: 'B1' },
      { id: 'B1', level: 'district', parentId: 'A1' },
    ]);
    expect(ancestorsOf('A1', corrupt)).toEqual(['B1']);
  });
});

describe('isWithin', () => {
  it.each<[ReadonlyMap<string, AgencyNode>, string, string, boolean]>([
    [twoLevel, '24.07210', '24.07210', true],
    [twoLevel, '24.07210', '24.UBND', true],
    [twoLevel, '24.07210.PKT', '24.UBND', true],
    [twoLevel, '24.07210.PKT', '24.07210', true],
    [twoLevel, '24.07210.PKT', '24.07228', false],
    [twoLevel, '24.UBND', '24.07210', false],
    [twoLevel, '24.STP', '24.07210', false],
    [threeLevel, '18.213.07210.MC', '18.213', true],
    [threeLevel, '18.213.PTP', '18.213.07210', false],
  ])('%#: %s within %s → %s', (tree, id, root, expected) => {
    expect(isWithin(id, root, tree)).toBe(expected);
  });
});

describe('wouldCreateCycle', () => {
  it.each<[string, string, boolean]>([
    ['24.07210', '24.07210', true], // its own parent
    ['24.UBND', '24.07210', true], // under its child
    ['24.UBND', '24.07210.PKT', true], // under its grandchild
    ['24.07210', '24.07210.PKT', true],
    ['24.07210.PKT', '24.07228', false], // a move across communes
    ['24.NEW', '24.07210', false], // a new agency
  ])('%s under %s → %s', (id, parentId, expected) => {
    expect(wouldCreateCycle(id, parentId, twoLevel)).toBe(expected);
  });
});

describe('placementViolation', () => {
  it.each<[string, AgencyNode, ReadonlyMap<string, AgencyNode>, string | undefined]>([
    ['the province at the root', { id: '24.UBND', level: 'province' }, twoLevel, undefined],
    ['a commune under the province', { id: '24.NEW', level: 'commune', parentId: '24.UBND' }, twoLevel, undefined],
    [
      'a department under a commune',
      { id: '24.07228.MC', level: 'department', parentId: '24.07228' },
      twoLevel,
      undefined,
    ],
    [
      'a department under the province',
      { id: '24.SNV', level: 'department', parentId: '24.UBND' },
      twoLevel,
      undefined,
    ],
    ['a district under the province', { id: '18.214', level: 'district', parentId: '18.UBND' }, threeLevel, undefined],
    ['a commune under a district', { id: '18.213.07228', level: 'commune', parentId: '18.213' }, threeLevel, undefined],
    [
      'a department under a district',
      { id: '18.213.PKT', level: 'department', parentId: '18.213' },
      threeLevel,
      undefined,
    ],
    ['a commune without a parent', { id: '24.NEW', level: 'commune' }, twoLevel, 'agency-parent-required'],
    ['a department without a parent', { id: '24.NEW', level: 'department' }, twoLevel, 'agency-parent-required'],
    ['its own parent', { id: '24.07210', level: 'commune', parentId: '24.07210' }, twoLevel, 'agency-cycle'],
    [
      'the province under its commune',
      { id: '24.UBND', level: 'province', parentId: '24.07210' },
      twoLevel,
      'agency-cycle',
    ],
    [
      'a commune under its department',
      { id: '24.07210', level: 'commune', parentId: '24.07210.PKT' },
      twoLevel,
      'agency-cycle',
    ],
    [
      'a district under its commune',
      { id: '18.213', level: 'district', parentId: '18.213.07210' },
      threeLevel,
      'agency-cycle',
    ],
    ['an unknown parent', { id: '24.NEW', level: 'commune', parentId: '24.NOPE' }, twoLevel, 'agency-parent-not-found'],
    [
      'a province under a province',
      { id: '25.UBND', level: 'province', parentId: '24.UBND' },
      twoLevel,
      'agency-nesting',
    ],
    ['a commune under a commune', { id: '24.NEW', level: 'commune', parentId: '24.07210' }, twoLevel, 'agency-nesting'],
    [
      'a commune under a department',
      { id: '24.NEW', level: 'commune', parentId: '24.STP' },
      twoLevel,
      'agency-nesting',
    ],
    [
      'a district under a commune',
      { id: '24.NEW', level: 'district', parentId: '24.07210' },
      twoLevel,
      'agency-nesting',
    ],
    [
      'a district under a district',
      { id: '18.215', level: 'district', parentId: '18.213' },
      threeLevel,
      'agency-nesting',
    ],
    [
      'a department under a department',
      { id: '24.STP.VP', level: 'department', parentId: '24.STP' },
      twoLevel,
      'agency-nesting',
    ],
  ])('%s', (_, agency, tree, code) => {
    const violation = placementViolation(agency, tree);
    expect(violation?.code).toBe(code);
    if (violation) {
      expect(violation.kind).toBe('invalid');
      expect(violation.details).toMatchObject({ field: 'parentId' });
      expect(violation.message).toMatch(/cơ quan/i);
    }
  });

  it('explains the nesting in Vietnamese', () => {
    const violation = placementViolation({ id: '24.NEW', level: 'commune', parentId: '24.STP' }, twoLevel);
    expect(violation?.message).toBe(
      'Cơ quan cấp xã chỉ có thể trực thuộc cơ quan cấp tỉnh hoặc cấp huyện; 24.STP là cơ quan chuyên môn (sở, phòng, ban).',
    );
  });
});

describe('nestingViolation and childrenViolation', () => {
  it.each<[AgencyNode['level'], AgencyNode['level'], boolean]>([
    ['district', 'province', true],
    ['commune', 'province', true],
    ['commune', 'district', true],
    ['department', 'commune', true],
    ['department', 'department', false],
    ['province', 'province', false],
    ['commune', 'commune', false],
  ])('%s under %s → %s', (child, parent, ok) => {
    expect(nestingViolation({ id: 'C1', level: child }, { id: 'P1', level: parent }) === undefined).toBe(ok);
  });

  it.each<[AgencyNode['level'], AgencyNode['level'][], string | undefined]>([
    ['commune', ['department'], undefined],
    ['district', ['commune', 'department'], undefined],
    ['department', ['department'], 'agency-nesting'], // a commune with departments cannot become one
    ['commune', ['commune'], 'agency-nesting'], // a province with communes cannot become a commune
    ['province', [], undefined],
  ])('level %s with children %j → %s', (level, childLevels, code) => {
    const children = childLevels.map((l, i) => ({ id: `C${i}`, level: l, parentId: 'X1' }));
    const violation = childrenViolation({ id: 'X1', level }, children);
    expect(violation?.code).toBe(code);
    if (violation) expect(violation.details).toMatchObject({ field: 'level', childId: 'C0' });
  });
});
