/**
 * Every procedure of the demo catalogue, carried to its end through the API against one local cloud,
 * by the staff the demo province has (Nghị định 118/2025/NĐ-CP): filed online (or at the service
 * centre's counter where the procedure is not offered online), received by a receiver of the competent
 * agency's service centre, forwarded to the competent department or commune office, processed step by
 * step by its officials (found on its roster), sent to the commune for a joint leg and back, the fee
 * requested and paid where it is due, decided by its leader, signed by the sign worker (leader and
 * organisation), and returned by the centre. Commune-level procedures each go to another commune, so
 * the generated staff of many communes is exercised.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { communeAgencies } from '../../infra/local/communes.ts';
import { demoProcedures } from '../../infra/local/seed-catalogue.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import type { Role } from '../../shared/domain/caller.ts';
import { acceptsOnlineFiling, type Procedure } from '../../shared/domain/procedure.ts';
import { pdfSignatures } from '../support/pdf.ts';
import { request, tokenFor } from '../support/http.ts';

let cloud: LocalCloud;
const tokens = new Map<string, string>();
beforeAll(async () => {
  cloud = await startLocalCloud({ scheduler: false, seed: seedDemoProvince });
});
afterAll(() => cloud?.stop());

const token = async (sub: string): Promise<string> => {
  const known = tokens.get(sub);
  if (known) return known;
  const fresh = await tokenFor(cloud, sub);
  tokens.set(sub, fresh);
  return fresh;
};

interface Official {
  sub: string;
  roles: Role[];
  active: boolean;
}

/** An agency's roster, as the admin reads it. */
async function roster(agencyId: string): Promise<Official[]> {
  const res = await request(cloud, 'GET', `/v1/agencies/${agencyId}/officials?limit=100`, {
    token: await token('admin-quang'),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as Official[]).filter((o) => o.active);
}

/** The first active official of the agency holding `role`. */
async function someone(agencyId: string, role: Role): Promise<string> {
  const official = (await roster(agencyId)).find((o) => o.roles.includes(role));
  expect(official, `${agencyId} has no ${role}`).toBeDefined();
  return official?.sub ?? '';
}

async function agency(id: string): Promise<{ id: string; name: string; intakeAgencyId?: string }> {
  const res = await request(cloud, 'GET', `/v1/agencies/${id}`);
  expect(res.status).toBe(200);
  return res.body;
}

async function read(code: string, sub: string) {
  const res = await request(cloud, 'GET', `/v1/dossiers/${code}`, { token: await token(sub) });
  expect(res.status, `${sub} reads ${code}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}

/** One step by `sub`, on the version they read just before (as every client must). */
async function act(sub: string, code: string, action: Record<string, unknown>) {
  const { version } = await read(code, sub);
  const res = await request(cloud, 'POST', `/v1/dossiers/${code}/actions`, {
    token: await token(sub),
    body: { ...action, expectedVersion: version },
  });
  expect(res.status, `${sub} ${String(action.type)} on ${code}: ${JSON.stringify(res.body)}`).toBe(200);
  await cloud.settle();
  return res.body;
}

/** The citizen pays the fee online through the national payment platform (the fake partner). */
async function payOnline(code: string) {
  const payment = await request(cloud, 'POST', `/v1/dossiers/${code}/payments`, {
    token: await token('citizen-an'),
    body: {},
    headers: { 'idempotency-key': crypto.randomUUID() },
  });
  expect(payment.status, JSON.stringify(payment.body)).toBe(201);
  expect((await cloud.partners.payments.pay(payment.body.paymentId as string)).status).toBe(200);
  await cloud.settle();
}

const communeProcedures = demoProcedures.filter((p) => p.level === 'commune');

/** Each commune-level procedure at another commune of the province. */
function communeFor(procedure: Procedure): string | undefined {
  if (procedure.level !== 'commune') return undefined;
  const index = communeProcedures.indexOf(procedure);
  const commune = communeAgencies[(index * 7 + 3) % communeAgencies.length];
  return commune?.unitCode;
}

/** What the fee depends on: pages and copies for the schedules that count them. */
const feeFacts = (procedure: Procedure) =>
  procedure.fee && 'schedule' in procedure.fee && procedure.fee.schedule.kind === 'per-page'
    ? { pages: 3, copies: 1 }
    : procedure.fee && 'schedule' in procedure.fee && procedure.fee.schedule.kind === 'per-copy'
      ? { copies: 2 }
      : undefined;

describe('every seeded procedure is carried to its end by the demo province’s staff', () => {
  it.each(demoProcedures.map((p) => [p.code, p] as const))('%s', async (_code, procedure) => {
    // A department's joint procedure with a commune leg goes to the applicant's commune: give one.
    const communeLeg = procedure.joint?.some((leg) => !('agencyId' in leg.agency)) ?? false;
    const communeCode = communeFor(procedure) ?? (communeLeg ? communeAgencies[50]?.unitCode : undefined);
    const competentId = procedure.level === 'commune' ? `24.${communeCode}` : (procedure.agencyId ?? '');
    const competent = await agency(competentId);
    // The competent agency's service centre receives for it (the province's, or the commune's own).
    const centreId = competent.intakeAgencyId ?? '';
    expect(centreId).toMatch(/\.TTPVHCC$/);
    const receiver = await someone(centreId, 'receiver');

    const application = {
      procedureCode: procedure.code,
      ...(communeCode ? { communeCode } : {}),
      applicant: { fullName: 'Nguyễn Văn An', idNumber: '024090001234', address: 'Tỉnh Bắc Ninh' },
      returnMethod: 'counter',
      formData: {},
      ...(feeFacts(procedure) ? { feeFacts: feeFacts(procedure) } : {}),
    };
    const online = acceptsOnlineFiling(procedure);
    const filed = online
      ? await request(cloud, 'POST', '/v1/dossiers', { token: await token('citizen-an'), body: application })
      : await request(cloud, 'POST', '/v1/counter/dossiers', {
          token: await token(receiver),
          body: {
            ...application,
            applicantSub: 'citizen-an',
            papers: procedure.documents.flatMap((d, slot) => (d.optional ? [] : [{ slot, count: d.count }])),
          },
        });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const code = filed.body.code as string;
    const pin = filed.body.lookupPin as string;
    expect(filed.body.agencyId).toBe(centreId);
    await cloud.settle();

    // At the counter the centre received it on the spot; online, its receiver receives it (form 01).
    if (online) {
      expect((await read(code, receiver)).status).toBe('submitted');
      await act(receiver, code, { type: 'receive' });
    }
    let dossier = await read(code, receiver);
    expect(dossier).toMatchObject({ status: 'received', agencyId: centreId, competentAgencyId: competentId });

    // A fee due at intake is paid online once the dossier is received.
    if (procedure.fee && procedure.fee.due !== 'result' && dossier.fee?.amount > 0) await payOnline(code);

    // The centre forwards it to the competent agency's next step, to an official of that step's role.
    const assigneeFor = async (index: number) =>
      someone(competentId, (procedure.steps[index]?.role ?? 'specialist') as Role);
    let holder = await assigneeFor(1);
    await act(receiver, code, { type: 'forward', assigneeId: holder });
    dossier = await read(code, holder);
    expect(dossier).toMatchObject({ status: 'processing', agencyId: competentId });

    const legs = [...(procedure.joint ?? [])];
    for (let index = 1; index < procedure.steps.length - 1; index += 1) {
      // A joint leg: to the applicant's commune (or the agency named), its specialist sends it back.
      for (const leg of legs.splice(0)) {
        const legAgency = 'agencyId' in leg.agency ? leg.agency.agencyId : `24.${communeCode}`;
        await act(holder, code, { type: 'transfer', agencyId: legAgency });
        const legOfficial = await someone(legAgency, 'specialist');
        expect((await read(code, legOfficial)).agencyId).toBe(legAgency);
        await act(legOfficial, code, { type: 'transfer', agencyId: competentId });
      }
      const next = await assigneeFor(index + 1);
      await act(holder, code, { type: 'forward', assigneeId: next });
      holder = next;
    }
    const leader = holder;
    expect((await read(code, leader)).workQueue).toMatchObject({
      agencyId: competentId,
      stepIndex: procedure.steps.length - 1,
    });

    // A fee due with the result: the leader requests it (a range fee: the amount set within it), the
    // applicant pays online.
    if (procedure.fee?.due === 'result') {
      const schedule = 'schedule' in procedure.fee ? procedure.fee.schedule : undefined;
      await act(leader, code, {
        type: 'request-fees',
        ...(schedule?.kind === 'range' ? { amount: schedule.min } : {}),
      });
      expect((await read(code, leader)).status).toBe('awaiting-fees');
      await payOnline(code);
    }

    await act(leader, code, { type: 'decide', outcome: 'approved' });
    dossier = await read(code, receiver);
    // Back at the centre for "Trả kết quả", signed by the sign worker (cloud.settle() in `act`).
    expect(dossier).toMatchObject({ status: 'decided', agencyId: centreId });
    expect(dossier.timeline.map((e: { action: string }) => e.action)).toContain('result-signed');

    await act(receiver, code, { type: 'return-result' });
    dossier = await read(code, 'citizen-an');
    expect(dossier.status).toBe('returned');
    expect(dossier.fee === null || dossier.fee.paid || dossier.fee.amount === 0).toBe(true);

    // The result: the competent agency's, signed by its deciding leader and its organisation certificate.
    const verified = await request(cloud, 'POST', '/v1/signature-verifications', { body: { code, pin } });
    expect(verified.body).toMatchObject({
      valid: true,
      organisation: { name: competent.name },
      signatures: [
        expect.objectContaining({ valid: true, kind: 'person' }),
        expect.objectContaining({ valid: true, kind: 'organisation' }),
      ],
    });
    const documents = await request(cloud, 'GET', `/v1/dossiers/${code}/documents`, {
      token: await token('citizen-an'),
    });
    const result = (documents.body.items as { kind: string; download?: { url: string } }[]).find(
      (i) => i.kind === 'result',
    );
    const bytes = Buffer.from(await (await fetch(result?.download?.url ?? '')).arrayBuffer());
    expect(pdfSignatures(bytes).match(/Signature Validation: Signature is Valid/g)).toHaveLength(2);
  });

  it('covers the whole catalogue, commune procedures in as many communes', () => {
    expect(demoProcedures.length).toBeGreaterThan(15);
    const communes = new Set(communeProcedures.map(communeFor));
    expect(communes.size).toBe(communeProcedures.length);
  });
});
