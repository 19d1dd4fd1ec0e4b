/**
 * Stands in for `@aws-sdk/credential-provider-node` in every function bundle (the `alias` of
 * infra/stacks/platform-function.ts). Lambda puts the credentials of the function's role in the
 * environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), which is the first link
 * of the SDK's default chain and the only one a function ever reaches; the other links (SSO, profile
 * files, credential processes, web identity, container and instance metadata) and the STS, SSO and
 * sign-in clients they carry were ~90 KB of every bundle. The local cloud and the scripts run from
 * source and keep the whole chain.
 */
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

export const defaultProvider =
  (_init: unknown = {}): AwsCredentialIdentityProvider =>
  async (): Promise<AwsCredentialIdentity> => {
    const {
      AWS_ACCESS_KEY_ID: accessKeyId,
      AWS_SECRET_ACCESS_KEY: secretAccessKey,
      AWS_SESSION_TOKEN: sessionToken,
      AWS_CREDENTIAL_EXPIRATION: expiration,
      AWS_ACCOUNT_ID: accountId,
    } = process.env;
    if (!accessKeyId || !secretAccessKey) {
      throw Object.assign(new Error('No credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)'), {
        name: 'CredentialsProviderError',
      });
    }
    return {
      accessKeyId,
      secretAccessKey,
      ...(sessionToken ? { sessionToken } : {}),
      ...(expiration ? { expiration: new Date(expiration) } : {}),
      ...(accountId ? { accountId } : {}),
    };
  };

/** As the SDK's: credentials with an expiry are refreshed, five minutes before it. */
export const credentialsWillNeedRefresh = (credentials?: AwsCredentialIdentity): boolean =>
  credentials?.expiration !== undefined;
export const credentialsTreatedAsExpired = (credentials?: AwsCredentialIdentity): boolean =>
  credentials?.expiration !== undefined && credentials.expiration.getTime() - Date.now() < 300_000;
