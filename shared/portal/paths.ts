/** The portal's addresses, under a prefix the JSON API (/v1) never uses. Vietnamese slugs: people read them. */
export const portalPrefix = '/portal';

const segment = encodeURIComponent;

export const paths = {
  home: `${portalPrefix}/trang-chu`,
  procedure: (code: string) => `${portalPrefix}/thu-tuc/${segment(code)}`,
  /** The public look-up by code and PIN; the QR code on every form opens it through {@link lookupUrl}. */
  lookup: `${portalPrefix}/tra-cuu-ho-so`,
  feedback: `${portalPrefix}/phan-anh-kien-nghi`,
  css: `${portalPrefix}/assets/site.css`,

  // Sign-in (OIDC authorization code + PKCE)
  signIn: `${portalPrefix}/dang-nhap`,
  signInCallback: `${portalPrefix}/dang-nhap/xong`,
  signOut: `${portalPrefix}/dang-xuat`,

  // Citizens
  fileDossier: (procedureCode: string) => `${portalPrefix}/nop-ho-so/${segment(procedureCode)}`,
  myDossiers: `${portalPrefix}/ho-so-cua-toi`,
  myDossier: (code: string) => `${portalPrefix}/ho-so-cua-toi/${segment(code)}`,
  myDossierDocuments: (code: string) => `${portalPrefix}/ho-so-cua-toi/${segment(code)}/tai-lieu`,
  myDossierPayment: (code: string) => `${portalPrefix}/ho-so-cua-toi/${segment(code)}/thanh-toan`,
  myDossierRating: (code: string) => `${portalPrefix}/ho-so-cua-toi/${segment(code)}/danh-gia`,
  myDossierWithdrawal: (code: string) => `${portalPrefix}/ho-so-cua-toi/${segment(code)}/rut-ho-so`,
  myDossierSupplement: (code: string) => `${portalPrefix}/ho-so-cua-toi/${segment(code)}/bo-sung`,
  myDossierControlSlip: (code: string) => `${portalPrefix}/ho-so-cua-toi/${segment(code)}/phieu-kiem-soat`,
  newFeedback: `${portalPrefix}/gui-phan-anh`,
  myFeedback: `${portalPrefix}/phan-anh-cua-toi`,
  /** Where the code a contact received is entered (notifications/contacts.ts). */
  confirmContact: `${portalPrefix}/xac-nhan-lien-he`,
  verifySignature: `${portalPrefix}/kiem-tra-chu-ky`,

  // Officials
  workQueue: `${portalPrefix}/can-bo/ho-so`,
  officialDossier: (code: string) => `${portalPrefix}/can-bo/ho-so/${segment(code)}`,
  officialAction: (code: string) => `${portalPrefix}/can-bo/ho-so/${segment(code)}/xu-ly`,
  officialControlSlip: (code: string) => `${portalPrefix}/can-bo/ho-so/${segment(code)}/phieu-kiem-soat`,
  reports: `${portalPrefix}/can-bo/bao-cao`,
  report: (id: string) => `${portalPrefix}/can-bo/bao-cao/${segment(id)}`,
} as const;

/** The query parameter the look-up page prefills its code from: the one {@link lookupUrl} writes. */
export const lookupCodeParam = 'code';

/**
 * THE address of the public look-up, for the QR code and the link on every form, receipt and result as
 * for the portal itself: the look-up page on the deployment's public URL (config PUBLIC_URL, the API's
 * own address unless a custom domain fronts it), with the dossier code filled in when given.
 */
export function lookupUrl(publicUrl: string, code?: string): string {
  // Appended, not resolved: a public URL with a path (an API mapping on a custom domain) keeps it.
  const url = new URL(`${publicUrl.replace(/\/+$/, '')}${paths.lookup}`);
  if (code !== undefined) url.searchParams.set(lookupCodeParam, code);
  return url.toString();
}
