/**
 * The process control slip (Thông tư 03/2025/TT-VPCP, phụ lục I, mẫu số 06) rendered on read: to whoever
 * may read the dossier, from its receipt, in at most two sequential round trips (docs/design.md §10).
 * The repositories are fakes whose every call is one round trip, counted as the cost bench counts them.
 */
import { describe, expect, it } from 'vitest';
import type { AgencyRepository } from '../../../shared/use-cases/ports/agency-repository.ts';
import type { DossierRepository } from '../../../shared/use-cases/ports/dossier-repository.ts';
import type { Caller } from '../../../shared/domain/caller.ts';
import type { Dossier } from '../../../shared/domain/dossier/dossier.ts';
import { printControlSlip } from '../../../shared/use-cases/documents/control-slip.ts';
import { RoundTrips } from '../../bench/support/round-trips.ts';
import { pdfText } from '../../support/pdf.ts';

const code = '24.07210-260302-0007';
const dossier = {
  code,
  applicantId: 'citizen-an',
  agencyId: '24.07210',
  handledBy: ['24.07210'],
  procedure: { code: '1.001193', version: 1, name: 'Đăng ký khai sinh' },
  applicant: { fullName: 'Nguyễn Văn An', idNumber: '024090001234', address: 'Phường Bắc Giang, tỉnh Bắc Ninh' },
  channel: 'online',
  status: 'processing',
  submittedAt: '2026-03-02T08:10:00+07:00',
  receivedAt: '2026-03-02T09:00:00+07:00',
  dueAt: '2026-03-03T17:30:00+07:00',
  steps: [
    {
      agencyId: '24.07210',
      name: 'Tiếp nhận, kiểm tra hồ sơ',
      handlerId: 'receiver-lan',
      startedAt: '2026-03-02T09:00:00+07:00',
      dueAt: '2026-03-02T11:00:00+07:00',
      endedAt: '2026-03-02T10:00:00+07:00',
    },
    {
      agencyId: '24.07210',
      name: 'Lãnh đạo UBND xã ký Giấy khai sinh',
      handlerId: 'leader-hung',
      startedAt: '2026-03-02T10:00:00+07:00',
      dueAt: '2026-03-02T14:30:00+07:00',
    },
  ],
  timeline: [
    { at: '2026-03-02T09:00:00+07:00', actor: { sub: 'receiver-lan', role: 'receiver' }, action: 'receive', note: '' },
    { at: '2026-03-02T10:00:00+07:00', actor: { sub: 'receiver-lan', role: 'receiver' }, action: 'forward', note: '' },
  ],
} as unknown as Dossier;

const at = (role: Caller['roles'][number], sub: string, agencyId?: string): Caller => ({
  sub,
  roles: [role],
  ...(agencyId ? { agencyId } : {}),
});

function setup(stored: Dossier = dossier) {
  const trips = new RoundTrips();
  /** One call: a round trip of the invocation in flight, answered on a later turn of the event loop. */
  const call = <T>(what: string, value: T): Promise<T> => {
    const end = trips.started(what);
    return new Promise((resolve) =>
      setTimeout(() => {
        end();
        resolve(value);
      }, 1),
    );
  };
  const audited: string[] = [];
  const names: Record<string, string> = { 'receiver-lan': 'Đỗ Thị Lan', 'leader-hung': 'Vũ Mạnh Hùng' };
  const print = printControlSlip({
    dossiers: {
      get: (c: string) => call('dossier', c === code ? { dossier: stored, outbox: [] } : undefined),
    } as unknown as DossierRepository,
    agencies: {
      get: (id: string) =>
        call('agency', id === '24.07210' ? { id, name: 'Ủy ban nhân dân Phường Bắc Giang' } : undefined),
      getOfficial: (sub: string) => call('official', names[sub] ? { sub, name: names[sub] } : undefined),
    } as unknown as AgencyRepository,
    audit: async (caller, c, requestId) => {
      await call('audit', undefined);
      audited.push(`${caller.sub} ${c} ${requestId}`);
    },
    publicUrl: 'https://dichvucong.bacninh.gov.vn',
    now: () => new Date('2026-03-02T05:00:00Z'),
  });
  const run = (caller: Caller, c = code) =>
    trips.run('GET /v1/dossiers/{code}/control-slip', () => print(caller, c, 'req-1'));
  return { run, trips, audited };
}

describe('GET /v1/dossiers/{code}/control-slip', () => {
  it('renders every step as the dossier stands now, its official by name, in two round trips', async () => {
    const { run, trips, audited } = setup();
    const text = pdfText(await run(at('leader', 'leader-hung', '24.07210')))
      .normalize('NFC')
      .replace(/\s+/g, ' ');
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('ỦY BAN NHÂN DÂN PHƯỜNG BẮC GIANG');
    expect(text).toMatch(/Bước 1: Tiếp nhận, kiểm tra hồ sơ .* người xử lý: cán bộ Đỗ Thị Lan; .* đúng hạn\./);
    expect(text).toMatch(
      /Bước 2: Lãnh đạo UBND xã ký Giấy khai sinh .* từ Đỗ Thị Lan; người xử lý: cán bộ Vũ Mạnh Hùng; .* đang xử lý\./,
    );
    expect(text).toContain('Lập lúc 12 giờ 00, ngày 02/03/2026');
    // The dossier, then its agency, its officials and the read audit together.
    const [route] = trips.results();
    expect(route?.trips).toEqual([2]);
    expect(route?.sequence).toEqual(['| dossier', '| agency', 'official', 'official', 'audit']);
    expect(audited).toEqual([`leader-hung ${code} req-1`]);
  });

  it('answers 404 to a citizen who does not own the dossier and to an official of another agency, as for no dossier', async () => {
    const { run, audited } = setup();
    for (const caller of [at('citizen', 'citizen-binh'), at('receiver', 'receiver-mai', '24.TTPVHCC')]) {
      await expect(run(caller)).rejects.toMatchObject({ kind: 'not-found', code: 'not-found' });
    }
    await expect(run(at('citizen', 'citizen-an'), '24.07210-260302-0099')).rejects.toMatchObject({ kind: 'not-found' });
    expect(audited).toEqual([]);
  });

  it('is the applicant’s to read too', async () => {
    const { run } = setup();
    expect(pdfText(await run(at('citizen', 'citizen-an')))).toContain(code);
  });

  it('answers 409 not-received before the receipt: the slip starts with it', async () => {
    const { run } = setup({ ...dossier, steps: [], timeline: [] });
    await expect(run(at('citizen', 'citizen-an'))).rejects.toMatchObject({ kind: 'conflict', code: 'not-received' });
  });
});
