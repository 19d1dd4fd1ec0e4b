import type { Dossier } from '../../../shared/domain/dossier/dossier.ts';
import { fileDossier } from '../../../shared/domain/dossier/file.ts';
import type { PostalChoice } from '../../../shared/domain/postal/choice.ts';
import { calendar, monday, people, permit, sxd } from '../lifecycle/fixtures.ts';

export const code = '24.SXD-260302-0001';

/** A permit filed online by the applicant, with the postal choices given. */
export function filedWith(postal: PostalChoice | undefined, returnMethod: Dossier['returnMethod'] = 'post'): Dossier {
  return fileDossier({
    caller: people.applicant,
    channel: 'online',
    procedure: permit,
    agency: sxd,
    application: {
      applicant: {
        fullName: 'Nguyễn Văn An',
        idNumber: '024090001234',
        phone: '0912345678',
        address: 'Số 1 Lê Lợi, Bắc Giang',
      },
      returnMethod,
      formData: {},
      communeCode: '07210',
      ...(postal ? { postal } : {}),
    },
    applicantId: 'citizen-an',
    code,
    pinHash: 'h',
    now: monday,
    calendar,
  }).dossier;
}

/** The same dossier, decided; `paid` settles the permit's fee due at result. */
export function decidedWith(dossier: Dossier, paid = true): Dossier {
  return {
    ...dossier,
    version: 9,
    status: 'decided',
    fee: dossier.fee ? { ...dossier.fee, paid } : null,
    decision: { outcome: 'approved', decidedAt: '2026-03-10T10:00:00+07:00', by: 'leader-son' },
    workQueue: { agencyId: '24.SXD', stepIndex: 2, stepName: 'Trả kết quả', since: '2026-03-10T10:00:00+07:00' },
  };
}
