/**
 * AWS Backup of the stateful data: the table and the documents bucket, daily and monthly, into a vault
 * encrypted with the platform key. Point-in-time recovery (35 days, the table only) undoes a bad write;
 * these recovery points outlive it and cover the documents too (a deleted current version of a record).
 * Lives in the data stack with what it protects: retained on stack deletion like them.
 */
import { Duration, RemovalPolicy, Stack, TimeZone, Validations } from 'aws-cdk-lib';
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault } from 'aws-cdk-lib/aws-backup';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { ManagedPolicy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { BackupRetention } from './settings.ts';

/** AWS Backup's own policies for its service role: DynamoDB's and S3's backup and restore APIs. */
export const backupManagedPolicies = [
  'service-role/AWSBackupServiceRolePolicyForBackup',
  'service-role/AWSBackupServiceRolePolicyForRestores',
  'AWSBackupServiceRolePolicyForS3Backup',
  'AWSBackupServiceRolePolicyForS3Restore',
] as const;

export interface PlatformBackupProps {
  key: IKey;
  table: ITableV2;
  documents: IBucket;
  retention: BackupRetention;
}

export class PlatformBackup extends Construct {
  readonly vault: BackupVault;
  readonly plan: BackupPlan;

  constructor(scope: Construct, id: string, props: PlatformBackupProps) {
    super(scope, id);
    const { retention } = props;

    this.vault = new BackupVault(this, 'Vault', {
      encryptionKey: props.key,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Việt Nam's night, when nobody files.
    // Named after the stack: provinces and stages share an account.
    this.plan = new BackupPlan(this, 'Plan', {
      backupPlanName: `${Stack.of(this).stackName}-backup`,
      backupVault: this.vault,
    });
    this.plan.addRule(
      new BackupPlanRule({
        ruleName: 'daily',
        scheduleExpression: Schedule.cron({ hour: '2', minute: '0' }),
        scheduleExpressionTimezone: TimeZone.ASIA_HO_CHI_MINH,
        deleteAfter: Duration.days(retention.dailyDays),
      }),
    );
    this.plan.addRule(
      new BackupPlanRule({
        ruleName: 'monthly',
        scheduleExpression: Schedule.cron({ day: '1', hour: '3', minute: '0' }),
        scheduleExpressionTimezone: TimeZone.ASIA_HO_CHI_MINH,
        deleteAfter: Duration.days(retention.monthlyDays),
      }),
    );

    // An own role: CDK's default one has no S3 policies, and the documents are SSE-KMS with the platform key.
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('backup.amazonaws.com'),
      description: 'egov-one-stop: AWS Backup of the table and the documents bucket',
      managedPolicies: backupManagedPolicies.map((name) => ManagedPolicy.fromAwsManagedPolicyName(name)),
    });
    role.addToPolicy(
      new PolicyStatement({
        actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:DescribeKey'],
        resources: [props.key.keyArn],
      }),
    );
    role.addToPolicy(
      new PolicyStatement({
        actions: ['kms:CreateGrant'],
        resources: [props.key.keyArn],
        conditions: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
      }),
    );
    for (const name of backupManagedPolicies) {
      Validations.of(role).acknowledge({
        id: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/${name}]`,
        reason: `AWS Backup's service role: ${name} is AWS's own policy for it, kept current with the DynamoDB and S3 APIs it backs up and restores with.`,
      });
    }

    this.plan.addSelection('TableAndDocuments', {
      resources: [BackupResource.fromArn(props.table.tableArn), BackupResource.fromArn(props.documents.bucketArn)],
      role,
      disableDefaultBackupPolicy: true,
    });
  }
}
