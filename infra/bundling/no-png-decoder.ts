/**
 * Stands in for `@pdf-lib/upng` in every function bundle (infra/bundling/substitutes.ts): pdf-lib imports this PNG decoder for
 * `embedPng`, 24 KB the platform never runs (its PDFs draw text, lines and the QR code as vectors).
 * A path that embedded a PNG fails here, in tests/infra/pdf-bundle.test.ts.
 */
const unavailable = (): never => {
  throw new Error('PNG images are not bundled (infra/bundling/no-png-decoder.ts): draw vectors instead');
};

export default { decode: unavailable, toRGBA8: unavailable };
