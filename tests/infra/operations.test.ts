/**
 * Operations on the synthesized templates: what is alarmed (API, workers, table, queues), what it
 * costs a month, the dashboard, and AWS Backup of the table and the documents bucket.
 */
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { alarmCostOf } from '../../infra/alarm-cost.ts';
import { specOf } from '../../infra/manifest.ts';
import { apiAlarmThresholds, maxMetricsPerAlarm, tooManyRequestsMetric } from '../../infra/stacks/alarms.ts';
import { contextKeys, defaultBackupRetention, readSettings } from '../../infra/stacks/settings.ts';
import { tableLayout } from '../../shared/adapters/dynamo/table-layout.ts';
import { businessMetricNames } from '../../shared/use-cases/business-metrics.ts';
import { logicalIdOf, producedValue, type Resource, type StackKey, synthesizedApp } from './synth.ts';

/**
 * The monthly alarm bill of the app as synthesized with cdk.json's context: `npx tsx scripts/alarm-cost.ts`
 * prints it. The per-function alarms this replaced cost US$15.20 (151 alarms on 152 metrics).
 */
const reportedMonthlyUsd = 6.5;

const synthesized = synthesizedApp();
const { templates, app } = synthesized;
const resourcesOf = (stack: StackKey, type: string): Record<string, Resource> =>
  templates[stack].findResources(type) as Record<string, Resource>;
const resolved = (value: unknown) => producedValue(templates, value);
const only = <T>(record: Record<string, T>): [string, T] => {
  const entries = Object.entries(record);
  if (entries.length !== 1) throw new Error(`Expected exactly one, found ${entries.map(([id]) => id).join(', ')}`);
  return entries[0] as [string, T];
};

const alarms = resourcesOf('observability', 'AWS::CloudWatch::Alarm');
const composites = resourcesOf('observability', 'AWS::CloudWatch::CompositeAlarm');
const [topicId] = only(resourcesOf('observability', 'AWS::SNS::Topic'));

interface MetricStat {
  Metric: { Namespace: string; MetricName: string; Dimensions?: Array<{ Name: string; Value: unknown }> };
  Stat: string;
}
/** Every metric an alarm reads: its own, or each `MetricStat` of its metric math. */
function metricsOf(alarm: Resource): MetricStat[] {
  const p = alarm.Properties;
  if (p.Metrics)
    return (p.Metrics as Array<{ MetricStat?: MetricStat }>).flatMap((m) => (m.MetricStat ? [m.MetricStat] : []));
  return [
    {
      Metric: { Namespace: p.Namespace, MetricName: p.MetricName, Dimensions: p.Dimensions },
      Stat: p.ExtendedStatistic ?? p.Statistic,
    },
  ];
}
const alarmsReading = (namespace: string, metricName: string) =>
  Object.entries(alarms).filter(([, alarm]) =>
    metricsOf(alarm).some((m) => m.Metric.Namespace === namespace && m.Metric.MetricName === metricName),
  );
const dimension = (stat: MetricStat, name: string) => stat.Metric.Dimensions?.find((d) => d.Name === name)?.Value;
/** The composite whose rule names `alarmId`. */
const compositeOf = (alarmId: string) =>
  Object.entries(composites).find(([, c]) => JSON.stringify(c.Properties.AlarmRule).includes(`"${alarmId}"`));
/** An alarm notifies the topic itself, or through a composite that does. */
function notifies(alarmId: string): boolean {
  const own = alarms[alarmId]?.Properties.AlarmActions as unknown[] | undefined;
  if (own) return JSON.stringify(own) === JSON.stringify([{ Ref: topicId }]);
  const composite = compositeOf(alarmId)?.[1];
  return JSON.stringify(composite?.Properties.AlarmActions) === JSON.stringify([{ Ref: topicId }]);
}

