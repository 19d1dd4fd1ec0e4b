import { describe, expect, it } from 'vitest';
import { getProcedure } from '../../../../shared/use-cases/catalogue/get-procedure.ts';
import { fakeCatalogueRepository } from '../../../support/fakes/catalogue-repository.ts';
import { permit } from '../../lifecycle/fixtures.ts';

const v1 = { ...permit, version: 1, processingTime: { workingDays: 15 } };
const get = getProcedure(fakeCatalogueRepository([v1, permit]));

describe('reading a procedure', () => {
  it('answers the current version without a version', async () => {
    expect(await get(permit.code)).toEqual(permit);
  });

  it('answers the version a dossier was filed under', async () => {
    expect(await get(permit.code, 1)).toEqual(v1);
  });

  it('is not found for an unknown code', async () => {
    await expect(get('1.000000')).rejects.toMatchObject({
      kind: 'not-found',
      code: 'procedure-not-found',
      message: 'Không có thủ tục mã 1.000000.',
    });
  });

  it('is not found for a version never saved, naming it', async () => {
    await expect(get(permit.code, 3)).rejects.toMatchObject({
      code: 'procedure-not-found',
      message: `Không có phiên bản 3 của thủ tục mã ${permit.code}.`,
    });
  });
});
