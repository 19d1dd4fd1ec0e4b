import { describe, expect, it } from 'vitest';
import { holidayYearViolation, PutHolidaysBody } from '../../../shared/use-cases/agencies/holidays.ts';

describe('PutHolidaysBody', () => {
  it.each<[string, unknown, string[]]>([
    ['a valid list', { holidays: [{ date: '2028-01-01', name: 'Tết Dương lịch' }] }, []],
    ['an empty list', { holidays: [] }, []],
    [
      'a swap (làm bù): a weekday off and a Saturday worked',
      {
        holidays: [
          { date: '2028-01-03', name: 'Nghỉ hoán đổi' },
          { date: '2028-01-08', name: 'Làm bù', workingDay: true },
        ],
      },
      [],
    ],
    [
      'a non-boolean workingDay',
      { holidays: [{ date: '2028-01-08', name: 'X', workingDay: 'yes' }] },
      ['holidays.0.workingDay'],
    ],
    [
      'a projected flag (only the platform projects)',
      { holidays: [{ date: '2028-01-01', name: 'X', projected: true }] },
      ['holidays.0'],
    ],
    ['an impossible date', { holidays: [{ date: '2028-02-30', name: 'X' }] }, ['holidays.0.date']],
    ['a malformed date', { holidays: [{ date: '1/1/2028', name: 'X' }] }, ['holidays.0.date']],
    ['a blank name', { holidays: [{ date: '2028-01-01', name: ' ' }] }, ['holidays.0.name']],
    ['an unknown field', { holidays: [], year: 2028 }, ['']],
  ])('%s', (_, body, fields) => {
    const result = PutHolidaysBody.safeParse(body);
    expect(result.success ? [] : result.error.issues.map((i) => i.path.join('.'))).toEqual(fields);
  });
});

describe('holidayYearViolation', () => {
  const h = (date: string) => ({ date, name: 'Ngày nghỉ' });
  it.each<[string, number, string[], string | undefined, string | undefined]>([
    ['dates in the year', 2028, ['2028-01-01', '2028-04-30'], undefined, undefined],
    ['a date of another year', 2028, ['2028-01-01', '2029-01-01'], 'holiday-outside-year', 'holidays.1.date'],
    ['a repeated date', 2028, ['2028-05-01', '2028-05-01'], 'duplicate-holiday', 'holidays.1.date'],
  ])('%s', (_, year, dates, code, field) => {
    const violation = holidayYearViolation(year, dates.map(h));
    expect(violation?.code).toBe(code);
    expect(violation?.details.field).toBe(field);
  });
});
