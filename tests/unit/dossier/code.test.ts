import { describe, expect, it } from 'vitest';
import { formatDossierCode, parseDossierCode, yymmdd } from '../../../shared/domain/dossier/code.ts';

describe('dossier code <agency>-<YYMMDD>-<NNNN>', () => {
  it.each([
    ['24.07210', { year: 2026, month: 11, day: 22 }, 1, '24.07210-261122-0001'],
    ['24.STP', { year: 2027, month: 2, day: 4 }, 42, '24.STP-270204-0042'],
    ['24.STP', { year: 2026, month: 1, day: 9 }, 12345, '24.STP-260109-12345'],
  ])('formats %s on %o, number %i', (agency, date, sequence, expected) => {
    expect(formatDossierCode(agency, date, sequence)).toBe(expected);
  });

  it('parses back what it formats, the agency code keeping its dots', () => {
    expect(parseDossierCode('24.07210-261122-0007')).toEqual({ agencyId: '24.07210', yymmdd: '261122', sequence: 7 });
  });

  it.each(['', '24.STP-2611-0001', '24-STP-261122-0001', '24.STP-261122-01', 'x-261122-0001'])('rejects %j', (code) =>
    expect(parseDossierCode(code)).toBeUndefined(),
  );

  it('refuses a sequence that is not a positive integer', () => {
    expect(() => formatDossierCode('24.STP', { year: 2026, month: 1, day: 1 }, 0)).toThrow(RangeError);
  });

  it('keys the daily counter by the two-digit local date', () => {
    expect(yymmdd({ year: 2030, month: 12, day: 31 })).toBe('301231');
  });
});
