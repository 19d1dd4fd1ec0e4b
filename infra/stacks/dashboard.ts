/**
 * The operators' one page (docs/runbook.md "The dashboard (opt-in)"): the API, the queues, the functions,
 * the table and the business metrics, in that order: from what citizens see to what explains it. Opt-in
 * (`egov:dashboard`), with the metrics only it reads: the business metrics (written by the functions
 * only then, infra/stacks/compute.ts) and the API's 429 count from the access logs.
 */
import { Duration } from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Dashboard,
  GraphWidget,
  type IMetric,
  type IWidget,
  Metric,
  PeriodOverride,
  TextWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterPattern, type ILogGroup, MetricFilter } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { tableLayout } from '../../shared/adapters/dynamo/table-layout.ts';
import type { BusinessMetric } from '../../shared/use-cases/ports/business-metrics.ts';
import type { FunctionName } from '../manifest.ts';
import type { ComputeGroup } from '../stack-names.ts';
import { computeGroupOf } from './compute.ts';
import { baseEnvironment, type PlatformFunction } from './platform-function.ts';

const fiveMinutes = Duration.minutes(5);
const sum = { period: fiveMinutes, statistic: 'Sum' } as const;

/** The dimensions every business metric is written with (shared/adapters/business-metrics.ts). */
export const businessMetricDimensions = (deployment: string) => ({
  service: baseEnvironment.POWERTOOLS_SERVICE_NAME,
  deployment,
});

/** The metric of the API's 429 answers, counted from its access logs (API Gateway has no metric of its own for them). */
export const tooManyRequestsMetric = { namespace: baseEnvironment.POWERTOOLS_METRICS_NAMESPACE, name: 'Api429' };

export interface PlatformDashboardProps {
  dashboardName: string;
  /** `<province>-<stage>`: the dimension of the business metrics and of the 429 count. */
  deployment: string;
  httpApi: IHttpApi;
  /** The API stage's access logs (JSON, `status` and `deployment` fields): the 429 count. */
  accessLogs: ILogGroup;
  table: ITableV2;
  functions: ReadonlyMap<FunctionName, PlatformFunction>;
  /** The queue each consumer function reads, by function name. */
  queues: ReadonlyMap<FunctionName, IQueue>;
  /** Every dead-letter queue of the platform, by a readable name. */
  deadLetterQueues: ReadonlyMap<string, IQueue>;
}

export class PlatformDashboard extends Construct {
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: PlatformDashboardProps) {
    super(scope, id);
    const api = props.httpApi;
    const graph = (title: string, left: IMetric[], width = 12, right: IMetric[] = []) =>
      new GraphWidget({ title, left, right, width, height: 6 });
    const heading = (markdown: string) => new TextWidget({ markdown, width: 24, height: 1 });

    new MetricFilter(this, 'Api429Filter', {
      logGroup: props.accessLogs,
      filterPattern: FilterPattern.stringValue('$.status', '=', '429'),
      metricNamespace: tooManyRequestsMetric.namespace,
      metricName: tooManyRequestsMetric.name,
      metricValue: '1',
      dimensions: { deployment: '$.deployment' },
    });
    const tooManyRequests = new Metric({
      namespace: tooManyRequestsMetric.namespace,
      metricName: tooManyRequestsMetric.name,
      dimensionsMap: { deployment: props.deployment },
      ...sum,
      label: '429',
    });

    const groups: ComputeGroup[] = ['public', 'citizens', 'officials', 'workers'];
    const functionsOf = (group: ComputeGroup) =>
      [...props.functions.values()].filter((fn) => computeGroupOf(fn.name) === group);
    const perFunction = (group: ComputeGroup, metric: 'Errors' | 'Throttles') =>
      functionsOf(group).map((fn) => fn.function.metric(metric, { ...sum, label: fn.name }));

    const business = (name: BusinessMetric, statistic: 'Sum' | 'Maximum' = 'Sum') =>
      new Metric({
        namespace: baseEnvironment.POWERTOOLS_METRICS_NAMESPACE,
        metricName: name,
        dimensionsMap: businessMetricDimensions(props.deployment),
        period: Duration.hours(1),
        statistic,
        label: name,
      });
    const hourly = (names: BusinessMetric[]) => names.map((name) => business(name));

    const tableThrottles = [undefined, ...Object.values(tableLayout.indexes).map((i) => i.indexName)].flatMap((index) =>
      ['ReadThrottleEvents', 'WriteThrottleEvents'].map((name) =>
        props.table.metric(name, {
          ...sum,
          label: `${index ?? 'table'} ${name}`,
          ...(index ? { dimensionsMap: { TableName: props.table.tableName, GlobalSecondaryIndexName: index } } : {}),
        }),
      ),
    );

    const rows: IWidget[][] = [
      [heading('## API')],
      [
        graph(
          'Requests and errors (5 min)',
          [
            api.metricCount({ ...sum, label: 'requests' }),
            api.metricClientError({ ...sum, label: '4xx' }),
            api.metricServerError({ ...sum, label: '5xx' }),
            tooManyRequests,
          ],
          12,
        ),
        graph('Latency (ms)', [
          api.metricLatency({ period: fiveMinutes, statistic: 'p50', label: 'p50' }),
          api.metricLatency({ period: fiveMinutes, statistic: 'p99', label: 'p99' }),
          api.metricIntegrationLatency({ period: fiveMinutes, statistic: 'p99', label: 'integration p99' }),
        ]),
      ],
      [heading('## Queues')],
      [
        graph(
          'Backlog: age of the oldest message (s)',
          [...props.queues].map(([name, queue]) =>
            queue.metricApproximateAgeOfOldestMessage({ period: fiveMinutes, statistic: 'Maximum', label: name }),
          ),
        ),
        graph(
          'Dead-letter queues: messages waiting',
          [...props.deadLetterQueues].map(([name, dlq]) =>
            dlq.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum', label: name }),
          ),
        ),
      ],
      [heading('## Lambda functions: errors')],
      groups.map((group) => graph(`Errors: ${group}`, perFunction(group, 'Errors'), 6)),
      [heading('## Lambda functions: throttles')],
      groups.map((group) => graph(`Throttles: ${group}`, perFunction(group, 'Throttles'), 6)),
      [heading('## DynamoDB')],
      [graph('Throttle events (table and indexes)', tableThrottles, 24)],
      [heading('## Dossiers (hourly)')],
      [
        graph('Filed and received', hourly(['DossiersFiled', 'DossiersReceived'])),
        graph('Decided on time and late', hourly(['DossiersDecidedOnTime', 'DossiersDecidedLate'])),
      ],
      [
        graph('Overdue (open, past the appointment; at each deadline watch)', [business('DossiersOverdue', 'Maximum')]),
        graph('Signing and notification failures', hourly(['SigningFailures', 'NotificationFailures'])),
      ],
    ];
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: props.dashboardName,
      defaultInterval: Duration.days(1),
      periodOverride: PeriodOverride.AUTO,
      widgets: rows,
    });
  }
}
