import { describe, expect, it } from 'vitest';
import type { Dossier } from '../../../shared/domain/dossier/dossier.ts';
import type { DossierStatus } from '../../../shared/domain/dossier/status.ts';
import { rateDossier } from '../../../shared/domain/dossier/rating.ts';
import { factOf } from '../../../shared/domain/indicators/fact.ts';
import { messagesFor } from '../../../shared/domain/notifications/templates.ts';

const applicant = { sub: 'citizen-an', roles: ['citizen'] } as const;
const now = new Date('2026-03-10T09:00:00+07:00');

const dossier = (status: DossierStatus, extra: Partial<Dossier> = {}): Dossier => ({
  code: '24.07210-260302-0001',
  version: 7,
  status,
  channel: 'online',
  procedure: { code: '1.001193', version: 1, name: 'Đăng ký khai sinh' },
  agencyId: '24.07210',
  competentAgencyId: '24.07210',
  handledBy: ['24.07210'],
  applicantId: 'citizen-an',
  applicant: { fullName: 'Nguyễn Văn An', idNumber: '024090001234', address: 'Bắc Giang' },
  returnMethod: 'online',
  formData: {},
  submittedAt: '2026-03-02T09:00:00+07:00',
  dueAt: '2026-03-06T17:00:00+07:00',
  fee: null,
  steps: [],
  legs: [],
  pinHash: 'h',
  timeline: [],
  ...extra,
});

describe('the satisfaction rating of a returned dossier', () => {
  it('records the rating, a timeline entry and a DossierChanged "rate" from and to returned', () => {
    const { dossier: rated, events } = rateDossier(dossier('returned'), applicant, { score: 4, comment: ' Tốt ' }, now);
    expect(rated.rating).toEqual({ score: 4, comment: 'Tốt', at: '2026-03-10T09:00:00+07:00' });
    expect(rated.version).toBe(8);
    expect(rated.timeline.at(-1)).toMatchObject({ action: 'rate', from: 'returned', to: 'returned' });
    expect(events).toEqual([
      expect.objectContaining({
        id: '24.07210-260302-0001:8:DossierChanged',
        type: 'DossierChanged',
        data: expect.objectContaining({ action: 'rate', from: 'returned', to: 'returned' }),
      }),
    ]);
    // The indicator fact carries it; nobody is sent a message about it.
    expect(factOf(rated, { name: 'n', field: 'f', serviceLevel: 'fully-online' }).rating).toBe(4);
    expect(messagesFor(events[0] as never, { describeAppointment: () => '' })).toEqual([]);
  });

  it.each(['submitted', 'processing', 'decided', 'withdrawn'] as const)('refuses a %s dossier (409)', (status) => {
    expect(() => rateDossier(dossier(status), applicant, { score: 5 }, now)).toThrow(
      expect.objectContaining({ kind: 'conflict', code: 'not-returned' }),
    );
  });

  it('refuses a second rating (409) and anyone but the applicant (404)', () => {
    const rated = dossier('returned', { rating: { score: 5, at: '2026-03-09T09:00:00+07:00' } });
    expect(() => rateDossier(rated, applicant, { score: 1 }, now)).toThrow(
      expect.objectContaining({ kind: 'conflict', code: 'already-rated' }),
    );
    expect(() =>
      rateDossier(dossier('returned'), { sub: 'citizen-binh', roles: ['citizen'] }, { score: 5 }, now),
    ).toThrow(expect.objectContaining({ kind: 'not-found' }));
    expect(() =>
      rateDossier(
        dossier('returned'),
        { sub: 'citizen-an', roles: ['receiver'], agencyId: '24.07210' },
        { score: 5 },
        now,
      ),
    ).toThrow(expect.objectContaining({ kind: 'not-found' }));
  });

  it.each([0, 6, 3.5])('refuses the score %s', (score) => {
    expect(() => rateDossier(dossier('returned'), applicant, { score }, now)).toThrow(
      expect.objectContaining({ code: 'invalid-score' }),
    );
  });
});
