import type { FormNumber } from '../dossier/dossier.ts';
import type { DomainEvent } from '../events.ts';

/**
 * The forms of Thông tư 03/2025/TT-VPCP, phụ lục I that a lifecycle step issues and stores. Not 06, the
 * process control slip: it only renders the timeline (its electronic record), so it is drawn when read
 * (GET /v1/dossiers/{code}/control-slip). Not 07, the register, which no step issues.
 */
const issuedForms: readonly FormNumber[] = ['01', '02', '03', '04', '05'];

const isIssuedForm = (value: unknown): value is FormNumber =>
  typeof value === 'string' && issuedForms.includes(value as FormNumber);

/** The form a lifecycle step calls for: the one its timeline entry names (`data.form`: 01 at intake, 02–05). */
export function formsFor(event: DomainEvent): FormNumber[] {
  if (event.type !== 'DossierChanged') return [];
  const { form } = event.data as DomainEvent<'DossierChanged'>['data'];
  return isIssuedForm(form) ? [form] : [];
}

/** The process control slip's name where it is offered (the documents list, the portal's pages). */
export const controlSlipName = 'Phiếu kiểm soát quá trình giải quyết hồ sơ (mẫu số 06)';

/** The API route that renders a dossier's process control slip as it stands. */
export const controlSlipPath = (code: string): string => `/v1/dossiers/${encodeURIComponent(code)}/control-slip`;
