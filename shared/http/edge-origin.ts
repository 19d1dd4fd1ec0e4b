/** The header CloudFront adds to every request it forwards to the API (infra/stacks/edge.ts). */
export const originVerifyHeader = 'x-egov-origin-verify';
