/**
 * Operations on the synthesized templates: what is alarmed (API, Lambda, queues), what it costs a
 * month (the alarms, and the idle deployment's fixed cost as tests/bench prints it), the opt-in
 * dashboard, and AWS Backup of the table and the documents bucket.
 */
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { alarmCostOf } from '../../infra/alarm-cost.ts';
import { apiAlarmThresholds, maxMetricsPerAlarm } from '../../infra/stacks/alarms.ts';
import { tooManyRequestsMetric } from '../../infra/stacks/dashboard.ts';
import { contextKeys, defaultBackupRetention, readSettings } from '../../infra/stacks/settings.ts';
import { businessMetricNames } from '../../shared/use-cases/ports/business-metrics.ts';
import { fixedMonthlyCosts } from '../bench/support/fixed-costs.ts';
import { logicalIdOf, producedValue, type Resource, type StackKey, synthesizeApp, synthesizedApp } from './synth.ts';

/**
 * The monthly alarm bill of the app as synthesized with cdk.json's context: `npx tsx scripts/alarm-cost.ts`
 * prints it. The per-function alarms of the first design cost US$15.20 (151 alarms on 152 metrics); the
 * per-worker errors, per-index throttles and 429 alarms after them US$6.50 (55 metrics, 2 composites); the
 * account-wide ones US$3.60, with the stream relay's iterator age US$3.70.
 */
const reportedMonthlyUsd = 3.7;

/** docs/design.md §10: an idle deployment's fixed cost a month, signing keys and WAF apart. */
const fixedCostBarUsd = 10;

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

/** The environment of every platform function (those of the manifest: they name the service) in `of`. */
const functionVariables = (of: typeof templates): Array<Record<string, unknown>> =>
  Object.values(of)
    .flatMap((t) => Object.values(t.findResources('AWS::Lambda::Function') as Record<string, Resource>))
    .map((fn) => (fn.Properties.Environment?.Variables ?? {}) as Record<string, unknown>)
    .filter((v) => v.POWERTOOLS_SERVICE_NAME === 'egov-one-stop');

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

  it('one composite joins them and notifies', () => {
    const ids = ['5xx', '4xx', 'Latency'].map((m) => alarmsReading('AWS/ApiGateway', m)[0]?.[0]);
    const apiComposites = new Set(ids.map((id) => compositeOf(id ?? '')?.[0]));
    expect(apiComposites.size).toBe(1);
    for (const id of ids) expect(notifies(id ?? ''), id).toBe(true);
  });
});

