import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { config } from '../../config.ts';

/** As the partners' secrets: cached per process, so a rotated secret reaches every instance within this. */
const cacheSeconds = 300;

/**
 * The platform's OAuth client secret at the remote signing service (the CA issues it): from AWS Secrets
 * Manager in the cloud (CSC_CLIENT_SECRET_ARN), from the local cloud's configuration otherwise. Only
 * ever sent in the token request's body; never logged.
 */
export async function cscClientSecret(): Promise<string> {
  const arn = config.CSC_CLIENT_SECRET_ARN;
  if (arn) {
    const secret = await getSecret<string>(arn, { maxAge: cacheSeconds });
    if (typeof secret === 'string' && secret.length > 0) return secret;
    throw new Error('The CSC client secret is empty');
  }
  if (config.CSC_CLIENT_SECRET) return config.CSC_CLIENT_SECRET;
  throw new Error('No CSC client secret configured (CSC_CLIENT_SECRET_ARN)');
}
