import * as z from 'zod/mini';
import type { AgencyRepository } from './ports/agency-repository.ts';
import type { CatalogueRepository } from './ports/catalogue-repository.ts';
import type { DossierRepository, StoredDossier } from './ports/dossier-repository.ts';
import type { DossierCounter } from './ports/dossier-counter.ts';
import type { FilingClaim, FilingClaims } from './ports/filing-claims.ts';
import { describeAppointment, type WorkingCalendar } from '../domain/calendar/index.ts';
import type { Caller } from '../domain/caller.ts';
import { formatDossierCode, yymmdd } from '../domain/dossier/code.ts';
import type { Dossier } from '../domain/dossier/dossier.ts';
import { fileDossier } from '../domain/dossier/file.ts';
import { competentAgencyId } from '../domain/dossier/routing.ts';
import { exemptionCodePattern } from '../domain/fees/rule.ts';
import { dossierStatuses } from '../domain/dossier/status.ts';
import { procedureCodePattern } from '../domain/procedure.ts';
import { RuleViolation } from '../domain/rule-violation.ts';
import { vnParts } from '../domain/time.ts';
import type { BusinessMetrics } from './ports/business-metrics.ts';
import { newLookupPin, type PinHasher } from '../domain/lookup-pin.ts';
import { type Quotas, spend } from './quotas.ts';
import { idempotencyKeyReused, requestDigest } from './request-key.ts';

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const phone = z.string().check(z.regex(/^0\d{9}$/, 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0'));
/** Where the post office picks up or delivers; each part defaults to the applicant's own. */
const postalAddress = z.strictObject({ address: z.optional(text(500)), phone: z.optional(phone) });

export const application = {
  procedureCode: z.string().check(z.regex(procedureCodePattern, 'Mã thủ tục có dạng 1.001234')),
  /** Administrative-unit code of the applicant's commune or ward: decides commune-level procedures. */
  communeCode: z.optional(z.string().check(z.regex(/^\d{5}$/, 'Mã xã, phường gồm 5 chữ số'))),
  applicant: z.strictObject({
    fullName: text(200),
    idNumber: z.string().check(z.regex(/^\d{12}$/, 'Số định danh cá nhân gồm 12 chữ số')),
    phone: z.optional(z.string().check(z.regex(/^0\d{9}$/, 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0'))),
    email: z.optional(z.email().check(z.maxLength(254))),
    address: text(500),
  }),
  returnMethod: z._default(z.enum(['online', 'counter', 'post']), 'online'),
  /** Filing by post (`pickup`: the post office collects the paper dossier) and the result's address when returned by post. */
  postal: z.optional(z.strictObject({ pickup: z.optional(postalAddress), delivery: z.optional(postalAddress) })),
  /** What the fee depends on (fees/fee.ts): pages of the original, copies asked for, an exemption ground claimed. */
  feeFacts: z.optional(
    z.strictObject({
      pages: z.optional(z.number().check(z.int('Số trang là số nguyên'), z.minimum(1), z.maximum(100_000))),
      copies: z.optional(z.number().check(z.int('Số bản là số nguyên'), z.minimum(1), z.maximum(1_000))),
      exemption: z.optional(z.string().check(z.regex(exemptionCodePattern, 'Mã trường hợp miễn phí không hợp lệ'))),
    }),
  ),
  formData: z._default(
    z
      .record(
        z.string().check(z.maxLength(64)),
        z.union([z.string().check(z.maxLength(2000)), z.number(), z.boolean()]),
      )
      .check(z.refine((data) => Object.keys(data).length <= 50, 'Tối đa 50 trường')),
    {},
  ),
};

/** What a citizen may send. Strict: status, agency, fee and the like are never accepted from a body. */
export const SubmitDossierBody = z.strictObject(application);

/** What a receiver sends at the desk: the same, plus the applicant's account when they have one. */
export const CounterDossierBody = z.strictObject({
  ...application,
  /** The paper documents taken at the desk, by required-document slot: form 01 lists them as received. */
  papers: z.optional(
    z
      .array(
        z.strictObject({
          slot: z.number().check(z.int(), z.minimum(0), z.maximum(49)),
          count: z.number().check(z.int('Số lượng là số nguyên'), z.minimum(1), z.maximum(99)),
        }),
      )
      .check(z.maxLength(50)),
  ),
  applicantSub: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
});

export type CounterDossierBody = z.output<typeof CounterDossierBody>;

export interface FileDossierDeps {
  provinceCode: string;
  catalogue: CatalogueRepository;
  agencies: AgencyRepository;
  calendarFor: (agencyId: string) => Promise<WorkingCalendar>;
  counter: DossierCounter;
  dossiers: DossierRepository;
  now: () => Date;
  /** The look-up PINs' hasher with the platform's pepper (shared/adapters/pin-pepper.ts). */
  pins: () => Promise<PinHasher>;
  /** Filing requests by Idempotency-Key: a retry after a crash files the same dossier, not a second one. */
  requests?: FilingClaims;
  /**
   * A citizen's online filings are counted (FILINGS_PER_CITIZEN): each files a dossier in a queue and
   * texts whoever the applicant's contacts name. Not the desk's, whose receivers file for walk-in
   * applicants under their own accountable names; not a partner's, whose citizen filed on its portal.
   */
  quotas?: Quotas;
  /** DossiersFiled for each dossier stored (never a replay's); DossiersReceived when received on filing. */
  metrics?: BusinessMetrics;
}

/**
 * A filing delivered by a partner (the national portal): its id goes on the dossier, and `claim`
 * binds one code and filing instant to that id, so a redelivery files the very same dossier.
 */
export interface DeliveredFiling {
  external: NonNullable<Dossier['external']>;
  /** The code and instant already bound to the partner's id, or those of `allocate()`, bound now. */
  claim: (allocate: () => Promise<Allocation>) => Promise<Allocation>;
}

/** A new dossier's code, filing instant and lookup PIN. */
export interface Allocation {
  code: string;
  now: Date;
  pin?: string;
}

/** Files a dossier online or at the counter; answers with the receipt's content. */
export function fileDossierUseCase(deps: FileDossierDeps) {
  return async (
    caller: Caller,
    body: CounterDossierBody,
    channel: 'online' | 'counter',
    delivered?: DeliveredFiling,
    idempotencyKey?: string,
  ) => {
    const requests = deps.requests;
    const request = requests && idempotencyKey ? `${caller.sub}#${idempotencyKey}` : undefined;
    const digest = request ? requestDigest(channel, body) : undefined;
    // Read alongside the reference data: a request's claim is the filing's one idempotency record.
    const claimRead = request ? requests?.get(request) : undefined;
    const procedure = await deps.catalogue.currentProcedure(body.procedureCode);
    if (!procedure) {
      throw new RuleViolation('invalid', 'unknown-procedure', `Không có thủ tục mã ${body.procedureCode}.`);
    }
    const agency = await deps.agencies.get(competentAgencyId(procedure, deps.provinceCode, body.communeCode));
    if (!agency) {
      throw new RuleViolation('invalid', 'unknown-agency', 'Không tìm thấy cơ quan giải quyết tại xã, phường đã chọn.');
    }
    // Its service centre receives for it (Nghị định 118/2025/NĐ-CP); PUT /v1/agencies checks that it exists.
    const intake = agency.intakeAgencyId ? await deps.agencies.get(agency.intakeAgencyId) : agency;
    if (!intake) throw new Error(`Intake centre ${agency.intakeAgencyId} of ${agency.id} not found`);
    const allocate = async (): Promise<Allocation> => {
      const now = deps.now();
      const local = vnParts(now);
      const sequence = await deps.counter.next(agency.id, yymmdd(local));
      return { now, code: formatDossierCode(agency.id, local, sequence), pin: newLookupPin() };
    };
    // The rules applied to an allocation: deterministic, so a replay rebuilds the dossier as it was filed.
    const decide = async ({ code, now }: Allocation, pin: string) =>
      fileDossier({
        caller,
        channel,
        procedure,
        agency,
        intake,
        application: {
          applicant: body.applicant,
          returnMethod: body.returnMethod,
          formData: body.formData,
          ...(body.communeCode ? { communeCode: body.communeCode } : {}),
          ...(body.postal ? { postal: body.postal } : {}),
          ...(body.feeFacts ? { feeFacts: body.feeFacts } : {}),
          ...(body.papers ? { papers: body.papers } : {}),
        },
        applicantId: channel === 'online' ? caller.sub : (body.applicantSub ?? `walk-in:${code}`),
        code,
        pinHash: (await deps.pins()).hash(code, pin),
        now,
        calendar: await deps.calendarFor(agency.id),
        ...(delivered ? { external: delivered.external } : {}),
      });
    // The citizen's filing counted alongside the claim's read: one round trip, not two. A replay (`held`)
    // was counted when first filed, so what it counted now is given back.
    const spending =
      channel === 'online' && !delivered && deps.quotas
        ? spend(deps.quotas, 'filings', caller.sub, deps.now()).then(
            (claim) => ({ claim }),
            (refusal: unknown) => ({ refusal }),
          )
        : undefined;
    const [held, spent] = await Promise.all([claimRead, spending]);
    if (held && spent && 'claim' in spent) await spent.claim.release();
    sameRequest(held, digest);
    if (!held && spent && 'refusal' in spent) throw spent.refusal;
    const counted = !held && spent && 'claim' in spent ? spent.claim : undefined;
    if (held) {
      // A replay (a lost answer, or a process that died after filing): the same dossier (its events
      // went out from the table's stream), and the first answer again: the receipt as it was filed.
      const filed = await deps.dossiers.get(held.code);
      if (filed) {
        const asFiled = await decide(allocationOf(held), held.pin ?? '');
        // Filed under the procedure version of that day, whatever the catalogue says now.
        const dossier = { ...asFiled.dossier, procedure: filed.dossier.procedure };
        return receiptOf({ dossier, outbox: [], requests: [] }, intake.name, held.pin);
      }
    }
    // The code allocated (bound to the request's key when it has one), the rules applied, the dossier stored.
    const store = async (): Promise<{ stored: StoredDossier; pin: string; created: boolean }> => {
      const claim =
        delivered?.claim ??
        (requests && request
          ? async (fresh: () => Promise<Allocation>) =>
              allocationOf(held ?? sameRequest(await requests.bind(request, asClaim(await fresh(), digest)), digest))
          : undefined);
      const allocated = claim ? await claim(allocate) : await allocate();
      const { code } = allocated;
      const pin = allocated.pin ?? newLookupPin();
      const decision = await decide(allocated, pin);
      try {
        return { stored: await deps.dossiers.create(decision), pin, created: true };
      } catch (error) {
        // The same request retried concurrently filed it first under the claimed code.
        const filed = request ? await deps.dossiers.get(code) : undefined;
        if (!filed) throw error;
        return { stored: filed, pin, created: false };
      }
    };
    let filing: { stored: StoredDossier; pin: string; created: boolean };
    try {
      filing = await store();
    } catch (error) {
      // Nothing filed (a rule refused it, or a write failed): the citizen's filing is not spent.
      await counted?.release();
      throw error;
    }
    // Counted where the dossier came to be: a replay, or the loser of a concurrent retry, stored nothing.
    if (filing.created) {
      deps.metrics?.count('DossiersFiled');
      if (filing.stored.dossier.status === 'received') deps.metrics?.count('DossiersReceived');
    }
    return receiptOf(filing.stored, intake.name, filing.pin);
  };
}

const allocationOf = (claim: FilingClaim): Allocation => ({
  code: claim.code,
  now: new Date(claim.filedAt),
  ...(claim.pin ? { pin: claim.pin } : {}),
});

const asClaim = (allocation: Allocation, request?: string): FilingClaim => ({
  code: allocation.code,
  filedAt: allocation.now.toISOString(),
  ...(allocation.pin ? { pin: allocation.pin } : {}),
  ...(request ? { request } : {}),
});

/** The claim, unless it was bound to another request under the same key (422, as for every Idempotency-Key). */
function sameRequest<T extends FilingClaim | undefined>(claim: T, digest: string | undefined): T {
  if (claim?.request !== undefined && claim.request !== digest) throw idempotencyKeyReused();
  return claim;
}

/** `POST /v1/dossiers` 201: the receipt; `lookupPin` is left out of the JSON when undefined. */
export type FilingReceipt = ReturnType<typeof receiptOf>;

/** The receipt's content: what the applicant is told on filing. */
function receiptOf(stored: StoredDossier, agencyName: string, pin: string | undefined) {
  const { dossier } = stored;
  return {
    code: dossier.code,
    status: dossier.status,
    statusText: dossierStatuses[dossier.status].vi,
    agencyId: dossier.agencyId,
    agencyName,
    procedure: dossier.procedure,
    submittedAt: dossier.submittedAt,
    dueAt: dossier.dueAt,
    appointment: describeAppointment(new Date(dossier.dueAt)),
    /** Shown once, on the receipt: with the code it lets the applicant look the dossier up. */
    lookupPin: pin,
    version: dossier.version,
  };
}
