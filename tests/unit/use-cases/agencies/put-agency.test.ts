import { describe, expect, it } from 'vitest';
import { PutAgencyBody, putAgency } from '../../../../shared/use-cases/agencies/put-agency.ts';
import { fakeAgencyRepository } from '../../../support/fakes/agency-repository.ts';
import { agencies } from './world.ts';

function setup() {
  const repository = fakeAgencyRepository({ agencies });
  return { repository, put: putAgency(repository) };
}

const body = (fields: Record<string, unknown>) => PutAgencyBody.parse(fields);
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: { kind?: string; code?: string; details?: Record<string, unknown> }) => ({
      kind: error.kind,
      code: error.code,
      details: error.details,
    }),
  );

describe('putting an agency', () => {
  it('creates a commune under the province, keeping only the fields given', async () => {
    const { repository, put } = setup();
    const answer = await put(
      '24.07211',
      body({ name: 'Ủy ban nhân dân Xã Đa Mai', level: 'commune', parentId: '24.UBND' }),
    );
    expect(answer.created).toBe(true);
    expect(await repository.get('24.07211')).toEqual({
      id: '24.07211',
      name: 'Ủy ban nhân dân Xã Đa Mai',
      level: 'commune',
      parentId: '24.UBND',
    });
    expect((await repository.listChildren('24.UBND', { limit: 10, level: 'commune' })).items.map((a) => a.id)).toEqual([
      '24.07210',
      '24.07211',
    ]);
  });

  it('replaces an existing agency (not created)', async () => {
    const { repository, put } = setup();
    const answer = await put('24.SXD', body({ name: 'Sở Xây dựng', level: 'department', parentId: '24.UBND' }));
    expect(answer.created).toBe(false);
    expect((await repository.get('24.SXD'))?.name).toBe('Sở Xây dựng');
  });

  it.each([
    ['a parent that does not exist', '24.07299', { level: 'commune', parentId: '24.99999' }, 'agency-parent-not-found'],
    ['no parent below the province', '24.07299', { level: 'commune' }, 'agency-parent-required'],
    // The province under its own ward: the ward's lineage holds the province.
    ['a parent below itself', '24.UBND', { level: 'province', parentId: '24.07210' }, 'agency-cycle'],
    ['itself as parent', '24.SXD', { level: 'department', parentId: '24.SXD' }, 'agency-cycle'],
    [
      'a level that does not nest under the parent',
      '24.HUYEN',
      { level: 'district', parentId: '24.07210' },
      'agency-nesting',
    ],
  ])('refuses %s (422), storing nothing', async (_what, id, fields, code) => {
    const { repository, put } = setup();
    const before = await repository.get(id);
    expect(await refusal(put(id, body({ name: 'Cơ quan thử', ...fields })))).toMatchObject({ kind: 'invalid', code });
    expect(await repository.get(id)).toEqual(before);
  });

  it('refuses a level its children could not follow', async () => {
    const { repository, put } = setup();
    // The ward has an office (a department): a department cannot sit under a department.
    expect(
      await refusal(put('24.07210', body({ name: 'Phường Bắc Giang', level: 'department', parentId: '24.UBND' }))),
    ).toEqual({ kind: 'invalid', code: 'agency-nesting', details: { field: 'level', childId: '24.07210.VP' } });
    expect((await repository.get('24.07210'))?.level).toBe('commune');
  });

  it('lets a level change through that the children can follow', async () => {
    const { put } = setup();
    // A department under a district is as valid as under a commune.
    const answer = await put('24.07210', body({ name: 'Huyện Bắc Giang', level: 'district', parentId: '24.UBND' }));
    expect(answer.agency.level).toBe('district');
  });

  it('refuses a service centre that does not exist', async () => {
    const { put } = setup();
    const fields = { name: 'Sở Tư pháp', level: 'department', parentId: '24.UBND', intakeAgencyId: '24.TTPVHCC' };
    expect(await refusal(put('24.STP', body(fields)))).toMatchObject({
      kind: 'invalid',
      code: 'intake-agency-not-found',
      details: { field: 'intakeAgencyId' },
    });
  });

  it('refuses a calendar with no working session in the week', async () => {
    const { put } = setup();
    const closed = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    const fields = { name: 'Sở Tư pháp', level: 'department', parentId: '24.UBND', sessions: closed };
    expect(await refusal(put('24.STP', body(fields)))).toMatchObject({ kind: 'invalid', code: 'invalid-calendar' });
  });
});
