import type { FormNumber } from '../dossier/dossier.ts';
import type { DomainEvent } from '../events.ts';

/** The forms of Thông tư 03/2025/TT-VPCP, phụ lục I that a lifecycle step issues (07 is the register, never issued by a step). */
const issuedForms: readonly FormNumber[] = ['01', '02', '03', '04', '05', '06'];

const isIssuedForm = (value: unknown): value is FormNumber =>
  typeof value === 'string' && issuedForms.includes(value as FormNumber);

/**
 * The steps that hand the dossier from one desk to the next: each re-issues the process control slip
 * (Thông tư 03/2025/TT-VPCP, phụ lục I, mẫu số 06), first at the receipt, then at every hand-over,
 * to a joint leg's agency and back included, up to the decision and the return of the result.
 */
export const controlSlipActions: readonly string[] = ['receive', 'forward', 'transfer', 'decide', 'return-result'];

/**
 * The forms a lifecycle step calls for: the one its timeline entry names (`data.form`: 01 at intake,
 * 02, 03, 04, 05), and the process control slip (06) at every step of {@link controlSlipActions}.
 */
export function formsFor(event: DomainEvent): FormNumber[] {
  if (event.type !== 'DossierChanged') return [];
  const data = event.data as DomainEvent<'DossierChanged'>['data'];
  const named = isIssuedForm(data.form) ? [data.form] : [];
  return controlSlipActions.includes(data.action) && !named.includes('06') ? [...named, '06'] : named;
}
