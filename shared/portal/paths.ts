/** The portal's addresses, under a prefix the JSON API (/v1) never uses. Vietnamese slugs: people read them. */
export const portalPrefix = '/portal';

export const paths = {
  home: `${portalPrefix}/trang-chu`,
  procedure: (code: string) => `${portalPrefix}/thu-tuc/${encodeURIComponent(code)}`,
  /** The same last segment as PUBLIC_LOOKUP_URL, which the QR code on every form opens with `?code=`. */
  lookup: `${portalPrefix}/tra-cuu-ho-so`,
  feedback: `${portalPrefix}/phan-anh-kien-nghi`,
  css: `${portalPrefix}/assets/site.css`,
} as const;
