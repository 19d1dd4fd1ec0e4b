import { describe, expect, it } from 'vitest';
import { nextRegisterPosition, registerYear } from '../../../shared/domain/official-documents/register.ts';
import { RuleViolation } from '../../../shared/domain/rule-violation.ts';

describe('register year, in Vietnam’s time (Điều 15 khoản 1; Điều 22 khoản 2)', () => {
  it('23:30 on 31 December in Vietnam is still that year, though UTC says the same day', () => {
    expect(registerYear(new Date('2026-12-31T23:30:00+07:00'))).toBe(2026);
  });

  it('00:10 on 1 January in Vietnam is the new year, though UTC still says 31 December', () => {
    const instant = new Date('2027-01-01T00:10:00+07:00');
    expect(instant.getUTCFullYear()).toBe(2026);
    expect(registerYear(instant)).toBe(2027);
  });

  it('local midnight of 1 January opens the year; one millisecond before is the old one', () => {
    expect(registerYear(new Date('2027-01-01T00:00:00+07:00'))).toBe(2027);
    expect(registerYear(new Date('2026-12-31T16:59:59.999Z'))).toBe(2026);
  });
});

describe('next number in a register (Điều 15 khoản 1: from 01 on 1 January to 31 December)', () => {
  const at = new Date('2026-06-15T09:00:00+07:00');

  it('the first document of a register gets 01', () => {
    expect(nextRegisterPosition(undefined, at)).toEqual({ year: 2026, number: 1 });
  });

  it('numbers follow on within the year: after 124 comes 125', () => {
    expect(nextRegisterPosition({ year: 2026, number: 124 }, at)).toEqual({ year: 2026, number: 125 });
  });

  it('the first document after local midnight of 1 January starts again at 01', () => {
    const last = { year: 2026, number: 1432 };
    expect(nextRegisterPosition(last, new Date('2026-12-31T23:30:00+07:00'))).toEqual({ year: 2026, number: 1433 });
    expect(nextRegisterPosition(last, new Date('2027-01-01T00:10:00+07:00'))).toEqual({ year: 2027, number: 1 });
  });

  it('a register already numbering a later year refuses an earlier date', () => {
    try {
      nextRegisterPosition({ year: 2027, number: 3 }, new Date('2026-12-31T23:59:00+07:00'));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RuleViolation);
      expect((error as RuleViolation).code).toBe('register-year-ahead');
      expect((error as RuleViolation).kind).toBe('conflict');
    }
  });
});
