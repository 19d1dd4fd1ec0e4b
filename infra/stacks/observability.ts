/**
 * Alarms, where they go, and the dashboard. It comes last: it reads the API, the table, every function
 * and every queue, and nothing reads it back, so alarms can be tuned without touching the stacks that
 * hold data. What is alarmed and why: infra/stacks/alarms.ts; what it costs: infra/alarm-cost.ts.
 */
import { Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { type IQueue, Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { FunctionName } from '../manifest.ts';
import { PlatformAlarms } from './alarms.ts';
import { PlatformDashboard } from './dashboard.ts';
import type { PlatformFunction } from './platform-function.ts';

export interface ObservabilityStackProps extends StackProps {
  /** `<province>-<stage>`: the dashboard's name and the dimension of the platform's own metrics. */
  deployment: string;
  httpApi: IHttpApi;
  /** The API stage's access logs. */
  accessLogs: ILogGroup;
  table: ITableV2;
  functions: ReadonlyMap<FunctionName, PlatformFunction>;
  /** The queue each consumer function reads, by function name. */
  queues: ReadonlyMap<FunctionName, IQueue>;
  /** Every dead-letter queue of the platform, by a readable name. */
  deadLetterQueues: ReadonlyMap<string, IQueue>;
  alarmEmail: string | undefined;
}

export class ObservabilityStack extends Stack {
  readonly topic: Topic;
  readonly alarms: PlatformAlarms;
  readonly dashboard: PlatformDashboard;

  constructor(scope: Construct, id: string, props: ObservabilityStackProps) {
    super(scope, id, props);

    // CloudWatch cannot publish to a topic encrypted with the AWS-managed SNS key: a key of its own,
    // usable by CloudWatch, and by nothing else.
    const key = new Key(this, 'AlarmTopicKey', {
      description: 'egov-one-stop: encrypts the alarm topic',
      enableKeyRotation: true,
    });
    key.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey');
    this.topic = new Topic(this, 'AlarmTopic', {
      displayName: 'egov-one-stop alarms',
      masterKey: key,
      enforceSSL: true,
    });

    if (props.alarmEmail) {
      const undelivered = new Queue(this, 'AlarmEmailDeadLetterQueue', {
        enforceSSL: true,
        encryption: QueueEncryption.SQS_MANAGED,
        retentionPeriod: Duration.days(14),
      });
      // Both rules recognise a dead-letter queue only behind a queue or a function, not behind an SNS subscription.
      Validations.of(undelivered).acknowledge(
        {
          id: 'AwsSolutions-SQS3',
          reason: 'This queue is the dead-letter queue (redrive policy) of the alarm e-mail subscription.',
        },
        {
          id: 'Serverless-SQSRedrivePolicy',
          reason: 'This queue is itself the dead-letter queue of the alarm e-mail subscription: nothing consumes it.',
        },
      );
      this.topic.addSubscription(new EmailSubscription(props.alarmEmail, { deadLetterQueue: undelivered }));
    }

    this.alarms = new PlatformAlarms(this, 'Alarms', {
      httpApi: props.httpApi,
      accessLogs: props.accessLogs,
      deployment: props.deployment,
      table: props.table,
      functions: props.functions,
      queues: props.queues,
      deadLetterQueues: props.deadLetterQueues,
      action: new SnsAction(this.topic),
    });

    this.dashboard = new PlatformDashboard(this, 'Dashboard', {
      dashboardName: `egov-one-stop-${props.deployment}`,
      deployment: props.deployment,
      httpApi: props.httpApi,
      tooManyRequests: this.alarms.tooManyRequests,
      table: props.table,
      functions: props.functions,
      queues: props.queues,
      deadLetterQueues: props.deadLetterQueues,
    });
  }
}
