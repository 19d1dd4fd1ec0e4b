import { dossierCodePattern } from '../domain/dossier/code.ts';
import { controlSlipPath } from '../domain/documents/forms-issued.ts';
import { notFoundPage } from './pages/errors.ts';
import { fileResponse, htmlResponse, type PortalResponse } from './response.ts';
import type { SignedInContext } from './route.ts';

/**
 * The dossier's process control slip (mẫu số 06) for a signed-in person: the API renders it with their own
 * token, so whoever may not read the dossier gets the API's 404 as the page's. A plain link cannot carry the
 * token, hence this page between the link and the API.
 */
export async function controlSlipDownload({ params, page, api }: SignedInContext): Promise<PortalResponse> {
  const code = params.code ?? '';
  if (!dossierCodePattern.test(code)) return htmlResponse(404, page, notFoundPage());
  const slip = await api.getFile(controlSlipPath(code), 'application/pdf');
  return fileResponse(slip.bytes, 'application/pdf', `mau-06-phieu-kiem-soat-${code}.pdf`);
}