describe('alarm cost', () => {
  it('counts each metric of a metric-math alarm, and composites at their own price', () => {
    const cost = alarmCostOf([
      {
        Resources: {
          single: { Type: 'AWS::CloudWatch::Alarm', Properties: { MetricName: 'Errors' } },
          math: {
            Type: 'AWS::CloudWatch::Alarm',
            Properties: { Metrics: [{ MetricStat: {} }, { MetricStat: {} }, { MetricStat: {} }, {}] },
          },
          composite: { Type: 'AWS::CloudWatch::CompositeAlarm' },
          other: { Type: 'AWS::SNS::Topic' },
        },
      },
    ]);
    expect(cost).toEqual({ alarms: 2, metrics: 4, composites: 1, monthlyUsd: 0.9 });
  });

  it(`is at most the reported US$${reportedMonthlyUsd.toFixed(2)} a month`, () => {
    const cost = alarmCostOf(Object.values(templates).map((t) => t.toJSON()));
    expect(cost.monthlyUsd).toBeLessThanOrEqual(reportedMonthlyUsd);
    expect(cost.composites).toBeGreaterThan(0);
  });

  it('no metric-math alarm reads more than CloudWatch allows', () => {
    for (const [id, alarm] of Object.entries(alarms)) {
      expect(metricsOf(alarm).length, id).toBeLessThanOrEqual(maxMetricsPerAlarm);
    }
  });
});

describe('API alarms', () => {
  const [apiId] = only(resourcesOf('api', 'AWS::ApiGatewayV2::Api'));
  const onTheApi = (stat: MetricStat) => logicalIdOf(resolved(dimension(stat, 'ApiId'))) === apiId;

  it.each([
    ['5xx', apiAlarmThresholds.serverErrorPercent],
    ['4xx', apiAlarmThresholds.clientErrorPercent],
  ])('%s as a share of the requests', (metricName, threshold) => {
    const [[, alarm] = []] = alarmsReading('AWS/ApiGateway', metricName);
    expect(alarm, `an alarm on ${metricName}`).toBeDefined();
    const read = metricsOf(alarm as Resource);
    expect(read.map((m) => m.Metric.MetricName).sort()).toEqual(['Count', metricName].sort());
    expect(read.every(onTheApi)).toBe(true);
    expect(alarm?.Properties.Threshold).toBe(threshold);
  });

  it('p99 latency', () => {
    const [[, alarm] = []] = alarmsReading('AWS/ApiGateway', 'Latency');
    expect(alarm?.Properties).toMatchObject({ ExtendedStatistic: 'p99', Threshold: apiAlarmThresholds.latencyP99Ms });
    expect(onTheApi(metricsOf(alarm as Resource)[0] as MetricStat)).toBe(true);
  });

  it('429 answers, counted from the access logs of this deployment', () => {
    const [[, alarm] = []] = alarmsReading(tooManyRequestsMetric.namespace, tooManyRequestsMetric.name);
    expect(alarm?.Properties.Threshold).toBe(apiAlarmThresholds.tooManyRequests);
    const [, filter] = only(resourcesOf('observability', 'AWS::Logs::MetricFilter'));
    expect(filter.Properties.FilterPattern).toBe('{ $.status = "429" }');
    const [transformation] = filter.Properties.MetricTransformations;
    expect(transformation).toMatchObject({
      MetricNamespace: tooManyRequestsMetric.namespace,
      MetricName: tooManyRequestsMetric.name,
      Dimensions: [{ Key: 'deployment', Value: '$.deployment' }],
    });
    const [stageAccessLogs] = Object.values(resourcesOf('api', 'AWS::ApiGatewayV2::Stage')).map(
      (s) => s.Properties.AccessLogSettings,
    );
    expect(logicalIdOf(resolved(filter.Properties.LogGroupName))).toBe(logicalIdOf(stageAccessLogs.DestinationArn));
    const deployment = `${app.node.tryGetContext(contextKeys.provinceCode)}-dev`;
    expect(JSON.parse(stageAccessLogs.Format)).toMatchObject({ deployment, status: '$context.status' });
    expect(dimension(metricsOf(alarm as Resource)[0] as MetricStat, 'deployment')).toBe(deployment);
  });

  it('one composite joins them and notifies', () => {
    const ids = ['5xx', '4xx', 'Latency'].map((m) => alarmsReading('AWS/ApiGateway', m)[0]?.[0]);
    ids.push(alarmsReading(tooManyRequestsMetric.namespace, tooManyRequestsMetric.name)[0]?.[0]);
    const apiComposites = new Set(ids.map((id) => compositeOf(id ?? '')?.[0]));
    expect(apiComposites.size).toBe(1);
    for (const id of ids) expect(notifies(id ?? ''), id).toBe(true);
  });
});

