import type { Html } from './html.ts';
import { layout, type Page, type PageContext } from './layout.ts';

export interface PortalResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Set-Cookie values (API Gateway's payload 2.0 `cookies`). */
  cookies?: string[];
  /** The body is a file's bytes in base64 (API Gateway decodes it for the browser). */
  isBase64Encoded?: boolean;
}

/**
 * No script may run (default-src 'none'), styles only from our own stylesheet, forms only post back
 * here, and no site may frame a page (clickjacking). The lookup puts a dossier code in the URL, so
 * no referrer leaves the page.
 */
export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

export function htmlResponse(
  status: number,
  context: PageContext,
  page: Page,
  headers: Record<string, string> = {},
  cookies: string[] = [],
): PortalResponse {
  const document: Html = layout(context, page);
  return {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      // Pages may show a dossier's status: never stored by a shared cache.
      'cache-control': 'no-store',
      ...securityHeaders,
      ...headers,
    },
    body: document.value,
    ...(cookies.length ? { cookies } : {}),
  };
}

/** 303 See Other: after a form, the browser GETs the next page, so reloading it posts nothing twice. */
export function redirect(location: string, cookies: string[] = []): PortalResponse {
  return {
    status: 303,
    headers: { location, 'cache-control': 'no-store', ...securityHeaders },
    body: '',
    ...(cookies.length ? { cookies } : {}),
  };
}

/**
 * A file the API rendered for the signed-in person (a form as PDF), handed on as a download: saved, not
 * displayed in the portal's origin, so the pages' policy holds for it too. Never stored by a cache.
 */
export function fileResponse(bytes: Uint8Array, contentType: string, fileName: string): PortalResponse {
  return {
    status: 200,
    headers: {
      'content-type': contentType,
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
      ...securityHeaders,
    },
    body: Buffer.from(bytes).toString('base64'),
    isBase64Encoded: true,
  };
}
