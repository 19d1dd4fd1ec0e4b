import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalCloud, startLocalCloud } from '../../infra/local/cloud.ts';
import { seedDemoProvince } from '../../infra/local/seed.ts';
import { portalApplicantId } from '../../shared/domain/dvcqg/inbound.ts';
import type { Caller } from '../../shared/domain/caller.ts';
import { RuleViolation } from '../../shared/domain/rule-violation.ts';
import { ActionBody } from '../../shared/use-cases/act-on-dossier.ts';
import { DvcqgDossierBody } from '../../shared/use-cases/dvcqg/receive-dossier.ts';
import { SubmitDossierBody } from '../../shared/use-cases/file-dossier.ts';
import { portalDossier } from '../support/dvcqg.ts';
import { documentRepository } from '../../shared/adapters/dynamo/document-repository.ts';
import { paymentRepository } from '../../shared/adapters/dynamo/payment-repository.ts';
import { TrackingBody } from '../../shared/use-cases/postal/track-shipment.ts';
import { birthRegistration, request } from '../support/http.ts';
import { atEveryWrite, type CrashPlan } from './support/crash.ts';
import { effects } from './support/effects.ts';
import { system } from './support/system.ts';

/** Phường Bắc Giang: the competent agency of the birth registrations filed here. */
const agencyId = '24.07210';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startLocalCloud({
    seed: seedDemoProvince,
    scheduler: false,
    logLevel: 'SILENT',
  });
});
afterAll(() => cloud?.stop());

/** After the retry: the stream relays every write's events, whoever made the write and whatever died after it. */
const settleAll = (): Promise<void> => cloud.settle();

interface Outcome {
  crashAfter: number;
  codes: string[];
  /** Per dossier: the applicant's notifications, the dossier's status and version, its fact's version. */
  dossiers: { inbox: number; status?: string; version?: number; fact: boolean; extra?: unknown }[];
}

async function outcomeOf(
  plan: CrashPlan,
  applicantId: string,
  extra?: (code: string) => Promise<unknown>,
): Promise<Outcome> {
  const fx = effects(cloud.tableName);
  const codes = await fx.dossierCodes(applicantId);
  const inbox = await fx.inboxCounts(applicantId);
  const facts = await fx.factVersions(agencyId);
  const dossiers = await Promise.all(
    codes.map(async (code) => {
      const stored = await fx.dossier(code);
      return {
        inbox: inbox.get(code) ?? 0,
        status: stored?.dossier.status,
        version: stored?.dossier.version,
        // Its version depends on whether the consumer read the dossier before or after routing.
        fact: facts.has(code),
        ...(extra ? { extra: await extra(code) } : {}),
      };
    }),
  );
  return { crashAfter: plan.crashAfter, codes, dossiers };
}

/**
 * Every crashed run, once recovered, ends as the run that never crashed: one dossier, its events
 * all delivered and none twice (the notification once, the same indicator fact).
 */
function expectAllLikeTheCleanRun(outcomes: Outcome[]): void {
  const clean = outcomes.at(-1) as Outcome;
  expect(clean.codes).toHaveLength(1);
  const [cleanDossier] = clean.dossiers;
  expect(cleanDossier?.inbox).toBeGreaterThan(0);
  expect(cleanDossier).toMatchObject({ fact: true });
  for (const outcome of outcomes) {
    expect({ crashAfter: outcome.crashAfter, dossiers: outcome.dossiers }).toEqual({
      crashAfter: outcome.crashAfter,
      dossiers: outcome.dossiers.map(() => cleanDossier),
    });
    expect({ crashAfter: outcome.crashAfter, dossiers: outcome.codes.length }).toEqual({
      crashAfter: outcome.crashAfter,
      dossiers: 1,
    });
  }
}

const citizen = (sub: string): Caller => ({ sub, roles: ['citizen'] });

