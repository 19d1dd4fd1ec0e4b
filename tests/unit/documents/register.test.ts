/**
 * Form 07, the register (Thông tư 03/2025/TT-VPCP, phụ lục I, mẫu số 07, "Sổ theo dõi hồ sơ"): the
 * period it covers and what each line says of a dossier's timing, worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { renderRegisterXlsx } from '../../../shared/documents/register.ts';
import type { Dossier } from '../../../shared/domain/dossier/dossier.ts';
import { canReadRegister, registerDays, registerLines } from '../../../shared/domain/dossier/register.ts';

const dossier = (code: string, fields: Partial<Dossier>): Dossier =>
  ({
    code,
    status: 'received',
    procedure: { code: '1.001193', version: 1, name: 'Đăng ký khai sinh' },
    competentAgencyId: '24.07210',
    applicant: { fullName: 'Nguyễn Văn An', idNumber: '024090001234', address: 'Bắc Giang' },
    submittedAt: '2026-03-09T08:00:00+07:00',
    receivedAt: '2026-03-09T09:00:00+07:00',
    dueAt: '2026-03-10T17:30:00+07:00',
    ...fields,
  }) as Dossier;

describe('the period of a register', () => {
  it('is every local day from the first to the last, both included', () => {
    // February 2028 has 29 days: 27, 28, 29 February and 1 March.
    expect(registerDays('2028-02-27', '2028-03-01')).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']);
    expect(registerDays('2026-03-09', '2026-03-09')).toEqual(['2026-03-09']);
  });

  it('is a quarter at most (92 days: 1 July to 30 September), and a real, ordered range', () => {
    // 31 (Jul) + 31 (Aug) + 30 (Sep) = 92 days.
    expect(registerDays('2026-07-01', '2026-09-30')).toHaveLength(92);
    expect(() => registerDays('2026-07-01', '2026-10-01')).toThrow(/tối đa 92 ngày/);
    expect(() => registerDays('2026-03-10', '2026-03-09')).toThrow(/sau ngày bắt đầu/);
    expect(() => registerDays('2026-02-29', '2026-03-01')).toThrow(/YYYY-MM-DD/);
    expect(() => registerDays('9/3/2026', '2026-03-10')).toThrow(/YYYY-MM-DD/);
  });
});

describe('the lines of a register', () => {
  const asOf = new Date('2026-03-12T03:00:00Z'); // Thu 12/3/2026 10:00 in Hà Nội
  const lines = registerLines(
    [
      // Decided Tue 10/3 17:45, due 17:30 that day: late.
      dossier('24.07210-260309-0003', {
        status: 'decided',
        decision: { outcome: 'approved', decidedAt: '2026-03-10T17:45:00+07:00', by: 'leader-hung' },
      }),
      // Decided Mon 9/3, due Tue 10/3: a day early.
      dossier('24.07210-260309-0001', {
        status: 'returned',
        decision: { outcome: 'approved', decidedAt: '2026-03-09T16:00:00+07:00', by: 'leader-hung' },
        returnedAt: '2026-03-10T08:00:00+07:00',
      }),
      // Decided Tue 10/3 17:30 sharp: on time.
      dossier('24.07210-260309-0002', {
        status: 'decided',
        decision: { outcome: 'refused', reasons: 'x', decidedAt: '2026-03-10T17:30:00+07:00', by: 'leader-hung' },
      }),
      // Still in processing on Thu 12/3, due Tue 10/3: overdue.
      dossier('24.07210-260309-0004', { status: 'processing' }),
      // Refused at intake: no timing.
      dossier('24.07210-260309-0005', { status: 'refused' }),
    ],
    { '24.07210': 'Ủy ban nhân dân Phường Bắc Giang' },
    asOf,
  );

  it('numbers the dossiers in the order of their codes and judges each against its appointment', () => {
    expect(lines.map((l) => [l.index, l.code.slice(-4), l.note])).toEqual([
      [1, '0001', 'Trước hạn'],
      [2, '0002', 'Đúng hạn'],
      [3, '0003', 'Quá hạn'],
      [4, '0004', 'Đang quá hạn'],
      [5, '0005', ''],
    ]);
    expect(lines[0]).toMatchObject({ agency: 'Ủy ban nhân dân Phường Bắc Giang', status: 'Đã trả kết quả', sets: 1 });
  });

  it('writes the same workbook for the same lines', () => {
    const input = { agencyName: 'UBND', from: '2026-03-09', to: '2026-03-09', lines, issuedAt: asOf };
    expect(Buffer.from(renderRegisterXlsx(input)).equals(Buffer.from(renderRegisterXlsx(input)))).toBe(true);
  });
});

describe('who reads a register', () => {
  it('is the agency’s own officials, auditors and admins', () => {
    const caller = (roles: string[], agencyId?: string) =>
      ({ sub: 'x', roles, ...(agencyId ? { agencyId } : {}) }) as Parameters<typeof canReadRegister>[0];
    expect(canReadRegister(caller(['receiver'], '24.07210'), '24.07210')).toBe(true);
    expect(canReadRegister(caller(['leader'], '24.STP'), '24.07210')).toBe(false);
    expect(canReadRegister(caller(['citizen']), '24.07210')).toBe(false);
    expect(canReadRegister(caller(['auditor']), '24.07210')).toBe(true);
    expect(canReadRegister(caller(['admin']), '24.07210')).toBe(true);
  });
});
