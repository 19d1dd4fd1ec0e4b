/**
 * The portal's sign-in in the cloud: the identity provider (the JWT authorizer's issuer) and the portal's
 * client id reach exactly the functions that sign people in, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { functionNames, specOf } from '../../infra/manifest.ts';
import { computeResources, environmentOf, synthesizeApp } from './synth.ts';

const resourcesOf = (context: Record<string, unknown>) => computeResources(synthesizeApp(context));

describe('portal sign-in in the cloud', () => {
  const issuer = 'https://sso.bacninh.gov.vn/realms/egov';

  it('gives the issuer and the audience as client id to the functions that sign people in, and only them', () => {
    const api = resourcesOf({ 'egov:jwtIssuer': issuer, 'egov:jwtAudience': 'egov-api' });
    const signing = functionNames.filter((name) => specOf(name).access.signIn);
    expect(signing).toEqual(['portal']);
    for (const name of functionNames) {
      const env = environmentOf(api, name);
      if (signing.includes(name)) {
        expect([env.OIDC_ISSUER, env.OIDC_CLIENT_ID], name).toEqual([issuer, 'egov-api']);
      } else {
        expect([env.OIDC_ISSUER, env.OIDC_CLIENT_ID], name).toEqual([undefined, undefined]);
      }
    }
  });

  it('takes the portal’s own client id when one is given', () => {
    const api = resourcesOf({ 'egov:jwtIssuer': issuer, 'egov:oidcClientId': 'egov-portal' });
    expect(environmentOf(api, 'portal').OIDC_CLIENT_ID).toBe('egov-portal');
  });
});
