import { describe, expect, it, vi } from 'vitest';
import type { Procedure } from '../../../../shared/domain/procedure.ts';
import { putProcedure } from '../../../../shared/use-cases/catalogue/put-procedure.ts';
import { ProcedureBody } from '../../../../shared/use-cases/catalogue/schemas.ts';
import { fakeAgencyRepository } from '../../../support/fakes/agency-repository.ts';
import { fakeCatalogueRepository } from '../../../support/fakes/catalogue-repository.ts';
import { sxd } from '../../lifecycle/fixtures.ts';

const code = '1.009999';
const permitBody = {
  name: 'Cấp giấy phép xây dựng',
  field: 'Xây dựng',
  level: 'department',
  agencyId: '24.SXD',
  serviceLevel: 'partly-online',
  processingTime: { workingDays: 10 },
  fee: { amount: 150_000, due: 'result' },
  resultType: 'Giấy phép',
  documents: [{ name: 'Đơn đề nghị cấp giấy phép', copyType: 'original', count: 1 }],
  steps: [
    { name: 'Tiếp nhận hồ sơ', role: 'receiver', duration: { workingDays: 0.5 } },
    { name: 'Thẩm định hồ sơ', role: 'specialist', duration: { workingDays: 5.5 } },
    { name: 'Lãnh đạo Sở ký', role: 'leader', duration: { workingDays: 1 } },
  ],
};
const body = (changes: Record<string, unknown> = {}) => ProcedureBody.parse({ ...permitBody, ...changes });

function setup(initial: Procedure[] = [], current: Procedure[] = []) {
  const catalogue = fakeCatalogueRepository(initial, current);
  return { catalogue, put: putProcedure({ catalogue, agencies: fakeAgencyRepository({ agencies: [sxd] }) }) };
}

describe('saving a procedure', () => {
  it('creates version 1 of a new code and makes it current, the flat fee saved as the rule it stands for', async () => {
    const { catalogue, put } = setup();
    const answer = await put(code, body());
    expect(answer.outcome).toBe('created');
    expect(answer.procedure).toMatchObject({
      code,
      version: 1,
      fee: { schedule: { kind: 'fixed', amount: 150_000 }, due: 'result' },
    });
    expect(await catalogue.currentProcedure(code)).toEqual(answer.procedure);
  });

  it('writes nothing for the very same content (a retried save)', async () => {
    const { catalogue, put } = setup();
    await put(code, body());
    const write = vi.spyOn(catalogue, 'putProcedure');
    const answer = await put(code, body());
    expect(answer).toMatchObject({ outcome: 'unchanged', procedure: { version: 1 } });
    expect(write).not.toHaveBeenCalled();
  });

  it('makes a change a new version, and keeps the old one as dossiers filed under it see it', async () => {
    const { catalogue, put } = setup();
    const first = await put(code, body());
    const second = await put(code, body({ processingTime: { workingDays: 7 } }));
    expect(second).toMatchObject({ outcome: 'created', procedure: { version: 2, processingTime: { workingDays: 7 } } });
    expect((await catalogue.currentProcedure(code))?.version).toBe(2);
    expect(await catalogue.procedureVersion(code, 1)).toEqual(first.procedure);
  });

  it('refuses (422) agencies that do not exist, every one named, storing nothing', async () => {
    const { catalogue, put } = setup();
    const joint = [
      { agency: { agencyId: '24.STN' }, purpose: 'Xác nhận quyền sử dụng đất', share: { workingDays: 2 } },
    ];
    await expect(put(code, body({ agencyId: '24.SXX', joint }))).rejects.toMatchObject({
      kind: 'invalid',
      code: 'procedure-rules-violated',
      details: {
        errors: [
          { field: 'agencyId', message: 'Không có cơ quan mã 24.SXX.' },
          { field: 'joint.0.agency.agencyId', message: 'Không có cơ quan mã 24.STN.' },
        ],
      },
    });
    expect(await catalogue.latestVersion(code)).toBeUndefined();
  });

  it('completes a save that died before making its version current, then versions on from it', async () => {
    const v1: Procedure = { code, version: 1, ...body(), fee: null };
    const v2: Procedure = { ...v1, version: 2, name: 'Cấp giấy phép xây dựng (sửa đổi)' };
    const { catalogue, put } = setup([v1, v2], [v1]);
    const write = vi.spyOn(catalogue, 'putProcedure');
    const answer = await put(code, body({ processingTime: { workingDays: 7 } }));
    expect(answer.procedure.version).toBe(3);
    expect(write.mock.calls.map(([p]) => p.version)).toEqual([2, 3]);
    expect((await catalogue.currentProcedure(code))?.version).toBe(3);
  });

  it('answers the same content as the interrupted version unchanged, now current', async () => {
    const v1: Procedure = { code, version: 1, ...body(), fee: null };
    const { fee, ...rest } = body({ name: 'Cấp giấy phép xây dựng (sửa đổi)' });
    const v2: Procedure = {
      code,
      version: 2,
      ...rest,
      fee: { schedule: { kind: 'fixed', amount: fee?.amount ?? 0 }, due: 'result' },
    };
    const { catalogue, put } = setup([v1, v2], [v1]);
    const answer = await put(code, body({ name: 'Cấp giấy phép xây dựng (sửa đổi)' }));
    expect(answer).toMatchObject({ outcome: 'unchanged', procedure: { version: 2 } });
    expect((await catalogue.currentProcedure(code))?.version).toBe(2);
  });

  it('loses (409) to an admin who saved the same next version with other content first', async () => {
    const { catalogue, put } = setup();
    const first = await put(code, body());
    // The other admin's version 2 lands between this save's read of the latest and its write.
    vi.spyOn(catalogue, 'latestVersion').mockResolvedValueOnce(first.procedure);
    await catalogue.putProcedure({ ...first.procedure, version: 2, name: 'Cấp giấy phép xây dựng (bản khác)' });
    await expect(put(code, body({ processingTime: { workingDays: 7 } }))).rejects.toMatchObject({
      kind: 'conflict',
      code: 'procedure-version-conflict',
      details: { currentVersion: 2 },
    });
    expect((await catalogue.currentProcedure(code))?.name).toBe('Cấp giấy phép xây dựng (bản khác)');
  });
});
