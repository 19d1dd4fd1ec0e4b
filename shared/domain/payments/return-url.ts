/**
 * Where the payment platform may send the applicant back: a page of this deployment's portal, on its
 * own origin, never a `javascript:` or `data:` URL or another host (the platform redirects the browser
 * there, so an open return URL is an open redirect with the platform's name on it). HTTPS only, except
 * plain HTTP on a loopback address (the local cloud). Pure.
 */
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isPortalReturnUrl(candidate: string, publicUrl: string): boolean {
  let url: URL;
  let own: URL;
  try {
    url = new URL(candidate);
    own = new URL(publicUrl);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname));
  if (!secure || url.origin !== own.origin) return false;
  const portalPrefix = `${own.pathname.replace(/\/$/, '')}/portal/`;
  return url.pathname.startsWith(portalPrefix);
}
