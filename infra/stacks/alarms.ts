/**
 * The platform's alarms, and which of them notify on their own. CloudWatch bills each metric an alarm
 * evaluates (US$0.10 a month; a metric-math alarm pays for every metric it reads, at most 10) and each
 * composite alarm (US$0.50): what keeps the bill down is watching fewer metrics, not fewer alarms. An
 * idle deployment's fixed cost is held to US$10 a month (docs/design.md §10), so every metric here is
 * one an operator acts on (docs/runbook.md "Alarms" says what, and why the others are not alarmed):
 *
 * - The API: its 5xx and 4xx rates and p99 latency, joined by one composite that alone notifies (one
 *   message per incident). An HTTP function's failure (crash, timeout, an error answered as
 *   problem+json) is a 5xx of the API: the HTTP functions have no alarm of their own.
 * - Lambda errors and throttles, each watched once, account-wide (one metric each, whatever the number
 *   of functions): a worker's failure reaches no client and would otherwise show only as backlog age or
 *   dead letters, later; every function draws on the account's one concurrency pool, so a throttle
 *   anywhere is a warning for all of them. Which function it was: its Errors or Throttles by function.
 * - Each consumer's backlog age and each dead-letter queue, notifying each on its own: a DLQ stays in
 *   alarm until redriven, and under a composite already in alarm a second DLQ filling would go unheard.
 * - Not alarmed: the table's throttles (on demand, a throttle the SDK's retries absorb costs nobody
 *   anything, and one they do not absorb fails its call: a 5xx, or a worker's error and then its DLQ),
 *   and 429s (a 4xx: many of them raise the 4xx rate). Both are graphed on the dashboard (dashboard.ts).
 */
