import { describe, expect, it } from 'vitest';
import { PutOfficialBody, putOfficial } from '../../../../shared/use-cases/agencies/put-official.ts';
import { fakeAgencyRepository } from '../../../support/fakes/agency-repository.ts';
import { agencies, officials } from './world.ts';

function setup() {
  const repository = fakeAgencyRepository({ agencies, officials });
  return { repository, put: putOfficial(repository) };
}

describe('putting an official', () => {
  it('adds a new official to the agency’s roster, active by default', async () => {
    const { repository, put } = setup();
    const answer = await put(
      '24.07210',
      'receiver-lan',
      PutOfficialBody.parse({ name: 'Vũ Thị Lan', roles: ['receiver'] }),
    );
    expect(answer).toEqual({
      created: true,
      official: { sub: 'receiver-lan', name: 'Vũ Thị Lan', agencyId: '24.07210', roles: ['receiver'], active: true },
    });
    expect((await repository.allOfficials('24.07210')).map((o) => o.sub)).toEqual(['leader-tuan', 'receiver-lan']);
  });

  it('moves an official to the agency of the path, off the old roster', async () => {
    const { repository, put } = setup();
    const answer = await put(
      '24.07210',
      'receiver-mai',
      PutOfficialBody.parse({ name: 'Trần Thị Mai', roles: ['receiver'] }),
    );
    expect(answer.created).toBe(false);
    expect((await repository.allOfficials('24.SXD')).map((o) => o.sub)).toEqual(['leader-son', 'specialist-nam']);
    expect((await repository.getOfficial('receiver-mai'))?.agencyId).toBe('24.07210');
  });

  it('refuses an unknown agency (404), storing nothing', async () => {
    const { repository, put } = setup();
    await expect(
      put('24.99999', 'receiver-lan', PutOfficialBody.parse({ name: 'Vũ Thị Lan', roles: ['receiver'] })),
    ).rejects.toMatchObject({ kind: 'not-found', code: 'not-found' });
    expect(await repository.getOfficial('receiver-lan')).toBeUndefined();
  });

  it('refuses a role given twice, naming the field', async () => {
    const { put } = setup();
    await expect(
      put('24.SXD', 'leader-son', PutOfficialBody.parse({ name: 'Lê Văn Sơn', roles: ['leader', 'leader'] })),
    ).rejects.toMatchObject({
      kind: 'bad-request',
      code: 'validation-failed',
      details: { errors: [expect.objectContaining({ field: 'roles.1' })] },
    });
  });

  it('refuses a subject the tokens could not carry', async () => {
    const { put } = setup();
    await expect(
      put('24.SXD', 'lê sơn', PutOfficialBody.parse({ name: 'Lê Văn Sơn', roles: ['leader'] })),
    ).rejects.toMatchObject({
      code: 'validation-failed',
      details: { errors: [expect.objectContaining({ field: 'sub' })] },
    });
  });
});
