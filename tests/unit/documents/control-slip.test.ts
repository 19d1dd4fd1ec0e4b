/**
 * The process control slip (Thông tư 03/2025/TT-VPCP, phụ lục I, mẫu số 06): each hand-over, who gave
 * and who took the dossier, and "trước hạn / đúng hạn / quá hạn" for each step. Worked by hand on a
 * joint procedure whose commune leg (liên thông) is a step like the others.
 */
import { describe, expect, it } from 'vitest';
import { controlSlip, stepVerdict } from '../../../shared/domain/dossier/control-slip.ts';
import type { Dossier, TimelineEntry } from '../../../shared/domain/dossier/dossier.ts';

const entry = (at: string, sub: string, role: TimelineEntry['actor']['role'], action: string): TimelineEntry => ({
  at,
  actor: { sub, role },
  action,
  note: '',
});

// Sở Xây dựng receives (Mon 9/3/2026 09:00), forwards to a specialist, who transfers the dossier to the
// applicant's commune for its confirmation; the commune's official sends it back, the leader decides.
const dossier: Pick<Dossier, 'steps' | 'timeline'> = {
  steps: [
    {
      agencyId: '24.SXD',
      name: 'Tiếp nhận hồ sơ',
      handlerId: 'receiver-mai',
      startedAt: '2026-03-09T09:00:00+07:00',
      dueAt: '2026-03-09T11:00:00+07:00',
      endedAt: '2026-03-09T10:00:00+07:00',
    },
    {
      agencyId: '24.SXD',
      name: 'Thẩm định hồ sơ',
      handlerId: 'specialist-nam',
      startedAt: '2026-03-09T10:00:00+07:00',
      dueAt: '2026-03-10T17:00:00+07:00',
      endedAt: '2026-03-09T15:00:00+07:00',
    },
    {
      // The commune leg: nobody assigned; its official is the one who hands it back.
      agencyId: '24.07210',
      name: 'Xác nhận thực trạng nhà ở',
      startedAt: '2026-03-09T15:00:00+07:00',
      dueAt: '2026-03-12T17:00:00+07:00',
      endedAt: '2026-03-13T08:30:00+07:00',
    },
    {
      agencyId: '24.SXD',
      name: 'Thẩm định hồ sơ',
      startedAt: '2026-03-13T08:30:00+07:00',
      dueAt: '2026-03-16T17:00:00+07:00',
    },
  ],
  timeline: [
    entry('2026-03-09T08:00:00+07:00', 'citizen-an', 'citizen', 'file'),
    entry('2026-03-09T09:00:00+07:00', 'receiver-mai', 'receiver', 'receive'),
    entry('2026-03-09T10:00:00+07:00', 'receiver-mai', 'receiver', 'forward'),
    entry('2026-03-09T15:00:00+07:00', 'specialist-nam', 'specialist', 'transfer'),
    entry('2026-03-13T08:30:00+07:00', 'receiver-lan', 'receiver', 'transfer'),
  ],
};

describe('the control slip (mẫu số 06)', () => {
  it('names who gave and who took each step, the commune leg included, and judges each finished step', () => {
    expect(controlSlip(dossier)).toEqual([
      // Ended 10:00 on the day it was due (11:00): on time.
      expect.objectContaining({ step: 'Tiếp nhận hồ sơ', handlerSub: 'receiver-mai', verdict: 'on-time' }),
      // Ended Mon 9/3, due Tue 10/3: a day early.
      expect.objectContaining({
        step: 'Thẩm định hồ sơ',
        fromSub: 'receiver-mai',
        handlerSub: 'specialist-nam',
        verdict: 'early',
      }),
      // The commune's leg: handed over by the specialist, taken by the commune's official who sent it
      // back on Fri 13/3 08:30, after its due time (Thu 12/3 17:00): late.
      expect.objectContaining({
        agencyId: '24.07210',
        fromSub: 'specialist-nam',
        handlerSub: 'receiver-lan',
        endedAt: '2026-03-13T08:30:00+07:00',
        verdict: 'late',
      }),
      // Back at the department, not yet assigned nor finished.
      expect.objectContaining({ agencyId: '24.SXD', fromSub: 'receiver-lan' }),
    ]);
    expect(controlSlip(dossier)[0]).not.toHaveProperty('fromSub');
    for (const key of ['handlerSub', 'endedAt', 'verdict']) expect(controlSlip(dossier)[3]).not.toHaveProperty(key);
  });

  it('is re-issued as of its own step: later steps left out, a step ended later shown open', () => {
    // Issued at the transfer to the commune (Mon 15:00): three steps, the leg open.
    const atTransfer = controlSlip(dossier, '2026-03-09T15:00:00+07:00');
    expect(atTransfer.map((row) => row.step)).toEqual([
      'Tiếp nhận hồ sơ',
      'Thẩm định hồ sơ',
      'Xác nhận thực trạng nhà ở',
    ]);
    for (const key of ['handlerSub', 'endedAt', 'verdict']) expect(atTransfer[2]).not.toHaveProperty(key);
    expect(atTransfer[1]).toMatchObject({ endedAt: '2026-03-09T15:00:00+07:00', verdict: 'early' });
  });

  it('counts a step ended at its due instant on time, a minute later late', () => {
    const dueAt = '2026-03-10T17:00:00+07:00';
    expect(stepVerdict({ dueAt, endedAt: '2026-03-10T17:00:00+07:00' })).toBe('on-time');
    expect(stepVerdict({ dueAt, endedAt: '2026-03-10T17:01:00+07:00' })).toBe('late');
    // 23:30 on Mon 9/3 in Hà Nội is 16:30Z: still the day before the due day, so early.
    expect(stepVerdict({ dueAt, endedAt: '2026-03-09T16:30:00Z' })).toBe('early');
    expect(stepVerdict({ dueAt })).toBeUndefined();
  });
});
