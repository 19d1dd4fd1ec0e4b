/**
 * Packages replaced by a smaller stand-in in every function bundle (each file says why), as esbuild
 * `alias` (infra/stacks/platform-function.ts): paths relative to the repository root, where the
 * bundling runs. The local cloud, the scripts and the tests run from source with the packages
 * themselves.
 */
export const bundleSubstitutes = {
  /** Lambda only: the credentials of the function's role are in its environment. */
  '@aws-sdk/credential-provider-node': './infra/bundling/lambda-credentials.ts',
} as const;
