/**
 * What a deployment costs a month whatever its dossiers, counted in the app's templates as cdk.json's
 * context synthesizes them (no asset bundling, as scripts/alarm-cost.ts does; `context` adds to it, e.g.
 * `{ 'egov:dashboard': true }`): alarms, dashboards,
 * custom metrics, secrets, KMS keys, WAF (apart), schedules, and the idle polling of the queue
 * consumers' event source mappings (a model, stated with the figure).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { alarmCostOf } from '../../../infra/alarm-cost.ts';
import { buildApp } from '../../../infra/app.ts';
import { manifest, queueConsumers } from '../../../infra/manifest.ts';
import { businessMetricNames } from '../../../shared/use-cases/ports/business-metrics.ts';
import { prices } from '../prices.ts';

export interface FixedLine {
  what: string;
  count: string;
  monthlyUsd: number;
  /** Shown apart from the deployment's fixed cost (docs/design.md §10): WAF. */
  apart?: boolean;
}

type Template = { Resources?: Record<string, { Type: string; Properties?: Record<string, unknown> }> };

/** The Lambda event source mappings' idle SQS polling: the model behind the figure. */
export const idlePolling = { pollers: 5, waitSeconds: 20 } as const;
const secondsPerMonth = 30 * 24 * 60 * 60;

export function emptyReceivesPerMonth(mappings: number): number {
  return mappings * idlePolling.pollers * (secondsPerMonth / idlePolling.waitSeconds);
}

/** Runs of a cron(min hour day month weekday year) schedule in a 30-day month, for the fields used here. */
function runsPerMonth(expression: string): number {
  const cron = /^cron\((.+)\)$/.exec(expression)?.[1]?.split(' ');
  if (!cron) return 30 * 24; // rate(…) expressions: not used by the manifest; an hourly upper bound
  const [minute, hour, day, , weekday] = cron;
  const count = (field: string | undefined, all: number) => {
    if (!field || field === '*' || field === '?') return all;
    return field.split(',').reduce((sum, part) => {
      const range = /^(\d+)-(\d+)$/.exec(part);
      return sum + (range ? Number(range[2]) - Number(range[1]) + 1 : 1);
    }, 0);
  };
  const days =
    day !== '?' && day !== '*' ? count(day, 30) : weekday === 'MON-SAT' ? 26 : weekday === 'MON-FRI' ? 22 : 30;
  return count(minute, 60) * count(hour, 24) * days;
}

export function fixedMonthlyCosts(context: Record<string, unknown> = {}): FixedLine[] {
  const outdir = mkdtempSync(path.join(tmpdir(), 'egov-bench-fixed-'));
  try {
    const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [], ...context } });
    buildApp(app);
    const assembly = app.synth();
    const stacks = app.node.children.filter((c): c is Stack => Stack.isStack(c));
    const templates = stacks.map((s) => assembly.getStackByName(s.stackName).template as Template);
    const resources = templates.flatMap((t) => Object.values(t.Resources ?? {}));
    const ofType = (type: string) => resources.filter((r) => r.Type === type);
    const alarms = alarmCostOf(templates as Parameters<typeof alarmCostOf>[0]);
    const dashboards = ofType('AWS::CloudWatch::Dashboard').length;
    const metricFilters = ofType('AWS::Logs::MetricFilter').length;
    // The business metrics exist only if some function writes them (POWERTOOLS_METRICS_DISABLED unset or
    // false: with `egov:dashboard`); each is then counted as written every hour of the month.
    const writesBusinessMetrics = ofType('AWS::Lambda::Function').some(
      (fn) =>
        (fn.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables
          ?.POWERTOOLS_METRICS_DISABLED !== 'true',
    );
    const businessMetrics = writesBusinessMetrics ? businessMetricNames.length : 0;
    const metrics = businessMetrics + metricFilters;
    const secrets = ofType('AWS::SecretsManager::Secret').length;
    const keys = ofType('AWS::KMS::Key').length;
    const acls = ofType('AWS::WAFv2::WebACL');
    const rules = acls.reduce((sum, acl) => sum + ((acl.Properties?.Rules as unknown[] | undefined)?.length ?? 0), 0);
    const schedules = Object.values(manifest).flatMap((spec) =>
      spec.trigger.kind === 'schedule' ? [runsPerMonth(spec.trigger.expression)] : [],
    );
    const scheduleRuns = schedules.reduce((s, n) => s + n, 0);
    const mappings = queueConsumers.length;
    const polls = emptyReceivesPerMonth(mappings);
    return [
      {
        what: 'CloudWatch alarms (infra/alarm-cost.ts)',
        count: `${alarms.alarms} alarms reading ${alarms.metrics} metrics, ${alarms.composites} composites`,
        monthlyUsd: alarms.monthlyUsd,
      },
      {
        what: 'dashboards (egov:dashboard; counted as beyond an account’s first three)',
        count: String(dashboards),
        monthlyUsd: dashboards * prices.dashboardPerMonth,
      },
      {
        what: `custom metrics: ${businessMetrics} business metrics (EMF${writesBusinessMetrics ? '' : ': not written without egov:dashboard'}) and ${metricFilters} log metric filter(s)`,
        count: String(metrics),
        monthlyUsd: metrics * prices.customMetricPerMonth,
      },
      { what: 'Secrets Manager secrets', count: String(secrets), monthlyUsd: secrets * prices.secretPerMonth },
      { what: 'KMS keys (customer managed)', count: String(keys), monthlyUsd: keys * prices.kmsKeyPerMonth },
      {
        what: `SQS empty receives of the ${mappings} event source mappings while idle (ASSUMED: ${idlePolling.pollers} pollers each, long polls of ${idlePolling.waitSeconds} s)`,
        count: `${(polls / 1e6).toFixed(2)} M requests`,
        monthlyUsd: polls * prices.sqsPerRequest,
      },
      {
        what: `EventBridge Scheduler: ${schedules.length} schedules`,
        count: `${scheduleRuns} runs`,
        monthlyUsd: scheduleRuns * prices.schedulerPerInvocation,
      },
      {
        what: `AWS WAF: ${acls.length} web ACL(s) and ${rules} rules (+ US$0.60 per million requests)`,
        count: `${acls.length} + ${rules}`,
        monthlyUsd: acls.length * prices.wafAclPerMonth + rules * prices.wafRulePerMonth,
        apart: true,
      },
    ];
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
