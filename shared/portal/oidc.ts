import * as oidc from 'openid-client';
import type { SignInFlow } from './session.ts';

/**
 * The province's identity provider (OIDC, authorization code with PKCE, a public client: no secret to
 * keep). In the cloud OIDC_ISSUER is the JWT authorizer's issuer; the local cloud sets its own provider
 * once its port is known, so both are read when a sign-in starts, not at import.
 */
export interface OidcSettings {
  issuer: string;
  clientId: string;
}

export function oidcSettingsFrom(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  const issuer = env.OIDC_ISSUER;
  const clientId = env.OIDC_CLIENT_ID;
  return issuer && clientId ? { issuer, clientId } : undefined;
}

export interface SignInStart {
  /** The provider's authorization page, with state, nonce and the code challenge. */
  url: string;
  flow: SignInFlow;
}

export interface SignedIn {
  accessToken: string;
  expiresInSeconds: number;
}

export interface OidcClient {
  start(redirectUri: string, returnTo: string): Promise<SignInStart>;
  /** Rejects when the state, the nonce or the code does not check out. */
  finish(callbackUrl: URL, flow: SignInFlow): Promise<SignedIn>;
  signOutUrl(postSignOutUri: string): Promise<string | undefined>;
}

const loopback = new Set(['localhost', '127.0.0.1', '[::1]']);

export function oidcClient(settings: OidcSettings): OidcClient {
  let discovered: Promise<oidc.Configuration> | undefined;
  const configuration = () => {
    // Discovery once per container; a failed one is tried again on the next sign-in.
    discovered ??= discover(settings).catch((error: unknown) => {
      discovered = undefined;
      throw error;
    });
    return discovered;
  };
  return {
    async start(redirectUri, returnTo) {
      const config = await configuration();
      const flow: SignInFlow = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        verifier: oidc.randomPKCECodeVerifier(),
        returnTo,
      };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid',
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, flow };
    },
    async finish(callbackUrl, flow) {
      const config = await configuration();
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
      });
      return { accessToken: tokens.access_token, expiresInSeconds: tokens.expiresIn() ?? 3600 };
    },
    async signOutUrl(postSignOutUri) {
      const config = await configuration();
      if (!config.serverMetadata().end_session_endpoint) return undefined;
      return oidc.buildEndSessionUrl(config, { post_logout_redirect_uri: postSignOutUri }).href;
    },
  };
}

async function discover(settings: OidcSettings): Promise<oidc.Configuration> {
  const issuer = new URL(settings.issuer);
  // Plain HTTP only for the local cloud's provider on this machine; the cloud's issuer is https (settings.ts).
  const insecure = issuer.protocol === 'http:' && loopback.has(issuer.hostname);
  return oidc.discovery(issuer, settings.clientId, undefined, oidc.None(), {
    ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
    timeout: 5,
  });
}
