import { describe, expect, it } from 'vitest';
import { provinceAgencies } from '../../../infra/local/seed-agencies.ts';
import { demoProcedures } from '../../../infra/local/seed-catalogue.ts';
import { procedureRuleErrors } from '../../../shared/domain/catalogue/validation.ts';
import { procedureCodePattern } from '../../../shared/domain/procedure.ts';
import { ProcedureBody } from '../../../shared/use-cases/catalogue/schemas.ts';

const codes = () => demoProcedures.map((p) => p.code);

describe('the demo catalogue', () => {
  it.each(demoProcedures.map((p) => [p.code, p] as const))('%s passes the schema and the rules', (_code, procedure) => {
    const { code, version, ...content } = procedure;
    expect(code).toMatch(procedureCodePattern);
    expect(version).toBe(1);
    expect(ProcedureBody.safeParse(content).error?.issues ?? []).toEqual([]);
    expect(procedureRuleErrors(content)).toEqual([]);
  });

  it('has about twenty procedures with distinct codes, naming only seeded agencies', () => {
    const codes = demoProcedures.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThanOrEqual(20);
    const agencies = new Set(provinceAgencies.map((a) => a.id));
    for (const procedure of demoProcedures) {
      if (procedure.agencyId) expect(agencies).toContain(procedure.agencyId);
      for (const leg of procedure.joint ?? [])
        if ('agencyId' in leg.agency) expect(agencies).toContain(leg.agency.agencyId);
    }
  });

  it('keeps the birth registration other tests rely on: commune level, fully online, 1 working day, no fee', () => {
    expect(demoProcedures.find((p) => p.code === '1.001193')).toMatchObject({
      name: 'Đăng ký khai sinh',
      level: 'commune',
      serviceLevel: 'fully-online',
      processingTime: { workingDays: 1 },
      fee: null,
    });
    for (const code of ['1.000894', '1.000656']) expect(codes()).toContain(code);
  });

  it('carries national codes only', () => {
    // Codes of the CSDL quốc gia về TTHC are a digit 1–3, a dot and six digits (1.001193, 2.002757).
    expect(codes().filter((code) => !/^[123]\.\d{6}$/.test(code))).toEqual([]);
  });

  it('seeds each kind of fee rule: fixed, per page with a cap, per copy, a range the official sets, exemptions', () => {
    const kinds = new Set(demoProcedures.flatMap((p) => (p.fee ? [p.fee.schedule.kind] : [])));
    expect(kinds).toEqual(new Set(['fixed', 'per-page', 'per-copy', 'range']));
    expect(demoProcedures.find((p) => p.code === '2.000815')?.fee).toMatchObject({
      schedule: {
        kind: 'per-page',
        tiers: [
          { fromPage: 1, amount: 2_000 },
          { fromPage: 3, amount: 1_000 },
        ],
        capPerCopy: 200_000,
      },
      due: 'intake',
    });
    expect(demoProcedures.some((p) => (p.fee?.exemptions ?? []).length > 0)).toBe(true);
  });

  it('has a department-level joint procedure with a leg at the applicant’s commune', () => {
    const joint = demoProcedures.filter(
      (p) =>
        p.level === 'department' &&
        p.agencyId === '24.SNV' &&
        p.joint?.some((leg) => 'level' in leg.agency && leg.agency.level === 'commune'),
    );
    expect(joint.map((p) => p.code)).toEqual(['2.002757']);
  });

  it('marks every service level, and spans communes, departments and the province', () => {
    expect(new Set(demoProcedures.map((p) => p.serviceLevel))).toEqual(
      new Set(['fully-online', 'partly-online', 'offline']),
    );
    expect(new Set(demoProcedures.map((p) => p.level))).toEqual(new Set(['commune', 'department', 'province']));
  });
});