describe('function alarms', () => {
  const functionIdsIn = (alarm: Resource) =>
    metricsOf(alarm)
      .filter((m) => m.Metric.Namespace === 'AWS/Lambda' && m.Metric.MetricName === 'Errors')
      .map((m) => logicalIdOf(resolved(dimension(m, 'FunctionName'))));
  const erroring = alarmsReading('AWS/Lambda', 'Errors');

  it.each([...synthesized.functions].filter(([, fn]) => fn.spec.trigger.kind !== 'http').map(([name]) => name))(
    '%s (a worker): its errors are alarmed, through the functions composite',
    (name) => {
      const fn = synthesized.functions.get(name);
      const fnId = fn ? fn.function.stack.getLogicalId(fn.function.node.defaultChild as never) : '';
      const found = erroring.find(([, alarm]) => functionIdsIn(alarm).includes(fnId));
      expect(found, `an Errors alarm reading ${name}`).toBeDefined();
      expect(notifies(found?.[0] ?? '')).toBe(true);
      expect(specOf(name).trigger.kind).not.toBe('http');
    },
  );

  it('HTTP functions have no alarm of their own: their failures are the API’s 5xx', () => {
    const httpIds = new Set(
      [...synthesized.functions]
        .filter(([, fn]) => fn.spec.trigger.kind === 'http')
        .map(([, fn]) => fn.function.stack.getLogicalId(fn.function.node.defaultChild as never)),
    );
    for (const [, alarm] of erroring) for (const id of functionIdsIn(alarm)) expect(httpIds.has(id ?? '')).toBe(false);
    expect(alarmsReading('AWS/ApiGateway', '5xx')).toHaveLength(1);
  });

  it('throttles anywhere in the account, once', () => {
    const throttles = alarmsReading('AWS/Lambda', 'Throttles');
    expect(throttles).toHaveLength(1);
    const [[id, alarm] = []] = throttles;
    expect(metricsOf(alarm as Resource)[0]?.Metric.Dimensions).toBeUndefined();
    expect(notifies(id ?? '')).toBe(true);
  });
});

describe('DynamoDB throttle alarms', () => {
  const [tableId] = only(resourcesOf('data', 'AWS::DynamoDB::GlobalTable'));
  const read = Object.entries(alarms).flatMap(([id, alarm]) =>
    metricsOf(alarm)
      .filter((m) => m.Metric.Namespace === 'AWS/DynamoDB')
      .map((m) => ({ id, m })),
  );

  it.each([undefined, ...Object.values(tableLayout.indexes).map((i) => i.indexName)])(
    'read and write throttle events of %s (undefined: the table), notifying',
    (index) => {
      for (const metricName of ['ReadThrottleEvents', 'WriteThrottleEvents']) {
        const found = read.find(
          ({ m }) =>
            m.Metric.MetricName === metricName &&
            logicalIdOf(resolved(dimension(m, 'TableName'))) === tableId &&
            dimension(m, 'GlobalSecondaryIndexName') === index,
        );
        expect(found, `${metricName} of ${index ?? 'the table'}`).toBeDefined();
        expect(alarms[found?.id ?? '']?.Properties.Threshold).toBe(0);
        expect(notifies(found?.id ?? '')).toBe(true);
      }
    },
  );
});

describe('dashboard', () => {
  const [, dashboard] = only(resourcesOf('observability', 'AWS::CloudWatch::Dashboard'));
  const body = JSON.stringify(dashboard.Properties.DashboardBody);

  it.each([
    'AWS/ApiGateway", "Latency',
    '5xx',
    '4xx',
    tooManyRequestsMetric.name,
    'ApproximateAgeOfOldestMessage',
    'ApproximateNumberOfMessagesVisible',
    'AWS/Lambda", "Errors',
    'AWS/Lambda", "Throttles',
    'ReadThrottleEvents',
    'WriteThrottleEvents',
    ...businessMetricNames,
  ])('graphs %s', (metric) => {
    expect(body.replaceAll('\\"', '"').replaceAll('","', '", "')).toContain(metric);
  });

  it('is named after the deployment', () => {
    expect(dashboard.Properties.DashboardName).toBe(
      `egov-one-stop-${app.node.tryGetContext(contextKeys.provinceCode)}-dev`,
    );
  });
});

