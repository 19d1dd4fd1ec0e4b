import { beforeEach, describe, expect, it, vi } from 'vitest';
import { functionSettingsVariable } from '../../../shared/function-settings.ts';
import { auditDossierRead, listDossierReads } from '../../../shared/use-cases/read-audit.ts';
import { PageQuery } from '../../../shared/use-cases/pagination.ts';
import type { DossierRead } from '../../../shared/use-cases/ports/read-audit-log.ts';
import { fakeDossierRepository } from '../../support/fakes/dossier-repository.ts';
import { fakeReadAuditLog } from '../../support/fakes/read-audit-log.ts';
import { people, submittedPermit } from '../lifecycle/fixtures.ts';

const code = '24.SXD-260302-0001';
const at = new Date('2026-03-02T03:00:00Z');

beforeEach(() => {
  // The route the function reads of its manifest entry (shared/function-settings.ts).
  vi.stubEnv(
    functionSettingsVariable,
    JSON.stringify({
      'get-dossier': { timeoutSeconds: 5, route: { method: 'GET', path: '/v1/dossiers/{code}', auth: 'public' } },
    }),
  );
  return () => vi.unstubAllEnvs();
});

describe('recording a read', () => {
  it('records who read which dossier, when, through which route and request', async () => {
    const log = fakeReadAuditLog();
    await auditDossierRead(log, 'get-dossier', () => at)(people.receiver, code, 'req-1');
    expect((await log.list(code, { limit: 10 })).items).toEqual([
      {
        dossierCode: code,
        at: '2026-03-02T03:00:00.000Z',
        sub: 'receiver-mai',
        roles: ['receiver'],
        agencyId: '24.SXD',
        route: 'GET /v1/dossiers/{code}',
        requestId: 'req-1',
      },
    ]);
  });

  it('keeps only the roles read in an official capacity, and no agency for an auditor', async () => {
    const log = fakeReadAuditLog();
    await auditDossierRead(log, 'get-dossier', () => at)({ sub: 'a', roles: ['citizen', 'auditor'] }, code, 'req-2');
    const [read] = (await log.list(code, { limit: 10 })).items;
    expect(read?.roles).toEqual(['auditor']);
    expect(read).not.toHaveProperty('agencyId');
  });

  it('does not record the applicant’s own reads', async () => {
    const log = fakeReadAuditLog();
    const record = vi.spyOn(log, 'record');
    await auditDossierRead(log, 'get-dossier', () => at)(people.applicant, code, 'req-3');
    expect(record).not.toHaveBeenCalled();
  });

  it('records a redelivered request once', async () => {
    const log = fakeReadAuditLog();
    const audit = auditDossierRead(log, 'get-dossier', () => at);
    await audit(people.receiver, code, 'req-1');
    await audit(people.receiver, code, 'req-1');
    expect((await log.list(code, { limit: 10 })).items).toHaveLength(1);
  });
});

describe("a dossier's reads", () => {
  const read = (minute: number): DossierRead => ({
    dossierCode: code,
    at: `2026-03-02T03:${String(minute).padStart(2, '0')}:00.000Z`,
    sub: 'receiver-mai',
    roles: ['receiver'],
    agencyId: '24.SXD',
    route: 'GET /v1/dossiers/{code}',
    requestId: `req-${minute}`,
  });
  const deps = {
    dossiers: fakeDossierRepository([submittedPermit()]),
    log: fakeReadAuditLog([read(1), read(3), read(2), { ...read(9), dossierCode: '24.SXD-260302-0002' }]),
  };
  const list = listDossierReads(deps);

  it('lists them newest first, page by page, and no other dossier’s', async () => {
    const first = await list(code, PageQuery.parse({ limit: '2' }));
    expect(first.code).toBe(code);
    expect(first.items.map((r) => r.requestId)).toEqual(['req-3', 'req-2']);
    const rest = await list(code, PageQuery.parse({ limit: '2', cursor: first.nextCursor }));
    expect(rest.items.map((r) => r.requestId)).toEqual(['req-1']);
    expect(rest).not.toHaveProperty('nextCursor');
  });

  it('is not found for a dossier that does not exist, even with reads on record', async () => {
    await expect(list('24.SXD-260302-0002', PageQuery.parse({}))).rejects.toMatchObject({
      kind: 'not-found',
      code: 'not-found',
    });
  });
});
