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
 * - Secrets Manager API calls and secrets: https://aws.amazon.com/secrets-manager/pricing/
 * - CloudWatch Logs ingestion (standard class; US$0.50 in us-east-1, higher in Singapore), dashboards (US$3 each
 *   beyond an account's first three of up to 50 metrics), custom metrics (US$0.30 each, first 10,000, billed by
 *   the hours in which data arrives: counted here as every hour): https://aws.amazon.com/cloudwatch/pricing/
 * - KMS customer managed keys: https://aws.amazon.com/kms/pricing/
 * - AWS WAF web ACL and rules: https://aws.amazon.com/waf/pricing/
 * - EventBridge Scheduler (after the free 14 million a month): https://aws.amazon.com/eventbridge/pricing/
 * - DynamoDB standard table storage and continuous backups (PITR): https://aws.amazon.com/dynamodb/pricing/on-demand/
 * - S3 Standard storage (first 50 TB): https://aws.amazon.com/s3/pricing/
 * - SES outbound e-mail: https://aws.amazon.com/ses/pricing/
 * - SMS brandname: no AWS price; ASSUMED 800 ₫ per message at 25,400 ₫ to the US$ (a Vietnamese carrier's
 *   list price for a customer-care brandname message, to be replaced by the province's contract).
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
  logsIngestionPerGb: 0.7,
  dashboardPerMonth: 3,
  customMetricPerMonth: 0.3,
  secretPerMonth: 0.4,
  kmsKeyPerMonth: 1,
  wafAclPerMonth: 5,
  wafRulePerMonth: 1,
  schedulerPerInvocation: 1 / 1e6,
  dynamoStoragePerGbMonth: 0.285,
  dynamoPitrPerGbMonth: 0.228,
  s3StandardPerGbMonth: 0.025,
  sesPerEmail: 0.1 / 1000,
  smsAssumed: 800 / 25_400,
} as const;
