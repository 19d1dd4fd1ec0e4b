/**
 * Public list prices, ap-southeast-1 (Singapore), US$, on-demand, no free tier — the price side of
 * tests/bench/cost.ts. Not a benchmark (the runner skips it).
 *
 * Written 2026-12-01 from the AWS pricing pages below, without network access to re-check them:
 * the lead re-checks every figure against the pages before publishing a cost.
 * - Lambda (Arm, first 7.5 billion GB-s tier): https://aws.amazon.com/lambda/pricing/
 * - API Gateway HTTP APIs (first 300 million): https://aws.amazon.com/api-gateway/pricing/
 *   (us-east-1 is $1.00; the Singapore figure here is the higher regional rate, to be confirmed)
 * - DynamoDB on-demand, after the November 2024 price cut: https://aws.amazon.com/dynamodb/pricing/on-demand/
 * - SQS standard queues (after the first million): https://aws.amazon.com/sqs/pricing/
 * - S3 Standard requests: https://aws.amazon.com/s3/pricing/
 * - KMS, RSA_2048 asymmetric Sign (the leaders' keys, shared/adapters/signing/kms-signer.ts): https://aws.amazon.com/kms/pricing/
 * - Secrets Manager API calls: https://aws.amazon.com/secrets-manager/pricing/
 */
export const prices = {
  date: '2026-12-01',
  region: 'ap-southeast-1',
  lambdaArmPerGbSecond: 0.0000133334,
  lambdaPerRequest: 0.2 / 1e6,
  httpApiPerRequest: 1.25 / 1e6,
  dynamoPerWriteUnit: 0.7125 / 1e6,
  dynamoPerReadUnit: 0.1425 / 1e6,
  sqsPerRequest: 0.4 / 1e6,
  s3PerPut: 0.005 / 1000,
  s3PerGet: 0.0004 / 1000,
  kmsPerRsa2048Sign: 0.03 / 10_000,
  secretsManagerPerCall: 0.05 / 10_000,
} as const;
