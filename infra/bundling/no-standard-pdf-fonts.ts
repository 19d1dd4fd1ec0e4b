/**
 * Stands in for `@pdf-lib/standard-fonts` in every function bundle (infra/bundling/substitutes.ts). pdf-lib imports the metrics of the 14
 * standard PDF fonts (Helvetica, Times…) eagerly, 127 KB that it also inflates at import; they cannot
 * write Vietnamese, and the platform embeds its own font (shared/documents/fonts) in every PDF it
 * makes. A path that asked pdf-lib for a standard font (`embedStandardFont`, the default appearance
 * of AcroForm fields) fails here (tests/infra/pdf-bundle.test.ts) rather than renders unreadable text.
 */

export enum FontNames {
  Courier = 'Courier',
  CourierBold = 'Courier-Bold',
  CourierOblique = 'Courier-Oblique',
  CourierBoldOblique = 'Courier-BoldOblique',
  Helvetica = 'Helvetica',
  HelveticaBold = 'Helvetica-Bold',
  HelveticaOblique = 'Helvetica-Oblique',
  HelveticaBoldOblique = 'Helvetica-BoldOblique',
  TimesRoman = 'Times-Roman',
  TimesRomanBold = 'Times-Bold',
  TimesRomanItalic = 'Times-Italic',
  TimesRomanBoldItalic = 'Times-BoldItalic',
  Symbol = 'Symbol',
  ZapfDingbats = 'ZapfDingbats',
}

const unavailable = (what: string): never => {
  throw new Error(
    `${what}: the standard PDF fonts are not bundled (infra/bundling/no-standard-pdf-fonts.ts); embed the platform's font`,
  );
};

export const Font = { load: (name: string): never => unavailable(`Font ${name}`) };

export const Encodings = {
  get Symbol(): never {
    return unavailable('Encoding Symbol');
  },
  get ZapfDingbats(): never {
    return unavailable('Encoding ZapfDingbats');
  },
  get WinAnsi(): never {
    return unavailable('Encoding WinAnsi');
  },
};