describe('backup', () => {
  const [keyId] = only(resourcesOf('data', 'AWS::KMS::Key'));
  const [tableId] = only(resourcesOf('data', 'AWS::DynamoDB::GlobalTable'));
  const documentsId = Object.keys(resourcesOf('data', 'AWS::S3::Bucket')).find((id) =>
    id.startsWith('DocumentsBucket'),
  );

  it('a vault encrypted with the platform key, retained', () => {
    const [, vault] = only(resourcesOf('data', 'AWS::Backup::BackupVault'));
    expect(vault.Properties.EncryptionKeyArn).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    expect((vault as Resource & { DeletionPolicy?: string }).DeletionPolicy).toBe('Retain');
  });

  it('daily and monthly rules into that vault, kept as long as the context says', () => {
    const [, plan] = only(resourcesOf('data', 'AWS::Backup::BackupPlan'));
    const [vaultId] = only(resourcesOf('data', 'AWS::Backup::BackupVault'));
    const rules = plan.Properties.BackupPlan.BackupPlanRule as Array<{
      RuleName: string;
      ScheduleExpression: string;
      TargetBackupVault: unknown;
      Lifecycle: { DeleteAfterDays: number };
    }>;
    expect(rules.map((r) => [r.RuleName, r.Lifecycle.DeleteAfterDays])).toEqual([
      ['daily', defaultBackupRetention.dailyDays],
      ['monthly', defaultBackupRetention.monthlyDays],
    ]);
    for (const rule of rules) expect(rule.TargetBackupVault).toEqual({ 'Fn::GetAtt': [vaultId, 'BackupVaultName'] });
    expect(rules[0]).toMatchObject({
      ScheduleExpression: 'cron(0 2 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
    });
    expect(rules[1]).toMatchObject({
      ScheduleExpression: 'cron(0 3 1 * ? *)',
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
    });
  });

  it('covers the table and the documents bucket, with a role that may back up and restore both', () => {
    const [, selection] = only(resourcesOf('data', 'AWS::Backup::BackupSelection'));
    const resources = selection.Properties.BackupSelection.Resources as unknown[];
    expect(resources.map((r) => logicalIdOf(r)).sort()).toEqual([documentsId, tableId].sort());
    const role = resourcesOf('data', 'AWS::IAM::Role')[
      logicalIdOf(selection.Properties.BackupSelection.IamRoleArn) ?? ''
    ];
    const policies = JSON.stringify(role?.Properties.ManagedPolicyArns);
    for (const name of ['ForBackup', 'ForRestores', 'ForS3Backup', 'ForS3Restore']) {
      expect(policies).toContain(`AWSBackupServiceRolePolicy${name}"`);
    }
  });

  it('reads its retention from context, and refuses nonsense', () => {
    const settingsWith = (value: unknown) => {
      const scope = new App({
        context: {
          ...Object.fromEntries(
            [contextKeys.provinceCode, contextKeys.jwtIssuer, contextKeys.jwtAudience, contextKeys.corsOrigins].map(
              (key) => [key, app.node.tryGetContext(key)],
            ),
          ),
          [contextKeys.backupRetentionDays]: value,
        },
      });
      return readSettings(scope).backupRetention;
    };
    expect(settingsWith(undefined)).toEqual(defaultBackupRetention);
    expect(settingsWith({ daily: 7 })).toEqual({ dailyDays: 7, monthlyDays: defaultBackupRetention.monthlyDays });
    expect(settingsWith('{"daily": 14, "monthly": 730}')).toEqual({ dailyDays: 14, monthlyDays: 730 });
    expect(() => settingsWith({ daily: 0 })).toThrow(/at least 1/);
    expect(() => settingsWith({ weekly: 7 })).toThrow(/unknown rule weekly/);
    expect(() => settingsWith({ daily: 400 })).toThrow(/at least as long/);
  });
});