describe('a process dying after any write of a use case, then the retry the system makes', () => {
  it('filing online: the client retries with the same request', async () => {
    const outcomes: Outcome[] = [];
    const writes = await atEveryWrite(async (plan) => {
      const caller = citizen(`fault-online-${plan.crashAfter}`);
      const body = SubmitDossierBody.parse(birthRegistration());
      const key = `retry-${plan.crashAfter}`;
      const run = await plan.run(() => system(cloud, plan).fileDossier(caller, body, 'online', undefined, key));
      if (run.crashed) await system(cloud).fileDossier(caller, body, 'online', undefined, key);
      await settleAll();
      outcomes.push(await outcomeOf(plan, caller.sub));
    });
    // The counter, the request's claim on a code, the dossier with its events (the stream sends them).
    // The retry runs the use case again: the claim makes it file the same dossier.
    expect(writes).toBe(3);
    expectAllLikeTheCleanRun(outcomes);
  });

  it('a DVCQG intake: the portal redelivers the dossier', async () => {
    const outcomes: Outcome[] = [];
    const writes = await atEveryWrite(async (plan) => {
      const citizenId = `vneid-fault-${plan.crashAfter}`;
      const body = DvcqgDossierBody.parse(portalDossier(`G22.24-F${plan.crashAfter}`, citizenId));
      const run = await plan.run(() => system(cloud, plan).receiveDvcqg(body));
      if (run.crashed) await system(cloud).receiveDvcqg(body);
      await settleAll();
      outcomes.push(await outcomeOf(plan, portalApplicantId(citizenId)));
    });
    // The counter, the claim, the attachment, the dossier with its events.
    expect(writes).toBe(4);
    expectAllLikeTheCleanRun(outcomes);
  });

  it('a worker’s change (routing on DossierSubmitted): SQS redelivers the event', async () => {
    const outcomes: Outcome[] = [];
    const writes = await atEveryWrite(async (plan) => {
      const caller = citizen(`fault-route-${plan.crashAfter}`);
      // Filed without its events, which the test delivers itself: the worker's own routing must not come first.
      const { event } = await system(cloud).fileUnrelayed(caller, SubmitDossierBody.parse(birthRegistration()));
      const run = await plan.run(() => system(cloud, plan).route(event));
      if (run.crashed) await system(cloud).route(event);
      // Its other consumers get it too (the indicator fact), and the router once more: a duplicate.
      await system(cloud).publish([event]);
      await settleAll();
      outcomes.push(await outcomeOf(plan, caller.sub));
    });
    // The dossier saved with its new event (the stream sends it).
    expect(writes).toBe(1);
    expectAllLikeTheCleanRun(outcomes);
  });

  it('an official’s action: the client retries, or re-reads after the 409 the retry gets', async () => {
    // The commune's service centre receives (Nghị định 118/2025).
    const official: Caller = { sub: 'receiver-lan', roles: ['receiver'], agencyId: `${agencyId}.TTPVHCC` };
    const outcomes: Outcome[] = [];
    const writes = await atEveryWrite(async (plan) => {
      const caller = citizen(`fault-act-${plan.crashAfter}`);
      const { code } = await system(cloud).fileDossier(caller, SubmitDossierBody.parse(birthRegistration()), 'online');
      await cloud.settle();
      const version = (await effects(cloud.tableName).dossier(code))?.dossier.version;
      const body = ActionBody.parse({ type: 'receive', expectedVersion: version });
      const run = await plan.run(() => system(cloud, plan).actOn(official, code, body));
      if (run.crashed) {
        try {
          await system(cloud).actOn(official, code, body);
        } catch (error) {
          // The first attempt saved: the retry meets the version it wrote, and the client re-reads.
          if (!(error instanceof RuleViolation && error.code === 'version-conflict')) throw error;
        }
      }
      await settleAll();
      outcomes.push(await outcomeOf(plan, caller.sub));
    });
    // The dossier saved with its event.
    expect(writes).toBe(1);
    expectAllLikeTheCleanRun(outcomes);
    expect(outcomes.at(-1)?.dossiers[0]?.status).toBe('received');
  });

  it('the payment callback: the platform redelivers the transaction', async () => {
    const outcomes: Outcome[] = [];
    const writes = await atEveryWrite(async (plan) => {
      const sub = `fault-pay-${plan.crashAfter}`;
      const code = await awaitingFees(sub);
      const token = await cloud.issueToken({ sub, name: 'Nguyễn Văn An', roles: ['citizen'] });
      const { paymentId } = (await request(cloud, 'POST', `/v1/dossiers/${code}/payments`, { token, body: {} }))
        .body as { paymentId: string };
      const report = {
        transactionId: `TX-${sub}`,
        paymentId,
        status: 'success',
        amount: 8000,
        currency: 'VND',
      } as const;
      const run = await plan.run(() => system(cloud, plan).payment(report));
      if (run.crashed) await system(cloud).payment(report);
      await settleAll();
      outcomes.push(
        await outcomeOf(plan, sub, async (c) => ({
          paid: (await effects(cloud.tableName).dossier(c))?.dossier.fee?.paid,
          payment: (await paymentRepository(cloud.tableName).get(paymentId))?.status,
          pendingPayment: await paymentRepository(cloud.tableName).pendingOf(c),
          receipts: (await documentRepository(cloud.tableName).list(c)).filter((d) => d.kind === 'receipt').length,
        })),
      );
    });
    // The payment settled, the dossier saved with its event, the receipt's file and its listing, the
    // pending payment released.
    expect(writes).toBe(5);
    expectAllLikeTheCleanRun(outcomes);
    expect(outcomes.at(-1)?.dossiers[0]?.extra).toEqual({
      paid: true,
      payment: 'paid',
      pendingPayment: undefined,
      receipts: 1,
    });
  });

  it('the postal tracking callback: the carrier redelivers the event', async () => {
    const outcomes: Outcome[] = [];
    const writes = await atEveryWrite(async (plan) => {
      const caller = citizen(`fault-post-${plan.crashAfter}`);
      const body = SubmitDossierBody.parse(birthRegistration({ postal: { pickup: {} } }));
      const { code } = await system(cloud).fileDossier(caller, body, 'online');
      // Swept too: an event the filing's workers left in the outbox (one's clearing lost the race to
      // another's save) would otherwise be relayed by the callback, or not, as the race went.
      await settleAll();
      const waybill = (await effects(cloud.tableName).dossier(code))?.dossier.postal?.pickup?.waybill;
      const tracking = TrackingBody.parse({
        eventId: 'vnp-1',
        waybill,
        status: 'accepted',
        at: new Date().toISOString(),
        location: 'Bưu cục Bắc Giang',
      });
      const run = await plan.run(() => system(cloud, plan).track(tracking));
      if (run.crashed) await system(cloud).track(tracking);
      await settleAll();
      outcomes.push(
        await outcomeOf(plan, caller.sub, async (c) => ({
          tracking: (await effects(cloud.tableName).dossier(c))?.dossier.timeline.filter(
            (e) => e.action === 'postal-tracking',
          ).length,
        })),
      );
    });
    // The dossier with its timeline entry: 'accepted' raises no event, so nothing is sent.
    expect(writes).toBe(1);
    expectAllLikeTheCleanRun(outcomes);
    expect(outcomes.at(-1)?.dossiers[0]?.extra).toEqual({ tracking: 1 });
  });
});

/** A copy of a civil-status extract (8.000 đồng, due at intake), received, assigned, its fee requested. */
async function awaitingFees(applicantId: string): Promise<string> {
  const sys = system(cloud);
  const { code } = await sys.fileDossier(
    citizen(applicantId),
    SubmitDossierBody.parse(birthRegistration({ procedureCode: '2.000635' })),
    'online',
  );
  await cloud.settle();
  // Received and forwarded by the commune's service centre; the fee asked by the commune's specialist.
  const receiver: Caller = { sub: 'receiver-lan', roles: ['receiver'], agencyId: `${agencyId}.TTPVHCC` };
  const specialist: Caller = { sub: 'specialist-ha', roles: ['specialist'], agencyId };
  const steps = [
    [receiver, { type: 'receive' }],
    [receiver, { type: 'forward', assigneeId: 'specialist-ha' }],
    [specialist, { type: 'request-fees' }],
  ] as const;
  for (const [official, step] of steps) {
    const version = (await effects(cloud.tableName).dossier(code))?.dossier.version;
    await sys.actOn(official, code, ActionBody.parse({ ...step, expectedVersion: version }));
  }
  await cloud.settle();
  return code;
}
