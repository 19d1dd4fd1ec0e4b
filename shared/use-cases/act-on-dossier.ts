import * as z from 'zod/mini';
import type { AgencyRepository } from './ports/agency-repository.ts';
import type { CatalogueRepository } from './ports/catalogue-repository.ts';
import type { DossierRepository, StoredDossier } from './ports/dossier-repository.ts';
import type { SupplementMode, WorkingCalendar } from '../domain/calendar/index.ts';
import type { Caller } from '../domain/caller.ts';
import type { Action } from '../domain/dossier/actions.ts';
import { expectedVersionHolds } from '../domain/dossier/annotations.ts';
import { transferTargets } from '../domain/dossier/joint.ts';
import { act } from '../domain/dossier/lifecycle.ts';
import { agencyIdPattern } from '../domain/agency.ts';
import { RuleViolation, versionConflict } from '../domain/rule-violation.ts';
import type { BusinessMetrics } from './ports/business-metrics.ts';
import { dossierView } from './dossier-view.ts';
import { readableDossier } from './get-dossier.ts';
import { alreadyApplied, requestMark } from './request-key.ts';

const note = z.string().check(z.trim(), z.minLength(1), z.maxLength(2000));
const common = {
  /** The version the caller saw: a change made since then answers 409. */
  expectedVersion: z.number().check(z.int(), z.minimum(1)),
  note: z.optional(note),
  internalNote: z.optional(note),
};
const kind = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ...common, ...shape });

/** One schema per action, strict: a field an action does not take is refused with 400. */
export const ActionBody = z.discriminatedUnion('type', [
  kind('receive', {}),
  kind('refuse', { reason: note }),
  kind('request-supplement', { defects: z.array(note).check(z.minLength(1), z.maxLength(50)) }),
  kind('supplement', {}),
  kind('forward', { assigneeId: z.optional(z.string().check(z.minLength(1), z.maxLength(128))) }),
  kind('transfer', { agencyId: z.string().check(z.regex(agencyIdPattern, 'Mã cơ quan không hợp lệ')) }),
  kind('request-fees', {
    amount: z.optional(
      z.number({ error: 'Mức thu phải là số' }).check(z.int('Mức thu tính bằng đồng, số nguyên'), z.minimum(0)),
    ),
  }),
  kind('confirm-payment', {}),
  kind('request-extension', {
    extraWorkingDays: z.number().check(
      z.minimum(0.5),
      z.maximum(30),
      z.refine((d) => Number.isInteger(d * 2), 'Số ngày làm việc tính theo nửa ngày'),
    ),
    reason: note,
  }),
  kind('stop', { reason: note }),
  kind('decide', { outcome: z.enum(['approved', 'refused']), reasons: z.optional(note) }),
  kind('return-result', {}),
  kind('withdraw', { reason: note }),
]);

export type ActionBody = z.output<typeof ActionBody>;

export interface ActOnDossierDeps {
  provinceCode: string;
  supplementMode: SupplementMode;
  /** Window for a supplement request after receipt; default 3 working days. */
  supplementRequestWorkingDays?: number;
  dossiers: DossierRepository;
  catalogue: CatalogueRepository;
  agencies: AgencyRepository;
  calendarFor: (agencyId: string) => Promise<WorkingCalendar>;
  now: () => Date;
  /** DossiersReceived on receipt; DossiersDecidedOnTime or …Late on a decision. */
  metrics?: BusinessMetrics;
}

/**
 * One lifecycle step on one dossier: read, check the version the caller saw (or one only system
 * annotations separate from the current one: annotations.ts), decide (domain), write conditionally on
 * the version read (its event goes out from the table's stream). Two officials acting at once: one wins, the other gets 409 with
 * the current version.
 *
 * A step sent with an Idempotency-Key is marked on the dossier by the same write: a retry of it (the
 * answer lost, or sent twice at once) finds the mark and answers the dossier as it now stands, with
 * nothing applied twice and no idempotency record of its own; the same key with another body is 422.
 */
export function actOnDossier(deps: ActOnDossierDeps) {
  return async (caller: Caller, code: string, body: ActionBody, idempotencyKey?: string) => {
    const now = deps.now();
    const stored = await readableDossier(deps.dossiers, caller, code);
    const { dossier } = stored;
    const mark = idempotencyKey === undefined ? undefined : requestMark(caller.sub, idempotencyKey, body);
    // Before the version check: a retry carries the version its first attempt saw, now passed.
    if (mark && alreadyApplied(stored.requests, mark)) return dossierView(dossier, caller, now);
    // A system annotation since (the signed result recorded) does not invalidate what the caller saw.
    if (!expectedVersionHolds(dossier, body.expectedVersion)) throw versionConflict(dossier.version);
    const procedure = await deps.catalogue.procedureVersion(dossier.procedure.code, dossier.procedure.version);
    if (!procedure) throw new Error(`Procedure ${dossier.procedure.code} v${dossier.procedure.version} is missing`);
    const { expectedVersion: _expected, ...action } = body;
    const decision = act(action as Action, {
      caller,
      dossier,
      procedure,
      calendar: await deps.calendarFor(dossier.agencyId),
      ...(dossier.competentAgencyId === dossier.agencyId
        ? {}
        : { competentCalendar: await deps.calendarFor(dossier.competentAgencyId) }),
      now,
      supplementMode: deps.supplementMode,
      ...(deps.supplementRequestWorkingDays === undefined
        ? {}
        : { supplementRequestWithin: { workingDays: deps.supplementRequestWorkingDays } }),
      ...(action.type === 'forward' && action.assigneeId ? { officials: await onRoster(deps, action.assigneeId) } : {}),
      ...(action.type === 'transfer' ? { transfer: await transferContext(deps, action.agencyId) } : {}),
    });
    let saved: StoredDossier;
    try {
      saved = await deps.dossiers.save(dossier, decision, mark && { mark, marks: stored.requests });
    } catch (error) {
      // The same step sent twice at once: the first write won; the second answers as its replay.
      const conflict = error instanceof RuleViolation && error.code === 'version-conflict';
      const again = mark && conflict ? await deps.dossiers.get(code) : undefined;
      if (mark && again && alreadyApplied(again.requests, mark)) return dossierView(again.dossier, caller, now);
      throw error;
    }
    if (action.type === 'receive') deps.metrics?.count('DossiersReceived');
    const decided = action.type === 'decide' ? saved.dossier.decision : undefined;
    if (decided) {
      // Late is after the appointment to the instant, as the indicator reports count it (domain/indicators/counts.ts).
      const late = Date.parse(decided.decidedAt) > Date.parse(saved.dossier.dueAt);
      deps.metrics?.count(late ? 'DossiersDecidedLate' : 'DossiersDecidedOnTime');
    }
    return dossierView(saved.dossier, caller, now);

    /** The named official's roster entry, for the domain to judge (none when not on the roster). */
    async function onRoster(d: ActOnDossierDeps, sub: string) {
      const official = await d.agencies.getOfficial(sub);
      return official ? [official] : [];
    }

    async function transferContext(d: ActOnDossierDeps, agencyId: string) {
      const agency = await d.agencies.get(agencyId);
      if (!agency) throw new RuleViolation('invalid', 'unknown-agency', `Không có cơ quan mã ${agencyId}.`);
      return {
        allowed: transferTargets(procedure as NonNullable<typeof procedure>, dossier, d.provinceCode),
        agency,
        calendar: await d.calendarFor(agencyId),
      };
    }
  };
}
