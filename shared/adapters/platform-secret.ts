import { getSecret } from '@aws-lambda-powertools/parameters/secrets';

/** As the partners' secrets: cached per process, so a rotated secret reaches every instance within this. */
const cacheSeconds = 300;

/**
 * One of the platform's own secrets: from AWS Secrets Manager in the cloud (its ARN in the environment,
 * Powertools caches the value), from the local cloud's configuration otherwise. At least 32 characters;
 * a missing or short secret is a deployment error, found on first use.
 */
export async function platformSecret(source: {
  /** What it is, for the error: "record seal secret". */
  name: string;
  arn: string | undefined;
  local: string | undefined;
  /** The environment variable that should hold the ARN. */
  arnVariable: string;
}): Promise<string> {
  if (source.arn) {
    const secret = await getSecret<string>(source.arn, { maxAge: cacheSeconds });
    if (typeof secret === 'string' && secret.length >= 32) return secret;
    throw new Error(`The ${source.name} is empty or shorter than 32 characters`);
  }
  if (source.local) return source.local;
  throw new Error(`No ${source.name} configured (${source.arnVariable})`);
}
