/**
 * The platform's alarms, and which of them notify on their own. CloudWatch bills each metric an alarm
 * evaluates (US$0.10 a month; a metric-math alarm pays for every metric it reads, at most 10) and each
 * composite alarm (US$0.50): what keeps the bill down is watching fewer metrics, not fewer alarms. So:
 *
 * - The HTTP functions have no alarm of their own: an HTTP function's failure (crash, timeout, an error
 *   answered as problem+json) is a 5xx of the API, which the API's 5xx-rate alarm watches; the dashboard
 *   shows which function it was.
 * - Throttles are watched once, account-wide: every function draws on the account's one concurrency pool,
 *   so a throttle anywhere is a warning for all of them (and a throttled HTTP call is a 5xx too).
 * - The workers' errors (queue and schedule) are summed by metric math, ≤ 10 functions per alarm: their
 *   failures reach no client, and would otherwise show only as backlog age or dead letters, later.
 * - Related alarms are joined by a composite (the API's; the functions'), which alone notifies: one
 *   message per incident. Queue backlog-age and dead-letter alarms notify each on their own: a DLQ stays
 *   in alarm until redriven, and under a composite already in alarm a second DLQ filling would go unheard.
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
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterPattern, type ILogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { tableLayout } from '../../shared/adapters/dynamo/table-layout.ts';
import { type FunctionName, specOf, visibilityTimeoutSeconds } from '../manifest.ts';
import { baseEnvironment, type PlatformFunction } from './platform-function.ts';

/** How long a message may wait for `name` while its receives last: visibility timeout × maxReceiveCount. */
export const backlogAgeSeconds = (name: FunctionName, maxReceiveCount: number): number =>
  visibilityTimeoutSeconds(name) * maxReceiveCount;

/** Thresholds of the API's alarms. */
export const apiAlarmThresholds = {
  /** Share of requests answered 5xx in 5 minutes, in percent (a 5xx is a bug: bad input is a 4xx). */
  serverErrorPercent: 1,
  /** Share answered 4xx in 15 minutes, in percent, once at least `clientErrorMinRequests` came: clients broken by a change. */
  clientErrorPercent: 25,
  clientErrorMinRequests: 100,
  /** p99 of the API's latency, ms, for 3 periods of 5 minutes in a row (a cold start alone does not hold it). */
  latencyP99Ms: 5000,
  /** 429 answers (stage throttling, quotas) in 5 minutes: a flood, or limits too tight for real use. */
  tooManyRequests: 50,
} as const;

/** The metric of the API's 429 answers, counted from its access logs (API Gateway has no metric of its own for them). */
export const tooManyRequestsMetric = { namespace: baseEnvironment.POWERTOOLS_METRICS_NAMESPACE, name: 'Api429' };

/** CloudWatch's limit on the metrics one metric-math alarm reads. */
export const maxMetricsPerAlarm = 10;

const fiveMinutes = Duration.minutes(5);

export interface PlatformAlarmsProps {
  httpApi: IHttpApi;
  /** The API stage's access logs (JSON, `status` and `deployment` fields). */
  accessLogs: ILogGroup;
  /** `<province>-<stage>`: the dimension of the metrics counted from logs. */
  deployment: string;
  table: ITableV2;
  functions: ReadonlyMap<FunctionName, PlatformFunction>;
  queues: ReadonlyMap<FunctionName, IQueue>;
  deadLetterQueues: ReadonlyMap<string, IQueue>;
  action: IAlarmAction;
}

export class PlatformAlarms extends Construct {
  /** Alarms that notify on their own (composites included). */
  readonly notifying: Array<Alarm | CompositeAlarm> = [];
  /** Alarms that notify only through a composite. */
  readonly children: Alarm[] = [];
  /** The API's 429 count, for the dashboard. */
  readonly tooManyRequests: Metric;

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

