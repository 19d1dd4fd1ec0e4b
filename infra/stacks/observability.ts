/**
 * Alarms and where they go. It comes last: it reads the API, every function and every dead-letter
 * queue, and nothing reads it back, so alarms can be tuned without touching the stacks that hold data.
 */
import { Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  type Alarm,
  ComparisonOperator,
  MathExpression,
  type Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { type IQueue, Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { type FunctionName, specOf, visibilityTimeoutSeconds } from '../manifest.ts';
import type { PlatformFunction } from './platform-function.ts';

/** How long a message may wait for `name` while its receives last: visibility timeout × maxReceiveCount. */
export const backlogAgeSeconds = (name: FunctionName, maxReceiveCount: number): number =>
  visibilityTimeoutSeconds(name) * maxReceiveCount;

/** Share of API requests answered 5xx, in percent, above which someone is told. */
export const api5xxRatePercent = 1;

export interface ObservabilityStackProps extends StackProps {
  httpApi: IHttpApi;
  functions: ReadonlyMap<FunctionName, PlatformFunction>;
  /** The queue each consumer function reads, by function name. */
  queues: ReadonlyMap<FunctionName, IQueue>;
  /** Every dead-letter queue of the platform, by a readable name. */
  deadLetterQueues: ReadonlyMap<string, IQueue>;
  alarmEmail: string | undefined;
}

export class ObservabilityStack extends Stack {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

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

    const action = new SnsAction(this.topic);
    const watch = (alarm: Alarm) => {
      alarm.addAlarmAction(action);
      alarm.addOkAction(action);
      this.alarms.push(alarm);
    };
    const fiveMinutes = Duration.minutes(5);

    // The API: 5xx answers as a share of requests (a 5xx is a bug: bad input is a 4xx).
    const requests = props.httpApi.metricCount({ period: fiveMinutes, statistic: 'Sum' });
    const serverErrors = props.httpApi.metricServerError({ period: fiveMinutes, statistic: 'Sum' });
    watch(
      new MathExpression({
        expression: 'IF(requests > 0, 100 * errors / requests, 0)',
        usingMetrics: { requests, errors: serverErrors },
        period: fiveMinutes,
        label: 'API 5xx %',
      }).createAlarm(this, 'Api5xxRate', {
        alarmDescription: `More than ${api5xxRatePercent}% of API requests answered 5xx in 5 minutes`,
        threshold: api5xxRatePercent,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    );

    // Every function: any error (crash, timeout, unhandled rejection) or throttle.
    for (const [name, fn] of props.functions) {
      const perFunction: Array<[string, Metric, string]> = [
        ['Errors', fn.function.metricErrors({ period: fiveMinutes, statistic: 'Sum' }), 'failed'],
        ['Throttles', fn.function.metricThrottles({ period: fiveMinutes, statistic: 'Sum' }), 'was throttled'],
      ];
      for (const [kind, metric, what] of perFunction) {
        watch(
          metric.createAlarm(this, `${name}-${kind}`, {
            alarmDescription: `Lambda ${name} ${what} in the last 5 minutes`,
            threshold: 0,
            comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
            evaluationPeriods: 1,
            treatMissingData: TreatMissingData.NOT_BREACHING,
          }),
        );
      }
    }

    // Every consumer's queue: a message older than its receives allow (visibility timeout × maxReceiveCount)
    // would have been processed or moved to the DLQ by now; older means the consumer is not keeping up or not running.
    for (const [name, queue] of props.queues) {
      const trigger = specOf(name).trigger;
      if (trigger.kind !== 'queue') continue;
      const maxAgeSeconds = backlogAgeSeconds(name, trigger.maxReceiveCount);
      watch(
        queue
          .metricApproximateAgeOfOldestMessage({ period: fiveMinutes, statistic: 'Maximum' })
          .createAlarm(this, `${name}-BacklogAge`, {
            alarmDescription: `The oldest message for ${name} has waited more than ${maxAgeSeconds} s`,
            threshold: maxAgeSeconds,
            comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
            evaluationPeriods: 1,
            treatMissingData: TreatMissingData.NOT_BREACHING,
          }),
      );
    }

    // Every dead-letter queue: one message is one event or run that needs a person (and a redrive).
    for (const [name, dlq] of props.deadLetterQueues) {
      watch(
        dlq
          .metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' })
          .createAlarm(this, `${name}-DeadLetters`, {
            alarmDescription: `Messages are waiting in the dead-letter queue of ${name}`,
            threshold: 0,
            comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
            evaluationPeriods: 1,
            treatMissingData: TreatMissingData.NOT_BREACHING,
          }),
      );
    }
  }
}
