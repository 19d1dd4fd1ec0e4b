/**
 * Alarms, where they go, and (opt-in) the dashboard. It comes last: it reads the API, the table, every
 * function and every queue, and nothing reads it back, so alarms can be tuned without touching the stacks
 * that hold data. What is alarmed and why: infra/stacks/alarms.ts; what it costs: infra/alarm-cost.ts.
 */
import { Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { PlatformAlarms } from './alarms.ts';
import { PlatformDashboard, type PlatformDashboardProps } from './dashboard.ts';

/** What the dashboard reads (its name aside: `egov-one-stop-<deployment>`), and where the alarms go. */
export interface ObservabilityStackProps extends StackProps, Omit<PlatformDashboardProps, 'dashboardName'> {
  alarmEmail: string | undefined;
  /** `egov:dashboard`: the dashboard (and the metrics only it reads) are made. */
  dashboard: boolean;
}

export class ObservabilityStack extends Stack {
  readonly topic: Topic;
  readonly alarms: PlatformAlarms;
  readonly dashboard: PlatformDashboard | undefined;

  constructor(scope: Construct, id: string, props: ObservabilityStackProps) {
    super(scope, id, props);

    // Not encrypted at rest: CloudWatch cannot publish to a topic under the AWS-managed SNS key, and a key
    // of its own would cost US$1 a month (a tenth of the idle deployment's bar, docs/design.md §10) to
    // protect messages that hold alarm names, thresholds and metric values, never a person's data.
    this.topic = new Topic(this, 'AlarmTopic', {
      displayName: 'egov-one-stop alarms',
      enforceSSL: true,
    });
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'The alarm topic carries only CloudWatch alarm notifications (alarm names, thresholds, metric values; no personal data), SSL only; CloudWatch cannot publish under the AWS-managed SNS key and a customer-managed key for it alone costs US$1 a month.',
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
      functions: props.functions,
      queues: props.queues,
      deadLetterQueues: props.deadLetterQueues,
      action: new SnsAction(this.topic),
    });

    this.dashboard = props.dashboard
      ? new PlatformDashboard(this, 'Dashboard', {
          dashboardName: `egov-one-stop-${props.deployment}`,
          deployment: props.deployment,
          httpApi: props.httpApi,
          accessLogs: props.accessLogs,
          table: props.table,
          functions: props.functions,
          queues: props.queues,
          deadLetterQueues: props.deadLetterQueues,
        })
      : undefined;
  }
}