import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import {
  AlarmRule,
  AlarmState,
  ComparisonOperator,
  CompositeAlarm,
  type IAlarmAction,
  MathExpression,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { type IFunction, Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type FunctionName, specOf, visibilityTimeoutSeconds } from '../manifest.ts';

/** How long a message may wait for `name` while its receives last: visibility timeout × maxReceiveCount. */
export const backlogAgeSeconds = (name: FunctionName, maxReceiveCount: number): number =>
  visibilityTimeoutSeconds(name) * maxReceiveCount;

/** Thresholds of the API's alarms. */
export const apiAlarmThresholds = {
  /** Share of requests answered 5xx in 5 minutes, in percent (a 5xx is a bug: bad input is a 4xx). */
  serverErrorPercent: 1,
  /** Share answered 4xx (429s included) in 15 minutes, in percent, once at least `clientErrorMinRequests` came: clients broken by a change, or a flood. */
  clientErrorPercent: 25,
  clientErrorMinRequests: 100,
  /** p99 of the API's latency, ms, for 3 periods of 5 minutes in a row (a cold start alone does not hold it). */
  latencyP99Ms: 5000,
} as const;

/** How far (seconds) the stream's consumer may lag the table's writes before someone is told. */
export const streamMaxAgeSeconds = 300;

/** CloudWatch's limit on the metrics one metric-math alarm reads. */
export const maxMetricsPerAlarm = 10;

const fiveMinutes = Duration.minutes(5);

export interface PlatformAlarmsProps {
  httpApi: IHttpApi;
  /** The functions, for the table stream's consumer (its iterator age). */
  functions: ReadonlyMap<FunctionName, { function: IFunction }>;
  queues: ReadonlyMap<FunctionName, IQueue>;
  deadLetterQueues: ReadonlyMap<string, IQueue>;
  action: IAlarmAction;
}

export class PlatformAlarms extends Construct {
  /** Alarms that notify on their own (composites included). */
  readonly notifying: Array<Alarm | CompositeAlarm> = [];
  /** Alarms that notify only through a composite. */
  readonly children: Alarm[] = [];

  constructor(scope: Construct, id: string, props: PlatformAlarmsProps) {
    super(scope, id);
    const notify = <T extends Alarm | CompositeAlarm>(alarm: T): T => {
      alarm.addAlarmAction(props.action);
      alarm.addOkAction(props.action);
      this.notifying.push(alarm);
      return alarm;
    };
    const child = (alarm: Alarm): Alarm => {
      this.children.push(alarm);
      return alarm;
    };
    const above = (threshold: number, evaluationPeriods = 1) => ({
      threshold,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const t = apiAlarmThresholds;

    // The API: 5xx and 4xx as shares of requests, p99 latency.
    const api = props.httpApi;
    const requests = api.metricCount({ period: fiveMinutes, statistic: 'Sum' });
    const serverErrors = child(
      new MathExpression({
        expression: 'IF(requests > 0, 100 * errors / requests, 0)',
        usingMetrics: { requests, errors: api.metricServerError({ period: fiveMinutes, statistic: 'Sum' }) },
        period: fiveMinutes,
        label: 'API 5xx %',
      }).createAlarm(this, 'Api5xxRate', {
        alarmDescription: `More than ${t.serverErrorPercent}% of API requests answered 5xx in 5 minutes`,
        ...above(t.serverErrorPercent),
      }),
    );
    const fifteenMinutes = Duration.minutes(15);
    const clientErrors = child(
      new MathExpression({
        expression: `IF(requests >= ${t.clientErrorMinRequests}, 100 * errors / requests, 0)`,
        usingMetrics: {
          requests: api.metricCount({ period: fifteenMinutes, statistic: 'Sum' }),
          errors: api.metricClientError({ period: fifteenMinutes, statistic: 'Sum' }),
        },
        period: fifteenMinutes,
        label: 'API 4xx %',
      }).createAlarm(this, 'Api4xxRate', {
        alarmDescription: `More than ${t.clientErrorPercent}% of at least ${t.clientErrorMinRequests} API requests answered 4xx (429s included) in 15 minutes`,
        ...above(t.clientErrorPercent),
      }),
    );
    const latency = child(
      api.metricLatency({ period: fiveMinutes, statistic: 'p99' }).createAlarm(this, 'ApiLatencyP99', {
        alarmDescription: `The API's p99 latency was above ${t.latencyP99Ms} ms for 15 minutes`,
        ...above(t.latencyP99Ms, 3),
      }),
    );
    notify(
      new CompositeAlarm(this, 'Api', {
        alarmDescription: 'The HTTP API: 5xx rate, 4xx rate or p99 latency (the child in ALARM says which)',
        alarmRule: anyInAlarm(serverErrors, clientErrors, latency),
      }),
    );

    // Lambda, account-wide: any function's errors (the workers' above all: theirs reach no client), any throttle.
    notify(
      LambdaFunction.metricAllErrors({ period: fiveMinutes, statistic: 'Sum' }).createAlarm(this, 'LambdaErrors', {
        alarmDescription:
          'A Lambda function of this account and Region failed in the last 5 minutes (its Errors by function name say which)',
        ...above(0),
      }),
    );
    notify(
      LambdaFunction.metricAllThrottles({ period: fiveMinutes, statistic: 'Sum' }).createAlarm(
        this,
        'LambdaThrottles',
        {
          alarmDescription: 'A Lambda function of this account and Region was throttled in the last 5 minutes',
          ...above(0),
        },
      ),
    );

    // Every consumer's queue: a message older than its receives allow (visibility timeout × maxReceiveCount)
    // would have been processed or moved to the DLQ by now; older means the consumer is not keeping up or not running.
    for (const [name, queue] of props.queues) {
      const trigger = specOf(name).trigger;
      if (trigger.kind !== 'queue') continue;
      const maxAgeSeconds = backlogAgeSeconds(name, trigger.maxReceiveCount);
      notify(
        queue
          .metricApproximateAgeOfOldestMessage({ period: fiveMinutes, statistic: 'Maximum' })
          .createAlarm(this, `${name}-BacklogAge`, {
            alarmDescription: `The oldest message for ${name} has waited more than ${maxAgeSeconds} s`,
            ...above(maxAgeSeconds),
          }),
      );
    }

    // The table stream's consumer (relay-events): records older than a few minutes mean the dossiers' events
    // wait (throttled, failing and retrying); its DLQ below only fills once the retries are spent.
    // The indicator facts' consumer of the same stream lags harmlessly for the reports (its DLQ alarms on failure).
    for (const [name, { function: fn }] of props.functions) {
      if (specOf(name).trigger.kind !== 'stream' || !specOf(name).access.emits) continue;
      notify(
        fn
          .metric('IteratorAge', { period: fiveMinutes, statistic: 'Maximum' })
          .createAlarm(this, `${name}-IteratorAge`, {
            alarmDescription: `${name} is more than ${streamMaxAgeSeconds} s behind the table's writes: events wait`,
            ...above(streamMaxAgeSeconds * 1000),
          }),
      );
    }

    // Every dead-letter queue: one message is one event or run that needs a person (and a redrive).
    for (const [name, dlq] of props.deadLetterQueues) {
      notify(
        dlq
          .metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' })
          .createAlarm(this, `${name}-DeadLetters`, {
            alarmDescription: `Messages are waiting in the dead-letter queue of ${name}`,
            ...above(0),
          }),
      );
    }
  }
}

/** A composite rule in ALARM when any of `alarms` is. */
function anyInAlarm(...alarms: Alarm[]) {
  return AlarmRule.anyOf(...alarms.map((alarm) => AlarmRule.fromAlarm(alarm, AlarmState.ALARM)));
}
