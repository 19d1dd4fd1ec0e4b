/**
 * What the synthesized alarms cost a month, read from the templates (not assumed): CloudWatch bills a
 * standard-resolution alarm per metric it evaluates (a metric-math alarm counts each metric it reads,
 * not its expressions), and a composite alarm at its own price. Prices: CloudWatch pricing, US East and
 * Asia Pacific (Singapore) alike, as of 2026.
 */
export const alarmPrices = { perMetric: 0.1, perComposite: 0.5 } as const;

interface CfnResource {
  Type: string;
  Properties?: { Metrics?: Array<{ MetricStat?: unknown }>; MetricName?: unknown };
}

export interface AlarmCost {
  /** Metric alarms. */
  alarms: number;
  /** Metrics those alarms evaluate: what is billed. */
  metrics: number;
  composites: number;
  /** US$ per month. */
  monthlyUsd: number;
}

/** The billed metrics of one `AWS::CloudWatch::Alarm`: one for a single-metric alarm, each `MetricStat` of a metric-math one. */
export function billedMetricsOf(alarm: CfnResource): number {
  const metrics = alarm.Properties?.Metrics;
  if (metrics) return metrics.filter((m) => m.MetricStat !== undefined).length;
  return 1;
}

/** The monthly alarm cost of a set of CloudFormation templates (`{ Resources: … }`). */
export function alarmCostOf(templates: ReadonlyArray<{ Resources?: Record<string, CfnResource> }>): AlarmCost {
  let alarms = 0;
  let metrics = 0;
  let composites = 0;
  for (const template of templates) {
    for (const resource of Object.values(template.Resources ?? {})) {
      if (resource.Type === 'AWS::CloudWatch::Alarm') {
        alarms++;
        metrics += billedMetricsOf(resource);
      } else if (resource.Type === 'AWS::CloudWatch::CompositeAlarm') composites++;
    }
  }
  const cents = metrics * alarmPrices.perMetric * 100 + composites * alarmPrices.perComposite * 100;
  return { alarms, metrics, composites, monthlyUsd: Math.round(cents) / 100 };
}