describe('Lambda alarms', () => {
  it.each(['Errors', 'Throttles'])(
    '%s of every function of the account, once, on one metric, notifying on its own',
    (metricName) => {
      const found = alarmsReading('AWS/Lambda', metricName);
      expect(found).toHaveLength(1);
      const [[id, alarm] = []] = found;
      const read = metricsOf(alarm as Resource);
      expect(read).toHaveLength(1);
      // No FunctionName dimension: the account's aggregate, so every worker (and any function added later) is in it.
      expect(read[0]?.Metric.Dimensions).toBeUndefined();
      expect(read[0]?.Stat).toBe('Sum');
      expect(alarm?.Properties.Threshold).toBe(0);
      expect(alarm?.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(compositeOf(id ?? '')).toBeUndefined();
      expect(notifies(id ?? '')).toBe(true);
    },
  );

  it('no alarm of its own for any one function but the stream relay’s lag: an HTTP function’s failure is the API’s 5xx', () => {
    for (const [id, alarm] of Object.entries(alarms)) {
      for (const m of metricsOf(alarm)) {
        if (m.Metric.MetricName === 'IteratorAge') continue;
        expect(dimension(m, 'FunctionName'), id).toBeUndefined();
      }
    }
    // The table stream's consumer: its events wait while it lags (its DLQ fills only once the retries are spent).
    const lag = Object.values(alarms).filter((alarm) =>
      metricsOf(alarm).some((m) => m.Metric.MetricName === 'IteratorAge'),
    );
    expect(lag).toHaveLength(1);
    expect(lag[0]?.Properties.Threshold).toBe(300_000);
    expect(alarmsReading('AWS/ApiGateway', '5xx')).toHaveLength(1);
  });
});

describe('not alarmed (docs/runbook.md "Alarms")', () => {
  it('the table’s throttles: their failures reach the 5xx and Lambda errors alarms', () => {
    for (const [id, alarm] of Object.entries(alarms)) {
      expect(
        metricsOf(alarm).map((m) => m.Metric.Namespace),
        id,
      ).not.toContain('AWS/DynamoDB');
    }
  });

  it('429s apart from the 4xx rate', () => {
    expect(alarmsReading(tooManyRequestsMetric.namespace, tooManyRequestsMetric.name)).toEqual([]);
  });
});

describe('fixed cost of an idle deployment (tests/bench/support/fixed-costs.ts)', () => {
  it(`is at most US$${fixedCostBarUsd} a month, WAF apart; with egov:dashboard it adds the dashboard and its metrics`, () => {
    const total = (lines: ReturnType<typeof fixedMonthlyCosts>) =>
      lines.filter((l) => !l.apart).reduce((sum, l) => sum + l.monthlyUsd, 0);
    const idle = fixedMonthlyCosts();
    expect(total(idle)).toBeLessThanOrEqual(fixedCostBarUsd);
    const withDashboard = fixedMonthlyCosts({ [contextKeys.dashboard]: true });
    // US$3 the dashboard, and US$0.30 each for the business metrics and the 429 count only it reads.
    expect(total(withDashboard) - total(idle)).toBeCloseTo(3 + (businessMetricNames.length + 1) * 0.3, 2);
  });
});

describe('dashboard', () => {
  it('is not made without egov:dashboard, nor the metrics only it reads', () => {
    expect(app.node.tryGetContext(contextKeys.dashboard)).toBeUndefined();
    expect(resourcesOf('observability', 'AWS::CloudWatch::Dashboard')).toEqual({});
    expect(resourcesOf('observability', 'AWS::Logs::MetricFilter')).toEqual({});
    const variables = functionVariables(templates);
    expect(variables).toHaveLength(synthesized.functions.size);
    for (const v of variables) expect(v.POWERTOOLS_METRICS_DISABLED).toBe('true');
  });

  describe('with egov:dashboard', () => {
    const withDashboard = synthesizeApp({ [contextKeys.dashboard]: 'true' });
    const observability = withDashboard.templates.observability;
    const [, dashboard] = only(observability.findResources('AWS::CloudWatch::Dashboard') as Record<string, Resource>);
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    const deployment = `${app.node.tryGetContext(contextKeys.provinceCode)}-dev`;

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
      expect(dashboard.Properties.DashboardName).toBe(`egov-one-stop-${deployment}`);
    });

    it('the functions write the business metrics', () => {
      const variables = functionVariables(withDashboard.templates);
      expect(variables).toHaveLength(withDashboard.functions.size);
      for (const v of variables) expect(v.POWERTOOLS_METRICS_DISABLED).toBe('false');
    });

    it('429 answers, counted from the access logs of this deployment', () => {
      const [, filter] = only(observability.findResources('AWS::Logs::MetricFilter') as Record<string, Resource>);
      expect(filter.Properties.FilterPattern).toBe('{ $.status = "429" }');
      const [transformation] = filter.Properties.MetricTransformations;
      expect(transformation).toMatchObject({
        MetricNamespace: tooManyRequestsMetric.namespace,
        MetricName: tooManyRequestsMetric.name,
        Dimensions: [{ Key: 'deployment', Value: '$.deployment' }],
      });
      const [stageAccessLogs] = Object.values(
        withDashboard.templates.api.findResources('AWS::ApiGatewayV2::Stage') as Record<string, Resource>,
      ).map((stage) => stage.Properties.AccessLogSettings);
      expect(logicalIdOf(producedValue(withDashboard.templates, filter.Properties.LogGroupName))).toBe(
        logicalIdOf(stageAccessLogs.DestinationArn),
      );
      expect(JSON.parse(stageAccessLogs.Format)).toMatchObject({ deployment, status: '$context.status' });
      expect(body.replaceAll('\\"', '"')).toContain(`"${tooManyRequestsMetric.name}","deployment","${deployment}"`);
    });

    it('stays free of unacknowledged findings', () => {
      expect(withDashboard.validationReport.pluginReports.flatMap((r) => r.violations)).toEqual([]);
    });
  });

  it('refuses an egov:dashboard that is not true or false', () => {
    expect(() => synthesizeApp({ [contextKeys.dashboard]: 'yes' })).toThrow(/egov:dashboard must be true or false/);
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
