import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { BusinessMetric, BusinessMetrics } from '../use-cases/ports/business-metrics.ts';
import { logger } from '../observability.ts';

/**
 * The business metrics as CloudWatch embedded metric format: one JSON line on stdout per count, which
 * Lambda's log delivery turns into a metric (no PutMetricData call, no permission). Each count is
 * flushed at once, so every kind of handler (HTTP, queue, schedule) emits without a middleware, and a
 * crash after the count still leaves it counted. Dimensions: `service` (POWERTOOLS_SERVICE_NAME) and
 * `deployment` (DEPLOYMENT, `<province>-<stage>`, set by infra/stacks/compute.ts), which the dashboard
 * reads them by. POWERTOOLS_METRICS_DISABLED=true writes nothing (the local cloud, unless verbose).
 */
export function powertoolsBusinessMetrics(): BusinessMetrics {
  const metrics = new Metrics({
    namespace: process.env.POWERTOOLS_METRICS_NAMESPACE ?? 'EgovOneStop',
    serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'egov-one-stop',
    defaultDimensions: { deployment: process.env.DEPLOYMENT ?? 'local' },
  });
  return {
    count(metric: BusinessMetric, value = 1) {
      try {
        metrics.addMetric(metric, MetricUnit.Count, value);
        metrics.publishStoredMetrics();
      } catch (error) {
        logger.warn('Business metric not written', { metric, error: error as Error });
      }
    },
  };
}

let shared: BusinessMetrics | undefined;

/** The process's business metrics, made on first use (after the environment is read). */
export const businessMetrics: BusinessMetrics = {
  count: (metric, value) => (shared ??= powertoolsBusinessMetrics()).count(metric, value),
};