    // The API: 5xx and 4xx as shares of requests, p99 latency, 429s.
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
        alarmDescription: `More than ${t.clientErrorPercent}% of at least ${t.clientErrorMinRequests} API requests answered 4xx in 15 minutes`,
        ...above(t.clientErrorPercent),
      }),
    );
    const latency = child(
      api.metricLatency({ period: fiveMinutes, statistic: 'p99' }).createAlarm(this, 'ApiLatencyP99', {
        alarmDescription: `The API's p99 latency was above ${t.latencyP99Ms} ms for 15 minutes`,
        ...above(t.latencyP99Ms, 3),
      }),
    );
    new MetricFilter(this, 'Api429Filter', {
      logGroup: props.accessLogs,
      filterPattern: FilterPattern.stringValue('$.status', '=', '429'),
      metricNamespace: tooManyRequestsMetric.namespace,
      metricName: tooManyRequestsMetric.name,
      metricValue: '1',
      dimensions: { deployment: '$.deployment' },
    });
    this.tooManyRequests = new Metric({
      namespace: tooManyRequestsMetric.namespace,
      metricName: tooManyRequestsMetric.name,
      dimensionsMap: { deployment: props.deployment },
      period: fiveMinutes,
      statistic: 'Sum',
      label: 'API 429',
    });
    const throttled = child(
      this.tooManyRequests.createAlarm(this, 'Api429', {
        alarmDescription: `More than ${t.tooManyRequests} API requests answered 429 in 5 minutes`,
        ...above(t.tooManyRequests),
      }),
    );
    notify(
      new CompositeAlarm(this, 'Api', {
        alarmDescription: 'The HTTP API: 5xx rate, 4xx rate, p99 latency or 429s (the child in ALARM says which)',
        alarmRule: anyInAlarm(serverErrors, clientErrors, latency, throttled),
      }),
    );

    // The functions: the workers' errors, and throttles anywhere in the account.
    const workers = [...props.functions.values()].filter((fn) => fn.spec.trigger.kind !== 'http');
    const workerErrors = chunks(workers, maxMetricsPerAlarm).map((group, index) =>
      child(
        sumOf(
          group.map((fn) => fn.function.metricErrors({ period: fiveMinutes, statistic: 'Sum' })),
          'Worker errors',
        ).createAlarm(this, `WorkerErrors${index + 1}`, {
          alarmDescription: `One of ${group.map((fn) => fn.name).join(', ')} failed in the last 5 minutes`,
          ...above(0),
        }),
      ),
    );
    const throttles = child(
      new Metric({
        namespace: 'AWS/Lambda',
        metricName: 'Throttles',
        period: fiveMinutes,
        statistic: 'Sum',
      }).createAlarm(this, 'LambdaThrottles', {
        alarmDescription: 'A Lambda function of this account and Region was throttled in the last 5 minutes',
        ...above(0),
      }),
    );
    notify(
      new CompositeAlarm(this, 'Functions', {
        alarmDescription:
          'A queue or schedule worker failed, or a function was throttled (the child in ALARM says which)',
        alarmRule: anyInAlarm(...workerErrors, throttles),
      }),
    );

    // The table: every throttled read or write, of the table and of each index.
    const throttleMetrics = [undefined, ...Object.values(tableLayout.indexes).map((i) => i.indexName)].flatMap(
      (index) =>
        ['ReadThrottleEvents', 'WriteThrottleEvents'].map((name) =>
          props.table.metric(name, {
            period: fiveMinutes,
            statistic: 'Sum',
            ...(index ? { dimensionsMap: { TableName: props.table.tableName, GlobalSecondaryIndexName: index } } : {}),
          }),
        ),
    );
    chunks(throttleMetrics, maxMetricsPerAlarm).forEach((group, index) =>
      notify(
        sumOf(group, 'DynamoDB throttle events').createAlarm(this, `TableThrottles${index + 1}`, {
          alarmDescription: 'Reads or writes of the table or its indexes were throttled in the last 5 minutes',
          ...above(0),
        }),
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

/** The sum of `metrics` (at most {@link maxMetricsPerAlarm}), missing data as 0. */
export function sumOf(metrics: IMetric[], label: string): MathExpression {
  if (metrics.length > maxMetricsPerAlarm) throw new Error(`At most ${maxMetricsPerAlarm} metrics in one alarm`);
  const usingMetrics = Object.fromEntries(metrics.map((metric, i) => [`m${i + 1}`, metric]));
  return new MathExpression({
    expression: Object.keys(usingMetrics)
      .map((id) => `FILL(${id}, 0)`)
      .join(' + '),
    usingMetrics,
    period: fiveMinutes,
    label,
  });
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const count = Math.ceil(items.length / size);
  // Even chunks (7 + 7, not 10 + 4): a new function lands in either without moving the others far.
  const each = Math.ceil(items.length / count);
  return Array.from({ length: count }, (_, i) => items.slice(i * each, (i + 1) * each));
}
