import { type RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';

export interface UnrotatedSecretProps {
  secretName?: string;
  description: string;
  /** Generated letters and digits, no punctuation: every reader takes the value as it is (a header, a key). */
  length: number;
  removalPolicy: RemovalPolicy;
  /**
   * cdk-nag's AwsSolutions-SMG4 asks every secret for a rotation Lambda; none of the platform's generated
   * secrets can have one (a partner, CloudFront or every stored hash holds the value), so each says why here.
   */
  whyNoRotationLambda: string;
}

/** A secret Secrets Manager generates once and only people rotate, with the reason beside it. */
export function unrotatedSecret(scope: Construct, id: string, props: UnrotatedSecretProps): Secret {
  const secret = new Secret(scope, id, {
    ...(props.secretName ? { secretName: props.secretName } : {}),
    description: props.description,
    generateSecretString: { passwordLength: props.length, excludePunctuation: true },
    removalPolicy: props.removalPolicy,
  });
  Validations.of(secret).acknowledge({ id: 'AwsSolutions-SMG4', reason: props.whyNoRotationLambda });
  return secret;
}
