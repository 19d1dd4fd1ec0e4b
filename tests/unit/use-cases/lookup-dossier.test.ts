import { describe, expect, it, vi } from 'vitest';
import { pinHasherOf } from '../../../shared/domain/lookup-pin.ts';
import { dossierByPin } from '../../../shared/use-cases/check-lookup-pin.ts';
import { LookupBody, lookupDossier } from '../../../shared/use-cases/lookup-dossier.ts';
import { fakeAgencyRepository } from '../../support/fakes/agency-repository.ts';
import { fakeDossierRepository } from '../../support/fakes/dossier-repository.ts';
import { fakeLookupAttempts } from '../../support/fakes/lookup-attempts.ts';
import { submittedPermit, sxd } from '../lifecycle/fixtures.ts';

const code = '24.SXD-260302-0001';
const pin = '042137';
const hasher = pinHasherOf('a'.repeat(43));
/** 10:05 on Tuesday 3 March: the 15-minute window opened at 10:00 and closes at 10:15, 600 seconds on. */
const now = () => new Date('2026-03-03T10:05:00+07:00');

function world() {
  const dossiers = fakeDossierRepository([{ ...submittedPermit(), pinHash: hasher.hash(code, pin) }]);
  const attempts = fakeLookupAttempts();
  const deps = { dossiers, attempts, pins: async () => hasher, now };
  const lookup = lookupDossier({ ...deps, agencies: fakeAgencyRepository({ agencies: [sxd] }) });
  return { deps, dossiers, attempts, lookup };
}

describe('the public look-up by code and PIN', () => {
  it('shows status, agency and appointment only', async () => {
    const { lookup } = world();
    const answer = await lookup(LookupBody.parse({ code, pin }), '203.0.113.7');
    // Filed Monday 2/3/2026 at 09:00, 10 working days (3–6, 9–13 and 16 March): the close of Monday 16/3.
    expect(answer).toEqual({
      code,
      procedureName: 'Cấp giấy phép xây dựng (thử nghiệm)',
      status: 'submitted',
      statusText: expect.any(String),
      agencyName: 'Sở Xây dựng tỉnh Bắc Ninh',
      dueAt: expect.any(String),
      appointment: 'Chiều thứ Hai, ngày 16/03/2026',
    });
    expect(JSON.stringify(answer)).not.toMatch(/Nguyễn|024090001234/);
  });

  it('answers a wrong PIN and an unknown code alike', async () => {
    const { lookup } = world();
    const wrongPin = lookup({ code, pin: '000000' }, 'a');
    const unknown = lookup({ code: '24.SXD-260302-0002', pin }, 'b');
    const expected = {
      kind: 'not-found',
      code: 'not-found',
      message: 'Không tìm thấy hồ sơ với mã và mã tra cứu đã nhập.',
    };
    await expect(wrongPin).rejects.toMatchObject(expected);
    await expect(unknown).rejects.toMatchObject(expected);
  });

  it('locks a code after 5 wrong PINs in its window, even from many addresses and for the right PIN', async () => {
    const { deps } = world();
    for (let i = 0; i < 5; i++)
      await expect(dossierByPin(deps, code, '000000', `198.51.100.${i}`)).rejects.toMatchObject({ code: 'not-found' });
    const pins = vi.spyOn(deps, 'pins');
    await expect(dossierByPin(deps, code, pin, '198.51.100.99')).rejects.toMatchObject({
      kind: 'rate-limited',
      code: 'too-many-attempts',
      message: 'Nhập sai mã tra cứu quá nhiều lần; vui lòng thử lại sau 10 phút.',
      details: { retryAfterSeconds: 600 },
    });
    // Refused before any PIN is compared.
    expect(pins).not.toHaveBeenCalled();
  });

  it('gives a right PIN’s attempt back: only wrong ones use up the window', async () => {
    const { deps } = world();
    for (let i = 0; i < 4; i++) await expect(dossierByPin(deps, code, '000000', 'c')).rejects.toThrow();
    for (let i = 0; i < 10; i++) await expect(dossierByPin(deps, code, pin, 'c')).resolves.toMatchObject({});
    await expect(dossierByPin(deps, code, '000000', 'c')).rejects.toMatchObject({ code: 'not-found' });
    await expect(dossierByPin(deps, code, pin, 'c')).rejects.toMatchObject({ code: 'too-many-attempts' });
  });

  it('limits one address to 20 failed look-ups across codes, and writes no counter for an unknown code', async () => {
    const { deps } = world();
    for (let i = 0; i < 20; i++)
      await expect(
        dossierByPin(deps, `24.SXD-260302-${String(100 + i).padStart(4, '0')}`, pin, 'guesser'),
      ).rejects.toMatchObject({
        code: 'not-found',
      });
    await expect(dossierByPin(deps, code, pin, 'guesser')).rejects.toMatchObject({
      kind: 'rate-limited',
      code: 'too-many-lookups',
      details: { retryAfterSeconds: 600 },
    });
    // The real code was never counted: its owner still looks it up from elsewhere.
    await expect(dossierByPin(deps, code, pin, 'owner')).resolves.toMatchObject({ dossier: { code } });
  });

  it('opens a new window at the quarter hour', async () => {
    const { deps } = world();
    for (let i = 0; i < 5; i++) await expect(dossierByPin(deps, code, '000000', 'd')).rejects.toThrow();
    const later = { ...deps, now: () => new Date('2026-03-03T10:15:00+07:00') };
    await expect(dossierByPin(later, code, pin, 'd')).resolves.toMatchObject({ dossier: { code } });
  });
});
