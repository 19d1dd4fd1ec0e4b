/**
 * On every JSON answer of the API. HSTS: browsers reach this host over HTTPS only for a year, its
 * subdomains too (API Gateway serves HTTPS only; this stops a first plain-HTTP hop to a custom domain).
 * nosniff: a JSON answer is never taken for a script or a page, whatever its content looks like.
 */
export const jsonSecurityHeaders = {
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
} as const;
