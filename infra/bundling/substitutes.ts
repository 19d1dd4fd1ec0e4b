/**
 * Packages replaced by a smaller stand-in (each file says why), as esbuild `alias` in every function
 * bundle (infra/stacks/platform-function.ts): paths relative to the repository root, where the
 * bundling runs. The PDF ones also replace the packages in the tests (vitest.config.ts), so the PDFs
 * the tests render are made as the deployed functions make them.
 */
export const pdfSubstitutes = {
  '@pdf-lib/standard-fonts': './infra/bundling/no-standard-pdf-fonts.ts',
  '@pdf-lib/upng': './infra/bundling/no-png-decoder.ts',
  pako: './infra/bundling/pako-node-zlib.ts',
} as const;

/** Lambda only: the local cloud, the scripts and the tests keep the SDK's whole credential chain. */
export const lambdaSubstitutes = {
  '@aws-sdk/credential-provider-node': './infra/bundling/lambda-credentials.ts',
} as const;

export const bundleSubstitutes = { ...lambdaSubstitutes, ...pdfSubstitutes } as const;

/** The packages whose imports the PDF substitutes replace (vitest must transform them to apply the alias). */
export const pdfSubstitutesImportedBy = ['pdf-lib'] as const;
